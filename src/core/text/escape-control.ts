/**
 * Makes text from outside (a token of a data file, an option value, a file name) safe to echo in
 * a one-line message on a terminal: control characters (C0, DEL, C1), line and paragraph
 * separators, the byte-order mark and the bidirectional overrides become visible escapes
 * (`\n`, `\t`, `\x1b`, `\u202e`), so binary garbage can neither break the message into several
 * lines nor recolour or rewrite the terminal. Everything else passes unchanged.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
