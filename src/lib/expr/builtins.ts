import type { NodeOf } from './ast';
import { COLLECTION_BUILTINS } from './builtins-collections';
import { ExprError } from './errors';
import { marshalJson } from './format';
import { evaluateNode, type Context } from './interpreter';
import { MAX_VALUE_NESTING } from './limits';
import { parseDate, parseDuration } from './time';
import { OperationError, expectString, isNil, utf8Bytes, utf8Length } from './values';

/** Implementation of a builtin; `at` is the call's offset, for budget errors. */
export type BuiltinImplementation = (args: unknown[], context: Context, at: number) => unknown;

const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

function strings(args: unknown[], count = args.length): string[] {
  return args.slice(0, count).map(expectString);
}

function trimSet(value: string, cutset: string, left: boolean, right: boolean): string {
  const chars = [...value];
  const cut = new Set(cutset);
  let start = 0;
  let end = chars.length;
  while (left && start < end && cut.has(chars[start] as string)) start += 1;
  while (right && end > start && cut.has(chars[end - 1] as string)) end -= 1;
  return chars.slice(start, end).join('');
}

/** Go's strings.SplitN / SplitAfterN: `limit` < 0 means no limit, 0 gives an empty list. */
function splitGo(value: string, separator: string, limit: number, after: boolean): string[] {
  if (limit === 0) return [];
  const parts: string[] = [];
  if (separator === '') {
    const chars = [...value];
    const count = limit < 0 || limit > chars.length ? chars.length : limit;
    for (let i = 0; i < count - 1; i += 1) parts.push(chars[i] as string);
    if (count > 0) parts.push(chars.slice(count - 1).join(''));
    return parts;
  }
  let rest = value;
  while (limit < 0 || parts.length < limit - 1) {
    const index = rest.indexOf(separator);
    if (index < 0) break;
    parts.push(rest.slice(0, index + (after ? separator.length : 0)));
    rest = rest.slice(index + separator.length);
  }
  parts.push(rest);
  return parts;
}

function replaceGo(value: string, old: string, replacement: string, limit: number): string {
  if (old === '') {
    const chars = [...value];
    let out = '';
    let done = 0;
    for (let i = 0; i <= chars.length; i += 1) {
      if (limit < 0 || done < limit) {
        out += replacement;
        done += 1;
      }
      out += chars[i] ?? '';
    }
    return out;
  }
  const parts = value.split(old);
  if (limit < 0 || limit >= parts.length - 1) return parts.join(replacement);
  return parts.slice(0, limit + 1).join(replacement) + old + parts.slice(limit + 1).join(old);
}

function countOccurrences(value: string, part: string): number {
  return part === '' ? [...value].length + 1 : value.split(part).length - 1;
}

function toLimit(value: unknown): number {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Math.trunc(value);
  throw new OperationError(`invalid operation: int(${isNil(value) ? '<nil>' : typeof value})`);
}

function byteIndex(value: string, index: number): bigint {
  return BigInt(index < 0 ? -1 : utf8Length(value.slice(0, index)));
}

/** Scans JSON text for nesting; returns true when the text ends inside a string, array or object. */
function scanJsonNesting(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > MAX_VALUE_NESTING) throw new OperationError('exceeded max depth', true);
    } else if (char === ']' || char === '}') {
      depth -= 1;
    }
  }
  return inString || depth > 0;
}

function fromJson(text: string): unknown {
  const truncated = scanJsonNesting(text) || text.trim() === '';
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Engines word JSON errors differently; keep Go's message for truncated input.
    const message = error instanceof Error ? error.message : String(error);
    throw new OperationError(
      truncated ? 'unexpected end of JSON input' : `invalid JSON: ${message}`,
      true,
    );
  }
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of utf8Bytes(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): string {
  const invalid = /[^A-Za-z0-9+/=]/.exec(text);
  const badPadding = /=[^=]/.exec(text);
  const failure = invalid?.index ?? badPadding?.index ?? (text.length % 4 === 0 ? -1 : text.length);
  if (failure >= 0) {
    throw new OperationError(`illegal base64 data at input byte ${failure}`, true);
  }
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const STRING_BUILTINS: Record<string, BuiltinImplementation> = {
  trim: (args) => {
    const [value, cutset] = strings(args);
    return cutset === undefined
      ? (value as string).replace(GO_SPACE, '')
      : trimSet(value as string, cutset, true, true);
  },
  trimPrefix: (args) => {
    const [value = '', prefix = ' '] = strings(args);
    return value.startsWith(prefix) ? value.slice(prefix.length) : value;
  },
  trimSuffix: (args) => {
    const [value = '', suffix = ' '] = strings(args);
    return value.endsWith(suffix) && suffix !== '' ? value.slice(0, -suffix.length) : value;
  },
  upper: (args) => expectString(args[0]).toUpperCase(),
  lower: (args) => expectString(args[0]).toLowerCase(),
  split: (args, context, at) => {
    const [value = '', separator = ''] = strings(args, 2);
    const parts = splitGo(value, separator, args.length > 2 ? toLimit(args[2]) : -1, false);
    context.budget.chargeBulk(parts.length, at);
    return parts;
  },
  splitAfter: (args, context, at) => {
    const [value = '', separator = ''] = strings(args, 2);
    const parts = splitGo(value, separator, args.length > 2 ? toLimit(args[2]) : -1, true);
    context.budget.chargeBulk(parts.length, at);
    return parts;
  },
  replace: (args, context, at) => {
    const [value = '', old = '', replacement = ''] = strings(args, 3);
    const limit = args.length > 3 ? toLimit(args[3]) : -1;
    const count = countOccurrences(value, old);
    const replaced = limit < 0 ? count : Math.min(limit, count);
    context.budget.reserveString(value.length + replaced * (replacement.length - old.length), at);
    return replaceGo(value, old, replacement, limit);
  },
  repeat: (args, context, at) => {
    const value = expectString(args[0]);
    const count = toLimit(args[1]);
    if (count < 0) {
      throw new OperationError(
        `invalid argument for repeat (expected positive integer, got ${count})`,
        true,
      );
    }
    if (count > 1e6) throw new OperationError('memory budget exceeded', true);
    context.budget.reserveString(value.length * count, at);
    return value.repeat(count);
  },
  indexOf: (args) => {
    const [value = '', part = ''] = strings(args);
    return byteIndex(value, value.indexOf(part));
  },
  lastIndexOf: (args) => {
    const [value = '', part = ''] = strings(args);
    return byteIndex(value, value.lastIndexOf(part));
  },
  hasPrefix: (args) => {
    const [value = '', prefix = ''] = strings(args);
    return value.startsWith(prefix);
  },
  hasSuffix: (args) => {
    const [value = '', suffix = ''] = strings(args);
    return value.endsWith(suffix);
  },
  toJSON: (args) => marshalJson(args[0]),
  fromJSON: (args) => fromJson(expectString(args[0])),
  toBase64: (args) => toBase64(expectString(args[0])),
  fromBase64: (args) => fromBase64(expectString(args[0])),
  now: (_args, context) => context.now(),
  duration: (args) => parseDuration(expectString(args[0])),
  date: (args) => parseDate(expectString(args[0])),
};

function callLink(args: unknown[], context: Context): unknown {
  if (!context.link) {
    throw new OperationError('link() is not available here', true);
  }
  if (args.length !== 2) {
    throw new OperationError(`expect two arguments, got ${args.length}`, true);
  }
  const [target, rel] = args;
  if (typeof rel !== 'string') throw new OperationError('second parameter must be a string', true);
  let result: unknown;
  try {
    result = context.link(target, rel);
  } catch (error) {
    if (error instanceof ExprError || error instanceof OperationError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new OperationError(message, true);
  }
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    throw new OperationError('link() returned a promise; evaluate with evaluateAsync', true);
  }
  return result;
}

/** Evaluates the arguments of a non-predicate builtin (or link) and calls it. */
export function callBuiltin(node: NodeOf<'builtin'>, context: Context): unknown {
  const args = node.args.map((arg) => evaluateNode(arg, context));
  if (node.name === 'link') return callLink(args, context);
  const implementation = STRING_BUILTINS[node.name] ?? COLLECTION_BUILTINS[node.name];
  if (!implementation) throw new OperationError(`unknown name ${node.name}`);
  const result = implementation(args, context, node.at);
  if (typeof result === 'string') context.budget.checkString(result, node.at);
  return result;
}
