import { NEGATABLE_OPERATORS } from './catalog';
import { ExprError } from './errors';

export type TokenKind = 'Identifier' | 'Number' | 'String' | 'Operator' | 'Bracket' | 'EOF';

export type Token = {
  kind: TokenKind;
  value: string;
  /** UTF-16 offsets of the token in the source. */
  from: number;
  to: number;
};

const KEYWORD_OPERATORS = new Set([
  'in',
  'or',
  'and',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  'let',
  'if',
  'else',
]);
const SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const LETTER = /[\p{L}_$]/u;
const DIGIT = /\p{Nd}/u;
const EOF = '';

export function isAlphaNumeric(char: string): boolean {
  return char !== EOF && (LETTER.test(char) || DIGIT.test(char));
}

export function formatToken(token: Token): string {
  return token.value === '' ? token.kind : `${token.kind}(${goQuote(token.value)})`;
}

/** Quotes a string like Go's `%q` verb, as expr-lang prints token values. */
export function goQuote(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\t') out += '\\t';
    else if (char === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

/** Tokenizes expr-lang source on demand, so that errors surface in parse order. */
export class Lexer {
  private start = 0;
  private end = 0;
  private lastCharStart = 0;
  private atEof = false;
  private readonly queue: Token[] = [];

  constructor(private readonly source: string) {}

  next(): Token {
    while (this.queue.length === 0) {
      this.scanToken();
    }
    return this.queue.shift() as Token;
  }

  private read(): string {
    if (this.end >= this.source.length) {
      this.atEof = true;
      return EOF;
    }
    const code = this.source.codePointAt(this.end) ?? 0;
    const char = String.fromCodePoint(code);
    this.lastCharStart = this.end;
    this.end += char.length;
    return char;
  }

  private peek(): string {
    if (this.end >= this.source.length) return EOF;
    return String.fromCodePoint(this.source.codePointAt(this.end) ?? 0);
  }

  private backup(char: string): void {
    if (char === EOF) this.atEof = false;
    else this.end -= char.length;
  }

  private accept(valid: string): boolean {
    const char = this.peek();
    if (char !== EOF && valid.includes(char)) {
      this.read();
      return true;
    }
    return false;
  }

  private acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  private word(): string {
    return this.source.slice(this.start, this.end);
  }

  private emit(kind: TokenKind, value = this.word()): void {
    this.queue.push({ kind, value, from: this.start, to: this.end });
    this.start = this.end;
  }

  private fail(reason: string): never {
    const offset = this.atEof ? this.end : this.lastCharStart;
    throw new ExprError({ reason, source: this.source, offset });
  }

  private scanToken(): void {
    const char = this.read();
    if (char === EOF) {
      const from = Math.max(0, this.lastCharStart);
      this.queue.push({ kind: 'EOF', value: '', from: this.end === 0 ? 0 : from, to: this.end });
      return;
    }
    if (SPACE.test(char)) {
      this.start = this.end;
    } else if (char === '"' || char === "'") {
      this.emit('String', this.scanQuoted(char));
    } else if (char === '`') {
      this.emit('String', this.scanRaw());
    } else if ((char === 'b' || char === 'B') && (this.peek() === '"' || this.peek() === "'")) {
      this.fail('bytes literals are not supported');
    } else if (char >= '0' && char <= '9') {
      this.backup(char);
      this.scanNumber();
    } else if (char === '?') {
      this.accept('.?');
      this.emit('Operator');
    } else if (char === '/') {
      this.scanSlash();
    } else if (char === '#') {
      this.emit('Operator');
      while (isAlphaNumeric(this.peek())) this.read();
      if (this.word() !== '') this.emit('Identifier');
    } else if (char === '|') {
      this.accept('|');
      this.emit('Operator');
    } else if (char === ':') {
      this.accept(':');
      this.emit('Operator');
    } else if ('([{)]}'.includes(char)) {
      this.emit('Bracket');
    } else if (',;%+-^'.includes(char)) {
      this.emit('Operator');
    } else if ('&!=*<>'.includes(char)) {
      this.accept('&=*');
      this.emit('Operator');
    } else if (char === '.') {
      this.scanDot();
    } else if (isAlphaNumeric(char)) {
      this.scanIdentifier();
    } else {
      const code = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      this.fail(`unrecognized character: U+${code} '${char}'`);
    }
  }

  private scanNumber(): void {
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    const end = this.end;
    if (this.accept('.')) {
      // `1..3` is a range: leave both dots to the operator.
      if (this.peek() === '.') {
        this.end = end;
        this.emit('Number');
        return;
      }
      this.acceptRun(digits);
    }
    if (this.accept('eE')) {
      this.accept('+-');
      this.acceptRun(digits);
    }
    if (isAlphaNumeric(this.peek())) {
      this.read();
      this.fail(`bad number syntax: ${goQuote(this.word())}`);
    }
    this.emit('Number');
  }

  private scanDot(): void {
    if (this.accept('0123456789')) {
      this.end = this.start;
      this.scanNumber();
      return;
    }
    this.accept('.');
    this.emit('Operator');
  }

  private scanSlash(): void {
    if (this.accept('/')) {
      let char = this.read();
      while (char !== EOF && char !== '\n') char = this.read();
      this.atEof = false;
      this.start = this.end;
    } else if (this.accept('*')) {
      for (;;) {
        const char = this.read();
        if (char === EOF) this.fail('unclosed comment');
        if (char === '*' && this.accept('/')) break;
      }
      this.start = this.end;
    } else {
      this.emit('Operator');
    }
  }

  private scanIdentifier(): void {
    while (isAlphaNumeric(this.peek())) this.read();
    const word = this.word();
    if (word === 'not') {
      this.emit('Operator');
      this.scanAfterNot();
    } else if (KEYWORD_OPERATORS.has(word)) {
      this.emit('Operator');
    } else {
      this.emit('Identifier');
    }
  }

  /** Emits `in`, `matches`, … right after `not` as operators, so `not in` parses as one. */
  private scanAfterNot(): void {
    this.acceptRun(' ');
    this.start = this.end;
    const saved = this.end;
    while (isAlphaNumeric(this.peek())) this.read();
    if (NEGATABLE_OPERATORS.has(this.word())) {
      this.emit('Operator');
    } else {
      this.end = saved;
    }
  }

  private scanQuoted(quote: string): string {
    let value = '';
    for (;;) {
      const char = this.read();
      if (char === quote) return value;
      if (char === '\n' || char === EOF) this.fail('literal not terminated');
      if (char === '\\') {
        value += this.scanEscape(quote);
      } else if (char === '\r') {
        if (this.peek() === '\n') this.read();
        value += '\n';
      } else {
        value += char;
      }
    }
  }

  private scanEscape(quote: string): string {
    const char = this.read();
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
    };
    if (char === quote) return quote;
    if (char in simple) return simple[char] as string;
    if (char >= '0' && char <= '7') return this.codePoint(char + this.readDigits(8, 2), 8, 0xff);
    if (char === 'x') return this.codePoint(this.readDigits(16, 2), 16, 0xff);
    if (char === 'U') return this.codePoint(this.readDigits(16, 8), 16, 0x10ffff);
    if (char === 'u') {
      if (!this.accept('{')) return this.codePoint(this.readDigits(16, 4), 16, 0x10ffff);
      let digits = '';
      while (this.peek() !== '}') {
        if (digits.length >= 6 || !isHexDigit(this.peek())) this.fail('invalid char escape');
        digits += this.read();
      }
      this.read();
      if (digits === '') this.fail('invalid char escape');
      return this.codePoint(digits, 16, 0x10ffff);
    }
    return this.fail('invalid char escape');
  }

  private readDigits(base: 8 | 16, count: number): string {
    let digits = '';
    for (let i = 0; i < count; i += 1) {
      const char = this.read();
      const valid = base === 8 ? char >= '0' && char <= '7' : isHexDigit(char);
      if (!valid) this.fail('invalid char escape');
      digits += char;
    }
    return digits;
  }

  private codePoint(digits: string, base: number, max: number): string {
    const code = parseInt(digits, base);
    if (code > max || (code >= 0xd800 && code <= 0xdfff)) this.fail('invalid char escape');
    return String.fromCodePoint(code);
  }

  private scanRaw(): string {
    let value = '';
    for (;;) {
      const char = this.read();
      if (char === EOF) this.fail('literal not terminated');
      if (char === '`') {
        // A doubled backtick stands for one backtick inside a raw string.
        if (this.peek() !== '`') return value;
        this.read();
      }
      value += char;
    }
  }
}

function isHexDigit(char: string): boolean {
  return char !== EOF && '0123456789abcdefABCDEF'.includes(char);
}
