export { isPlainDecimal, parsePlainDecimal } from './plain-decimal.ts';
export { escapeControl } from './escape-control.ts';
