import { readFileSync } from 'node:fs';

/** Reads a JSON file of data/reference/failure-detection/ (sources: data/reference/SOURCES.md). */
export function readReference<T = any>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/reference/failure-detection/${name}`, import.meta.url), 'utf8')) as T;
}
