import { childrenOf, type Node, type NodeOf } from './ast';
import { FUNCTION_ARITY, PREDICATE_BUILTINS } from './catalog';
import { ExprError } from './errors';
import { compileRegex } from './regex';
import { OperationError } from './values';

/*
 * Compile-time checks. Types are known only for literals and what is built
 * from them, because Formance compiles without an environment type and event
 * data is untyped. So `1 + "a"` fails here, while `event.a + 1` can only fail
 * at evaluation, as in expr-lang.
 */

type Nature = 'int' | 'float' | 'string' | 'bool' | 'nil' | 'array' | 'map' | 'unknown';

const GO_NAMES: Record<Nature, string> = {
  int: 'int',
  float: 'float64',
  string: 'string',
  bool: 'bool',
  nil: 'nil',
  array: '[]interface {}',
  map: 'map[string]interface {}',
  unknown: 'interface {}',
};

/** Builtins whose arity errors use expr-lang's "invalid number of arguments" wording. */
const VALIDATED = new Set(
  'len abs ceil floor round int float first last take keys values toPairs fromPairs reverse uniq flatten now'.split(
    ' ',
  ),
);
const STRING_PARAMETERS: Record<string, number> = {
  upper: 1,
  lower: 1,
  trim: 2,
  trimPrefix: 2,
  trimSuffix: 2,
  split: 2,
  splitAfter: 2,
  replace: 3,
  repeat: 1,
  indexOf: 2,
  lastIndexOf: 2,
  hasPrefix: 2,
  hasSuffix: 2,
  fromJSON: 1,
  toBase64: 1,
  fromBase64: 1,
  duration: 1,
  date: 1,
};

export type CheckOptions = { source: string; allowedVariables: ReadonlySet<string> | 'any' };

const isNumeric = (nature: Nature) => nature === 'int' || nature === 'float';

export class Checker {
  private readonly variables: string[] = [];

  constructor(private readonly options: CheckOptions) {}

  private fail(node: Node, reason: string): never {
    throw new ExprError({ reason, source: this.options.source, offset: node.at });
  }

  check(node: Node): Nature {
    if (node.kind === 'let') {
      this.check(node.value);
      this.variables.push(node.name);
      try {
        return this.check(node.body);
      } finally {
        this.variables.pop();
      }
    }
    const natures = childrenOf(node).map((child) => this.check(child));
    return this.natureOf(node, natures);
  }

  private natureOf(node: Node, natures: Nature[]): Nature {
    const [first = 'unknown', second = 'unknown'] = natures;
    switch (node.kind) {
      case 'nil':
      case 'bool':
      case 'int':
      case 'float':
      case 'string':
        return node.kind;
      case 'array':
        return 'array';
      case 'map':
        return 'map';
      case 'identifier':
        this.checkIdentifier(node);
        return 'unknown';
      case 'pointer':
        if (!['', 'index', 'acc'].includes(node.name))
          this.fail(node, `unknown pointer #${node.name}`);
        return node.name === 'index' ? 'int' : 'unknown';
      case 'unary':
        return this.checkUnary(node, first);
      case 'binary':
        return this.checkBinary(node, first, second);
      case 'conditional':
        if (first !== 'bool' && first !== 'unknown') {
          this.fail(node, `non-bool expression (type ${GO_NAMES[first]}) used as condition`);
        }
        return 'unknown';
      case 'builtin':
        this.checkCall(node, natures);
        return 'unknown';
      default:
        return 'unknown';
    }
  }

  private checkIdentifier(node: NodeOf<'identifier'>): void {
    const { allowedVariables } = this.options;
    if (node.name === '$env' || this.variables.includes(node.name) || allowedVariables === 'any') {
      return;
    }
    if (!allowedVariables.has(node.name)) this.fail(node, `unknown name ${node.name}`);
  }

  private checkUnary(node: NodeOf<'unary'>, operand: Nature): Nature {
    const logical = node.operator === '!' || node.operator === 'not';
    if (operand === 'unknown') return logical ? 'bool' : 'unknown';
    if (logical ? operand === 'bool' : isNumeric(operand)) return operand;
    return this.fail(
      node,
      `invalid operation: ${node.operator} (mismatched type ${GO_NAMES[operand]})`,
    );
  }

  private checkBinary(node: NodeOf<'binary'>, left: Nature, right: Nature): Nature {
    const { operator } = node;
    if (operator === 'matches' && node.right.kind === 'string') {
      try {
        compileRegex(node.right.value);
      } catch (error) {
        if (error instanceof OperationError) this.fail(node, error.message);
        throw error;
      }
    }
    if (operator === 'in' && right === 'map' && !['string', 'unknown', 'nil'].includes(left)) {
      this.fail(node, `cannot use ${GO_NAMES[left]} as type string in map key`);
    }
    const result = binaryResult(operator, left, right);
    if (result === undefined) {
      this.fail(
        node,
        `invalid operation: ${operator} (mismatched types ${GO_NAMES[left]} and ${GO_NAMES[right]})`,
      );
    }
    return result;
  }

  private checkCall(node: NodeOf<'builtin'>, natures: Nature[]): void {
    const predicate = PREDICATE_BUILTINS[node.name];
    if (predicate) {
      const collection = natures[0] ?? 'unknown';
      if (collection !== 'array' && collection !== 'unknown') {
        const target = node.args[0] ?? node;
        this.fail(target, `builtin ${node.name} takes only array (got ${GO_NAMES[collection]})`);
      }
      return;
    }
    const arity = FUNCTION_ARITY[node.name];
    if (!arity) this.fail(node, `unknown name ${node.name}`);
    const [min, max] = arity;
    const count = node.args.length;
    if (count < min || count > max) {
      if (VALIDATED.has(node.name)) {
        this.fail(node, `invalid number of arguments (expected ${min}, got ${count})`);
      }
      this.fail(node, `${count < min ? 'not enough' : 'too many'} arguments to call ${node.name}`);
    }
    const stringCount = STRING_PARAMETERS[node.name] ?? 0;
    node.args.slice(0, stringCount).forEach((arg, index) => {
      const nature = natures[index] ?? 'unknown';
      if (nature === 'nil') {
        this.fail(arg, `cannot use nil as argument (type string) to call ${node.name}`);
      }
      if (nature !== 'string' && nature !== 'unknown') {
        // expr-lang's message ends with a space here.
        this.fail(
          arg,
          `cannot use ${GO_NAMES[nature]} as argument (type string) to call ${node.name} `,
        );
      }
    });
  }
}

/** Nature of a binary expression, or undefined when the operand types can never work. */
function binaryResult(operator: string, left: Nature, right: Nature): Nature | undefined {
  const unknown = left === 'unknown' || right === 'unknown';
  const numbers = isNumeric(left) && isNumeric(right);
  const bothStrings = left === 'string' && right === 'string';
  let arithmetic: Nature | undefined;
  if (numbers) arithmetic = left === 'int' && right === 'int' ? 'int' : 'float';
  switch (operator) {
    case '==':
    case '!=':
      return unknown || numbers || left === right || left === 'nil' || right === 'nil'
        ? 'bool'
        : undefined;
    case '&&':
    case '||':
    case 'and':
    case 'or':
      return (left === 'bool' || left === 'unknown') && (right === 'bool' || right === 'unknown')
        ? 'bool'
        : undefined;
    case '<':
    case '>':
    case '<=':
    case '>=':
      return unknown || numbers || bothStrings ? 'bool' : undefined;
    case '+':
      if (bothStrings) return 'string';
      return unknown ? 'unknown' : arithmetic;
    case '-':
    case '*':
      return unknown ? 'unknown' : arithmetic;
    case '/':
    case '**':
    case '^':
      return unknown || numbers ? 'float' : undefined;
    case '%':
      return unknown || (left === 'int' && right === 'int') ? 'int' : undefined;
    case '..':
      return unknown || (left === 'int' && right === 'int') ? 'array' : undefined;
    case 'in':
      return right === 'unknown' || right === 'array' || right === 'map' ? 'bool' : undefined;
    case 'matches':
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return unknown || bothStrings ? 'bool' : undefined;
    default:
      return 'unknown';
  }
}
