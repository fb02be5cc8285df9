/**
 * Syntax highlighting of expr-lang expressions (trigger filters and variables)
 * with a CodeMirror stream tokenizer: strings, numbers, keywords, operators,
 * builtin function names and the `#` closure pointer.
 */
import { StreamLanguage } from '@codemirror/language';
import type { StreamParser, StringStream } from '@codemirror/language';

const keywords = new Set([
  'and',
  'or',
  'not',
  'in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  'let',
  'if',
  'else',
]);
const atoms = new Set(['true', 'false', 'nil']);

type ExprState = { quote: string | undefined };

/** Reads the rest of an open string literal; strings may span lines. */
function readString(stream: StringStream, state: ExprState): string {
  const quote = state.quote;
  while (!stream.eol()) {
    const char = stream.next();
    if (char === '\\' && quote !== '`') stream.next();
    else if (char === quote) {
      state.quote = undefined;
      break;
    }
  }
  return 'string';
}

function createParser(functions: ReadonlySet<string>): StreamParser<ExprState> {
  return {
    name: 'expr',
    startState: () => ({ quote: undefined }),
    token(stream, state) {
      if (state.quote !== undefined) return readString(stream, state);
      if (stream.eatSpace()) return null;
      if (stream.match('//')) {
        stream.skipToEnd();
        return 'comment';
      }
      const next = stream.peek() ?? '';
      if (next === '"' || next === "'" || next === '`') {
        stream.next();
        state.quote = next;
        return readString(stream, state);
      }
      if (
        stream.match(/^(0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*(\.\d+)?([eE][+-]?\d+)?|\.\d+)/)
      ) {
        return 'number';
      }
      if (stream.match(/^#[A-Za-z]*/)) return 'variableName.special';
      const word = stream.match(/^[A-Za-z_$][\w$]*/);
      if (Array.isArray(word)) {
        const name = word[0];
        if (keywords.has(name)) return 'keyword';
        if (atoms.has(name)) return 'atom';
        if (functions.has(name) && stream.match(/^\s*\(/, false)) return 'variableName.function';
        return 'variableName';
      }
      if (stream.match(/^(\?\?|\?\.|&&|\|\||==|!=|<=|>=|\*\*|\.\.|[-+*/%^<>!?:|.])/)) {
        return 'operator';
      }
      if (stream.match(/^[()[\]{}]/)) return 'bracket';
      stream.next();
      return null;
    },
    languageData: { closeBrackets: { brackets: ['(', '[', '{', '"', "'"] } },
  };
}

/** The expr-lang language for CodeMirror; `functions` are highlighted when called. */
export function exprLanguage(functions: readonly string[]) {
  return StreamLanguage.define(createParser(new Set(functions)));
}
