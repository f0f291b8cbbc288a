import { InputError } from '../../core/errors.ts';
import { causalityMessages as m } from '../messages.ts';

/** One match of a ShiViz parser regex: named-group values and where each group starts. */
export interface ShivizMatch {
  readonly index: number;
  readonly end: number;
  readonly groups: Readonly<Record<string, string | undefined>>;
  readonly groupStart: Readonly<Record<string, number>>;
}

/**
 * A regular expression with named groups, rewritten the way ShiViz's `NamedRegExp`
 * (DistributedClocks/shiviz js/util/regexp.js) does, so a parser matches exactly what it matches
 * in ShiViz: every group that is not `(?=`, `(?!`, `(?<` or `(?:` becomes non-capturing, then each
 * `(?<name>` in turn becomes a plain capturing group, the names kept in order of appearance;
 * a name used twice is an error. Quirk kept on purpose: the rewrite does not skip escaped
 * parentheses, so `\(` becomes `\(?:` (an optional "(" followed by ":") as in ShiViz.
 */
export class ShivizRegExp {
  readonly names: readonly string[];
  private readonly regexp: RegExp;

  /** `source` names where the pattern came from (a file line or an option) for errors. */
  constructor(pattern: string, flags: string, source: string) {
    let rewritten = pattern.replace(/\((?!\?(=|!|<|:))/g, '(?:');
    const names: string[] = [];
    for (let match = rewritten.match(/\(\?<(\w+?)>.+\)/); match !== null; match = rewritten.match(/\(\?<(\w+?)>.+\)/)) {
      if (names.includes(match[1])) throw new InputError(m.regexDuplicateGroup(source, match[1]));
      names.push(match[1]);
      rewritten = rewritten.replace(/\(\?<\w+?>/, '(');
    }
    try {
      // 'd' gives group offsets, for the line of each clock; it changes no match.
      this.regexp = new RegExp(rewritten, `g${flags}d`);
    } catch (error) {
      throw new InputError(m.regexInvalid(source, (error as Error).message.replace(/^Invalid regular expression: /, '')));
    }
    this.names = names;
  }

  /** Every non-overlapping match in `text`, in order (an empty match advances one character). */
  *matches(text: string): Generator<ShivizMatch> {
    const re = this.regexp;
    re.lastIndex = 0;
    for (let match = re.exec(text); match !== null; match = re.exec(text)) {
      if (match[0].length === 0) re.lastIndex++;
      const groups: Record<string, string | undefined> = {};
      const groupStart: Record<string, number> = {};
      for (let i = 0; i < this.names.length; i++) {
        groups[this.names[i]] = match[i + 1];
        const span = match.indices?.[i + 1];
        if (span) groupStart[this.names[i]] = span[0];
      }
      yield { index: match.index, end: match.index + match[0].length, groups, groupStart };
    }
  }
}

/** The parser ShiViz uses when none is given (index.html, `defaultParser`). */
export const SHIVIZ_DEFAULT_PARSER = '(?<event>.*)\\n(?<host>\\S*) (?<clock>{.*})';
/** GoVector's log layout: `host {clock}` then the message (GoVector govec.go `logThis`). */
export const GOVECTOR_PARSER = '(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)';
