export * from './constants.ts';
export * from './conversions.ts';
