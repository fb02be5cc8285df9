import {
  MAX_PATTERN_LENGTH,
  RegexParser,
  inRanges,
  type AssertKind,
  type RegexNode,
} from './regex-parser';
import { OperationError } from './values';

/*
 * Regular expressions for `matches`, run by a Thompson NFA simulation (a Pike
 * VM without captures). Matching time is linear in the subject length times
 * the program size, so no pattern can backtrack catastrophically, which
 * JavaScript's own RegExp engine cannot promise. Semantics follow Go's RE2.
 */

type Instruction =
  | { op: 'char'; test: (code: number) => boolean; next: number }
  | { op: 'split'; first: number; second: number }
  | { op: 'jump'; next: number }
  | { op: 'assert'; kind: AssertKind; next: number }
  | { op: 'match' };

export type CompiledRegex = { program: Instruction[] };

const MAX_PROGRAM_SIZE = 20_000;
const WORD_CHARS: [number, number][] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const cache = new Map<string, CompiledRegex>();
const CACHE_SIZE = 64;

class Compiler {
  readonly program: Instruction[] = [];

  constructor(private readonly pattern: string) {}

  private push(instruction: Instruction): number {
    if (this.program.length >= MAX_PROGRAM_SIZE) {
      throw new OperationError(
        `error parsing regexp: expression too large: \`${this.pattern}\``,
        true,
      );
    }
    this.program.push(instruction);
    return this.program.length - 1;
  }

  /** Emits `node`; every dangling `next` is patched to the returned continuation list. */
  emit(node: RegexNode): number[] {
    switch (node.type) {
      case 'empty':
        return [this.push({ op: 'jump', next: -1 })];
      case 'char':
        return [this.push({ op: 'char', test: node.test, next: -1 })];
      case 'assert':
        return [this.push({ op: 'assert', kind: node.kind, next: -1 })];
      case 'concat': {
        let holes: number[] = [];
        for (const [index, item] of node.items.entries()) {
          const start = this.program.length;
          const next = this.emit(item);
          if (index > 0) this.patch(holes, start);
          holes = next;
        }
        return holes;
      }
      case 'alternate':
        return this.emitAlternate(node.items);
      case 'repeat':
        return this.emitRepeat(node.item, node.min, node.max);
    }
  }

  private emitAlternate(items: RegexNode[]): number[] {
    const [head, ...rest] = items;
    if (!head) return this.emit({ type: 'empty' });
    if (rest.length === 0) return this.emit(head);
    const split = this.push({ op: 'split', first: -1, second: -1 });
    const firstStart = this.program.length;
    const holes = this.emit(head);
    const secondStart = this.program.length;
    const restHoles = this.emitAlternate(rest);
    this.program[split] = { op: 'split', first: firstStart, second: secondStart };
    return [...holes, ...restHoles];
  }

  private emitRepeat(item: RegexNode, min: number, max: number): number[] {
    let holes: number[] = [];
    const chain = (emitPart: () => number[]) => {
      const start = this.program.length;
      const next = emitPart();
      this.patch(holes, start);
      holes = next;
    };
    for (let i = 0; i < min; i += 1) chain(() => this.emit(item));
    if (max === Infinity) {
      chain(() => {
        const split = this.push({ op: 'split', first: -1, second: -1 });
        const body = this.emit(item);
        this.patch(body, split);
        this.program[split] = { op: 'split', first: split + 1, second: -1 };
        return [split];
      });
    } else {
      for (let i = min; i < max; i += 1) {
        chain(() => {
          // The first branch enters the optional copy, which starts right after the split.
          const split = this.push({ op: 'split', first: this.program.length + 1, second: -1 });
          return [split, ...this.emit(item)];
        });
      }
    }
    return holes.length > 0 ? holes : this.emit({ type: 'empty' });
  }

  /** Points every hole at `target`; a split's hole is its `second` branch. */
  patch(holes: number[], target: number): void {
    for (const hole of holes) {
      const instruction = this.program[hole];
      if (!instruction || instruction.op === 'match') continue;
      if (instruction.op === 'split') instruction.second = target;
      else instruction.next = target;
    }
  }
}

export function compileRegex(pattern: string): CompiledRegex {
  const cached = cache.get(pattern);
  if (cached) return cached;
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new OperationError(
      `regular expression is longer than the limit of ${MAX_PATTERN_LENGTH} characters`,
      true,
    );
  }
  const tree = new RegexParser(pattern).parse();
  const compiler = new Compiler(pattern);
  const holes = compiler.emit(tree);
  compiler.patch(holes, compiler.program.length);
  compiler.program.push({ op: 'match' });
  const compiled = { program: compiler.program };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(pattern, compiled);
  return compiled;
}

function isWord(code: number | undefined): boolean {
  return code !== undefined && inRanges(WORD_CHARS, code);
}

function assertionHolds(kind: AssertKind, codes: number[], position: number): boolean {
  const before = codes[position - 1];
  const after = codes[position];
  switch (kind) {
    case 'bot':
      return position === 0;
    case 'eot':
      return position === codes.length;
    case 'bol':
      return position === 0 || before === 10;
    case 'eol':
      return position === codes.length || after === 10;
    case 'word':
      return isWord(before) !== isWord(after);
    case 'nonword':
      return isWord(before) === isWord(after);
  }
}

/**
 * Reports whether `regex` matches anywhere in `subject`. `onWork` receives the
 * number of NFA states visited at each position, for the step budget.
 */
export function regexMatches(
  regex: CompiledRegex,
  subject: string,
  onWork: (units: number) => void,
): boolean {
  const { program } = regex;
  const codes = Array.from(subject, (char) => char.codePointAt(0) ?? 0);
  const seen = new Int32Array(program.length).fill(-1);
  let current: number[] = [];
  const stack: number[] = [];

  const addThread = (list: number[], start: number, position: number): boolean => {
    stack.push(start);
    while (stack.length > 0) {
      const pc = stack.pop() as number;
      if (seen[pc] === position) continue;
      seen[pc] = position;
      const instruction = program[pc] as Instruction;
      if (instruction.op === 'match') return true;
      if (instruction.op === 'jump') stack.push(instruction.next);
      else if (instruction.op === 'split') stack.push(instruction.second, instruction.first);
      else if (instruction.op === 'assert') {
        if (assertionHolds(instruction.kind, codes, position)) stack.push(instruction.next);
      } else list.push(pc);
    }
    return false;
  };

  for (let position = 0; position <= codes.length; position += 1) {
    if (addThread(current, 0, position)) return true;
    onWork(current.length + 1);
    if (position === codes.length) break;
    const code = codes[position] as number;
    const next: number[] = [];
    for (const pc of current) {
      const instruction = program[pc] as Instruction;
      if (instruction.op === 'char' && instruction.test(code)) {
        if (addThread(next, instruction.next, position + 1)) return true;
      }
    }
    current = next;
  }
  return false;
}
