import { OperationError } from './values';

/*
 * Parser for the RE2 syntax that Go's regexp package accepts (the engine
 * behind expr-lang's `matches`). Unsupported Perl features such as
 * backreferences and lookaround are rejected, as Go rejects them.
 */

export type AssertKind = 'bol' | 'eol' | 'bot' | 'eot' | 'word' | 'nonword';

export type RegexNode =
  | { type: 'empty' }
  | { type: 'char'; test: (code: number) => boolean }
  | { type: 'assert'; kind: AssertKind }
  | { type: 'concat'; items: RegexNode[] }
  | { type: 'alternate'; items: RegexNode[] }
  | { type: 'repeat'; item: RegexNode; min: number; max: number };

type Flags = { i: boolean; m: boolean; s: boolean };
type Range = [number, number];

export const MAX_PATTERN_LENGTH = 1000;
const MAX_NESTING = 200;
const MAX_REPEAT = 1000;

const DIGIT: Range[] = [[48, 57]];
const SPACE: Range[] = [
  [9, 10],
  [12, 13],
  [32, 32],
];
const WORD: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const POSIX: Record<string, Range[]> = {
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122],
  ],
  alpha: [
    [65, 90],
    [97, 122],
  ],
  ascii: [[0, 127]],
  blank: [
    [9, 9],
    [32, 32],
  ],
  cntrl: [
    [0, 31],
    [127, 127],
  ],
  digit: DIGIT,
  graph: [[33, 126]],
  lower: [[97, 122]],
  print: [[32, 126]],
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126],
  ],
  space: [
    [9, 13],
    [32, 32],
  ],
  upper: [[65, 90]],
  word: WORD,
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102],
  ],
};
const ESCAPES: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

export function inRanges(ranges: Range[], code: number): boolean {
  return ranges.some(([low, high]) => code >= low && code <= high);
}

function foldCase(code: number): number[] {
  const char = String.fromCodePoint(code);
  const variants = [char.toLowerCase(), char.toUpperCase()]
    .filter((variant) => [...variant].length === 1)
    .map((variant) => variant.codePointAt(0) ?? code);
  return [code, ...variants];
}

function unicodeClass(name: string): ((code: number) => boolean) | undefined {
  if (!/^[A-Za-z_]+$/.test(name)) return undefined;
  const candidates = name === 'Any' ? ['Any'] : [name, `Script=${name}`];
  for (const candidate of candidates) {
    try {
      const pattern = new RegExp(`^\\p{${candidate}}$`, 'u');
      return (code) => pattern.test(String.fromCodePoint(code));
    } catch {
      // JavaScript rejects this property name, so try the next spelling.
    }
  }
  return undefined;
}

export class RegexParser {
  private readonly chars: string[];
  private index = 0;
  private depth = 0;
  private flags: Flags = { i: false, m: false, s: false };

  constructor(private readonly pattern: string) {
    this.chars = [...pattern];
  }

  private fail(code: string, text = this.pattern): never {
    throw new OperationError(`error parsing regexp: ${code}: \`${text}\``, true);
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.index + offset];
  }

  private take(): string {
    const char = this.chars[this.index];
    if (char === undefined) this.fail('trailing backslash at end of expression', '');
    this.index += 1;
    return char;
  }

  private textFrom(start: number): string {
    return this.chars.slice(start, this.index).join('');
  }

  parse(): RegexNode {
    const node = this.parseAlternation();
    if (this.index < this.chars.length) this.fail('unexpected )');
    return node;
  }

  private parseAlternation(): RegexNode {
    this.depth += 1;
    if (this.depth > MAX_NESTING) this.fail('expression nests too deeply');
    const items = [this.parseConcat()];
    while (this.peek() === '|') {
      this.index += 1;
      items.push(this.parseConcat());
    }
    this.depth -= 1;
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'alternate', items };
  }

  private parseConcat(): RegexNode {
    const items: RegexNode[] = [];
    for (;;) {
      const char = this.peek();
      if (char === undefined || char === '|' || char === ')') break;
      const atom = this.parseAtom();
      if (!atom) continue;
      items.push(this.parseQuantifiers(atom));
    }
    if (items.length === 0) return { type: 'empty' };
    return items.length === 1 ? (items[0] as RegexNode) : { type: 'concat', items };
  }

  private parseQuantifiers(atom: RegexNode): RegexNode {
    let node = atom;
    let previous: string | undefined;
    for (;;) {
      const start = this.index;
      const bounds = this.readQuantifier();
      if (!bounds) return node;
      if (this.peek() === '?') this.index += 1;
      const text = this.textFrom(start);
      if (previous !== undefined) {
        this.fail('invalid nested repetition operator', previous + text);
      }
      const finiteMax = bounds.max === Infinity ? bounds.min : bounds.max;
      if (finiteMax > MAX_REPEAT || bounds.min > MAX_REPEAT || bounds.min > bounds.max) {
        this.fail('invalid repeat count', text);
      }
      node = { type: 'repeat', item: node, min: bounds.min, max: bounds.max };
      previous = text;
    }
  }

  private readQuantifier(): { min: number; max: number } | undefined {
    const char = this.peek();
    if (char === '*' || char === '+' || char === '?') {
      this.index += 1;
      return { min: char === '+' ? 1 : 0, max: char === '?' ? 1 : Infinity };
    }
    if (char !== '{') return undefined;
    const rest = this.chars.slice(this.index, this.index + 16).join('');
    const match = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    if (!match) return undefined;
    this.index += [...match[0]].length;
    const min = Number(match[1]);
    if (match[2] === undefined) return { min, max: min };
    return { min, max: match[3] === '' ? Infinity : Number(match[3]) };
  }

  private literal(code: number): RegexNode {
    const codes = this.flags.i ? foldCase(code) : [code];
    return { type: 'char', test: (candidate) => codes.includes(candidate) };
  }

  private ranges(ranges: Range[], negated = false): RegexNode {
    const folded = this.flags.i;
    const matches = (code: number) =>
      folded ? foldCase(code).some((variant) => inRanges(ranges, variant)) : inRanges(ranges, code);
    return { type: 'char', test: (code) => matches(code) !== negated };
  }

  /** Parses one atom; returns undefined for a flag group such as `(?i)`, which matches nothing. */
  private parseAtom(): RegexNode | undefined {
    const start = this.index;
    const char = this.take();
    switch (char) {
      case '(':
        return this.parseGroup(start);
      case '[':
        return this.parseClass(start);
      case '.': {
        const dotAll = this.flags.s;
        return { type: 'char', test: (code) => dotAll || code !== 10 };
      }
      case '^':
        return { type: 'assert', kind: this.flags.m ? 'bol' : 'bot' };
      case '$':
        return { type: 'assert', kind: this.flags.m ? 'eol' : 'eot' };
      case '*':
      case '+':
      case '?':
        return this.fail('missing argument to repetition operator', char);
      case '\\':
        return this.parseEscape(start);
      default:
        return this.literal(char.codePointAt(0) ?? 0);
    }
  }

  private parseGroup(start: number): RegexNode | undefined {
    const saved = { ...this.flags };
    if (this.peek() === '?') {
      this.index += 1;
      const named = /^(P?<)[A-Za-z0-9_]+>/.exec(
        this.chars.slice(this.index, this.index + 40).join(''),
      );
      if (named) {
        this.index += [...named[0]].length;
      } else if (!this.parseFlags(start)) {
        return undefined;
      }
    }
    const node = this.parseAlternation();
    if (this.peek() !== ')') this.fail('missing closing )');
    this.index += 1;
    this.flags = saved;
    return node;
  }

  /** Applies `(?flags)` or starts `(?flags:…)`; returns false for the former. */
  private parseFlags(start: number): boolean {
    let negate = false;
    for (;;) {
      const char = this.peek();
      if (char === undefined) this.fail('missing closing )');
      this.index += 1;
      if (char === ':') return true;
      if (char === ')') return false;
      if (char === '-' && !negate) {
        negate = true;
      } else if (char === 'i' || char === 'm' || char === 's') {
        this.flags[char] = !negate;
      } else if (char !== 'U') {
        this.fail('invalid or unsupported Perl syntax', this.textFrom(start));
      }
    }
  }

  private parseEscape(start: number): RegexNode {
    const char = this.take();
    const assertions: Record<string, AssertKind> = { A: 'bot', z: 'eot', b: 'word', B: 'nonword' };
    const assertion = assertions[char];
    if (assertion) return { type: 'assert', kind: assertion };
    if (char === 'Q') {
      const end = this.chars.indexOf('\\', this.index);
      const stop = end >= 0 && this.chars[end + 1] === 'E' ? end : this.chars.length;
      const items = this.chars
        .slice(this.index, stop)
        .map((c) => this.literal(c.codePointAt(0) ?? 0));
      this.index = stop === this.chars.length ? stop : stop + 2;
      return { type: 'concat', items };
    }
    this.index = start;
    const item = this.parseClassEscape();
    return typeof item === 'number' ? this.literal(item) : item;
  }

  /** Parses an escape valid both inside and outside brackets: a code point or a class. */
  private parseClassEscape(): number | RegexNode {
    const start = this.index;
    this.take();
    const char = this.take();
    const perl: Record<string, Range[]> = { d: DIGIT, s: SPACE, w: WORD };
    const perlClass = perl[char.toLowerCase()];
    if (perlClass) return this.ranges(perlClass, char !== char.toLowerCase());
    if (char === 'p' || char === 'P') {
      let name = this.peek() === '{' ? '' : this.take();
      if (name === '') {
        const end = this.chars.indexOf('}', this.index);
        if (end < 0) this.fail('invalid character class range', this.textFrom(start));
        name = this.chars.slice(this.index + 1, end).join('');
        this.index = end + 1;
      }
      const negated = (char === 'P') !== name.startsWith('^');
      const test = unicodeClass(name.replace(/^\^/, ''));
      if (!test) this.fail('invalid character class range', this.textFrom(start));
      return { type: 'char', test: (code) => test(code) !== negated };
    }
    if (ESCAPES[char] !== undefined) return ESCAPES[char] as number;
    if (char === 'x') {
      const match = /^(\{[0-9A-Fa-f]{1,6}\}|[0-9A-Fa-f]{2})/.exec(
        this.chars.slice(this.index, this.index + 8).join(''),
      );
      if (!match) this.fail('invalid escape sequence', this.textFrom(start));
      this.index += match[0].length;
      const code = parseInt(match[0].replace(/[{}]/g, ''), 16);
      if (code > 0x10ffff) this.fail('invalid escape sequence', this.textFrom(start));
      return code;
    }
    if (char === '0') {
      let digits = '';
      while (digits.length < 2 && /[0-7]/.test(this.peek() ?? '')) digits += this.take();
      return parseInt(digits || '0', 8);
    }
    if (/[1-7]/.test(char) && /[0-7]/.test(this.peek() ?? '')) {
      let digits = char;
      while (digits.length < 3 && /[0-7]/.test(this.peek() ?? '')) digits += this.take();
      return parseInt(digits, 8);
    }
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80 && !/[0-9A-Za-z]/.test(char)) return code;
    return this.fail('invalid escape sequence', this.textFrom(start));
  }

  private parseClass(start: number): RegexNode {
    const negated = this.peek() === '^';
    if (negated) this.index += 1;
    const ranges: Range[] = [];
    const tests: ((code: number) => boolean)[] = [];
    let first = true;
    for (;;) {
      const char = this.peek();
      if (char === undefined) this.fail('missing closing ]', this.textFrom(start));
      if (char === ']' && !first) break;
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(
        this.chars.slice(this.index, this.index + 12).join(''),
      );
      if (posix) {
        const set = POSIX[posix[2] as string];
        if (!set) this.fail('invalid character class range', posix[0]);
        this.index += posix[0].length;
        const node = this.ranges(set, posix[1] === '^');
        if (node.type === 'char') tests.push(node.test);
        continue;
      }
      const itemStart = this.index;
      const low = this.readClassChar();
      if (typeof low !== 'number') {
        if (low.type === 'char') tests.push(low.test);
        continue;
      }
      let high = low;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.index += 1;
        const end = this.readClassChar();
        if (typeof end !== 'number' || end < low) {
          this.fail('invalid character class range', this.textFrom(itemStart));
        }
        high = end;
      }
      ranges.push([low, high]);
    }
    this.index += 1;
    const set = this.ranges(ranges);
    const inSet = (code: number) =>
      (set.type === 'char' && set.test(code)) || tests.some((test) => test(code));
    return { type: 'char', test: (code) => inSet(code) !== negated };
  }

  private readClassChar(): number | RegexNode {
    if (this.peek() === '\\') return this.parseClassEscape();
    return this.take().codePointAt(0) ?? 0;
  }
}
