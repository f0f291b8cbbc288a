import { InputError } from '../core/errors.ts';
import { kernelMessages } from './messages.ts';

/** Parameter checks shared by the kernels: each throws an InputError naming the field. */
export function checkInteger(field: string, value: unknown, low: number, high: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < low || value > high) {
    throw new InputError(kernelMessages.notInteger(field, low, high, value));
  }
  return value;
}

export function checkLanes(field: string, value: unknown, max: number): number {
  checkInteger(field, value, 4, max);
  if ((value as number) % 4 !== 0) throw new InputError(kernelMessages.notMultipleOfFour(field, value as number));
  return value as number;
}

export function checkFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(kernelMessages.notFinite(field, value));
  return value;
}

export function checkPositive(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new InputError(kernelMessages.notPositive(field, value));
  return value;
}

export function checkNonNegative(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InputError(kernelMessages.notNonNegative(field, value));
  return value;
}

/** The 64-bit Philox key of a seed (0 ≤ seed ≤ 2^53 − 1): low and high 32-bit words. */
export function seedKey(seed: number): [number, number] {
  checkInteger('seed', seed, 0, Number.MAX_SAFE_INTEGER);
  return [seed % 4294967296, Math.floor(seed / 4294967296)];
}
