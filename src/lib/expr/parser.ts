import type { Node } from './ast';
import {
  BINARY_OPERATORS,
  NEGATABLE_OPERATORS,
  PREDICATE_BUILTINS,
  UNARY_PRECEDENCE,
  isComparison,
} from './catalog';
import { formatToken, type Token } from './lexer';
import { parseNumber } from './numbers';
import { TokenCursor } from './token-cursor';

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{Nd}_$]*$/u;

/**
 * Recursive-descent parser with precedence climbing, following the grammar of
 * expr-lang v1.17. It stops at the first error, which is the error expr-lang
 * reports too. `maxDepth` bounds the recursion.
 */
export class Parser extends TokenCursor {
  private predicateDepth = 0;
  private nesting = 0;

  constructor(
    source: string,
    private readonly maxDepth: number,
  ) {
    super(source);
  }

  parse(): Node {
    const node = this.parseSequence();
    if (this.current.kind !== 'EOF') this.unexpected();
    return node;
  }

  private parseSequence(): Node {
    const nodes = [this.parseExpression(0)];
    while (this.is('Operator', ';')) {
      this.next();
      if (this.is('EOF')) break;
      nodes.push(this.parseExpression(0));
    }
    if (nodes.length === 1) return nodes[0] as Node;
    return { kind: 'sequence', at: (nodes[0] as Node).at, nodes };
  }

  private parseExpression(precedence: number): Node {
    this.nesting += 1;
    if (this.nesting > this.maxDepth) {
      this.fail(`expression nesting exceeds the limit of ${this.maxDepth}`);
    }
    try {
      return this.parseOperators(precedence);
    } finally {
      this.nesting -= 1;
    }
  }

  private parseOperators(precedence: number): Node {
    if (precedence === 0 && this.is('Operator', 'let')) return this.parseLet();
    if (precedence === 0 && this.is('Operator', 'if')) return this.parseIf();

    let left = this.parsePrimary();
    let previous = '';
    let opToken = this.current;
    while (opToken.kind === 'Operator') {
      const negate = opToken.value === 'not';
      if (negate) {
        const notToken = this.current;
        this.next();
        if (!NEGATABLE_OPERATORS.has(this.current.value)) this.unexpected();
        const negated = BINARY_OPERATORS[this.current.value];
        if (!negated || negated.precedence < precedence) {
          this.stashed = this.current;
          this.current = notToken;
          break;
        }
        opToken = this.current;
      }
      const operator = BINARY_OPERATORS[opToken.value];
      if (!operator || operator.precedence < precedence) break;
      this.next();

      if (opToken.value === '|') {
        const name = this.current;
        if (!this.is('Identifier')) this.unexpected();
        this.next();
        left = this.parseCall(name, [left]);
      } else if (previous === '??' && opToken.value !== '??') {
        this.fail(
          `Operator (${opToken.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`,
          opToken,
        );
      } else if (isComparison(opToken.value)) {
        left = this.parseComparison(left, opToken, operator.precedence);
      } else {
        const right = this.parseExpression(
          operator.rightAssociative ? operator.precedence : operator.precedence + 1,
        );
        left = { kind: 'binary', at: opToken.from, operator: opToken.value, left, right };
        if (negate) left = { kind: 'unary', at: opToken.from, operator: 'not', operand: left };
      }
      previous = opToken.value;
      opToken = this.current;
    }
    return precedence === 0 ? this.parseConditional(left) : left;
  }

  /** Parses `a < b < c` as `a < b && b < c`, like expr-lang. */
  private parseComparison(left: Node, token: Token, precedence: number): Node {
    let root: Node | undefined;
    let operand = left;
    let operator = token;
    for (;;) {
      const right = this.parseExpression(precedence + 1);
      const comparison: Node = {
        kind: 'binary',
        at: operator.from,
        operator: operator.value,
        left: operand,
        right,
      };
      root = root
        ? { kind: 'binary', at: operator.from, operator: '&&', left: root, right: comparison }
        : comparison;
      operand = right;
      operator = this.current;
      if (!(operator.kind === 'Operator' && isComparison(operator.value))) break;
      this.next();
    }
    return root;
  }

  private parseConditional(node: Node): Node {
    let result = node;
    while (this.is('Operator', '?')) {
      const at = this.current.from;
      this.next();
      let consequent: Node;
      let alternate: Node;
      if (this.is('Operator', ':')) {
        this.next();
        consequent = result;
        alternate = this.parseExpression(0);
      } else {
        consequent = this.parseExpression(0);
        this.expect('Operator', ':');
        alternate = this.parseExpression(0);
      }
      result = { kind: 'conditional', at, test: result, consequent, alternate };
    }
    return result;
  }

  private parseLet(): Node {
    this.next();
    const name = this.current;
    if (!this.is('Identifier')) this.unexpected();
    this.next();
    this.expect('Operator', '=');
    const value = this.parseExpression(0);
    this.expect('Operator', ';');
    const body = this.parseSequence();
    return { kind: 'let', at: name.from, name: name.value, value, body };
  }

  private parseIf(): Node {
    const at = this.current.from;
    this.next();
    const test = this.parseExpression(0);
    this.expect('Bracket', '{');
    const consequent = this.parseSequence();
    this.expect('Bracket', '}');
    this.expect('Operator', 'else');
    let alternate: Node;
    if (this.is('Operator', 'if')) {
      alternate = this.parseIf();
    } else {
      this.expect('Bracket', '{');
      alternate = this.parseSequence();
      this.expect('Bracket', '}');
    }
    return { kind: 'conditional', at, test, consequent, alternate };
  }

  private parsePrimary(): Node {
    const token = this.current;
    const unary = token.kind === 'Operator' ? UNARY_PRECEDENCE[token.value] : undefined;
    if (unary !== undefined) {
      this.next();
      const operand = this.parseExpression(unary);
      return this.parsePostfix({ kind: 'unary', at: token.from, operator: token.value, operand });
    }
    if (this.is('Bracket', '(')) {
      this.next();
      const inner = this.parseSequence();
      this.expect('Bracket', ')');
      return this.parsePostfix(inner);
    }
    if (this.predicateDepth > 0 && (this.is('Operator', '#') || this.is('Operator', '.'))) {
      let name = '';
      if (token.value === '#') {
        this.next();
        if (this.is('Identifier')) {
          name = this.current.value;
          this.next();
        }
      }
      return this.parsePostfix({ kind: 'pointer', at: token.from, name });
    }
    return this.parseSecondary();
  }

  private parseSecondary(): Node {
    const token = this.current;
    if (token.kind === 'Identifier') {
      this.next();
      if (token.value === 'true' || token.value === 'false') {
        return { kind: 'bool', at: token.from, value: token.value === 'true' };
      }
      if (token.value === 'nil') return { kind: 'nil', at: token.from };
      if (this.is('Bracket', '(')) return this.parsePostfix(this.parseCall(token, []));
      return this.parsePostfix({ kind: 'identifier', at: token.from, name: token.value });
    }
    if (token.kind === 'Number') {
      this.next();
      const parsed = parseNumber(token.value);
      // expr-lang reports a bad literal at the token that follows it.
      if (typeof parsed === 'string') this.fail(parsed);
      return typeof parsed === 'bigint'
        ? { kind: 'int', at: token.from, value: parsed }
        : { kind: 'float', at: token.from, value: parsed };
    }
    if (token.kind === 'String') {
      this.next();
      return this.parsePostfix({ kind: 'string', at: token.from, value: token.value });
    }
    if (this.is('Bracket', '[')) return this.parsePostfix(this.parseArray());
    if (this.is('Bracket', '{')) return this.parsePostfix(this.parseMap());
    return this.unexpected();
  }

  private parseCall(name: Token, args: Node[]): Node {
    const spec = PREDICATE_BUILTINS[name.value];
    if (!spec) {
      return { kind: 'builtin', at: name.from, name: name.value, args: this.parseArguments(args) };
    }
    this.expect('Bracket', '(');
    const remaining = spec.slice(args.length);
    for (const [index, argument] of remaining.entries()) {
      const optional = argument.startsWith('optional');
      if (this.is('Bracket', ')')) {
        if (optional) break;
        this.fail(`expected at least ${remaining.length} arguments`);
      }
      if (index > 0) this.expect('Operator', ',');
      args.push(argument.endsWith('predicate') ? this.parsePredicate() : this.parseExpression(0));
    }
    if (this.is('Operator', ',')) this.next();
    this.expect('Bracket', ')');
    return { kind: 'builtin', at: name.from, name: name.value, args };
  }

  private parseArguments(args: Node[]): Node[] {
    const offset = args.length;
    this.expect('Bracket', '(');
    while (!this.is('Bracket', ')')) {
      if (args.length > offset) this.expect('Operator', ',');
      if (this.is('Bracket', ')')) break;
      args.push(this.parseExpression(0));
    }
    this.expect('Bracket', ')');
    return args;
  }

  private parsePredicate(): Node {
    const start = this.current;
    const braced = this.is('Bracket', '{');
    if (braced) this.next();
    this.predicateDepth += 1;
    let body: Node;
    if (braced) {
      body = this.parseSequence();
    } else {
      body = this.parseExpression(0);
      if (this.is('Operator', ';')) this.fail('wrap predicate with brackets { and }');
    }
    this.predicateDepth -= 1;
    if (braced) this.expect('Bracket', '}');
    return { kind: 'predicate', at: start.from, body };
  }

  private parseArray(): Node {
    const at = this.current.from;
    const elements: Node[] = [];
    this.expect('Bracket', '[');
    while (!this.is('Bracket', ']')) {
      if (elements.length > 0) {
        this.expect('Operator', ',');
        if (this.is('Bracket', ']')) break;
      }
      elements.push(this.parseExpression(0));
    }
    this.expect('Bracket', ']');
    return { kind: 'array', at, elements };
  }

  private parseMap(): Node {
    const at = this.current.from;
    const entries: { key: Node; value: Node }[] = [];
    this.expect('Bracket', '{');
    while (!this.is('Bracket', '}')) {
      if (entries.length > 0) {
        this.expect('Operator', ',');
        if (this.is('Bracket', '}')) break;
        if (this.is('Operator', ',')) this.unexpected();
      }
      let key: Node;
      if (this.is('Number') || this.is('String') || this.is('Identifier')) {
        key = { kind: 'string', at: this.current.from, value: this.current.value };
        this.next();
      } else if (this.is('Bracket', '(')) {
        key = this.parseExpression(0);
      } else {
        this.fail(
          'a map key must be a quoted string, a number, a identifier, or an expression enclosed ' +
            `in parentheses (unexpected token ${formatToken(this.current)})`,
        );
      }
      this.expect('Operator', ':');
      entries.push({ key, value: this.parseExpression(0) });
    }
    this.expect('Bracket', '}');
    return { kind: 'map', at, entries };
  }

  private parsePostfix(start: Node): Node {
    let node = start;
    for (;;) {
      const token = this.current;
      const optional = token.kind === 'Operator' && token.value === '?.';
      if (token.kind === 'Operator' && (token.value === '.' || optional)) {
        this.next();
        if (optional && this.is('Bracket', '[')) {
          node = this.parseIndex(node, true);
          continue;
        }
        node = this.parseProperty(node, optional);
      } else if (token.kind === 'Bracket' && token.value === '[') {
        node = this.parseIndex(node, false);
      } else {
        return node;
      }
    }
  }

  private parseProperty(object: Node, optional: boolean): Node {
    const property = this.current;
    this.next();
    const validName =
      property.kind === 'Identifier' ||
      (property.kind === 'Operator' && IDENTIFIER.test(property.value));
    if (!validName) this.fail('expected name');
    const isChain = object.kind === 'chain';
    const target = object.kind === 'chain' ? object.node : object;
    const at = property.from;
    let node: Node;
    if (this.is('Bracket', '(')) {
      const args = this.parseArguments([]);
      node = { kind: 'method', at, object: target, name: property.value, optional, args };
    } else {
      const name: Node = { kind: 'string', at, value: property.value };
      node = { kind: 'member', at, object: target, property: name, optional };
    }
    return isChain || optional ? { kind: 'chain', at, node } : node;
  }

  private parseIndex(object: Node, optional: boolean): Node {
    const at = this.current.from;
    this.next();
    let from: Node | undefined;
    if (!this.is('Operator', ':')) {
      from = this.parseExpression(0);
      if (!this.is('Operator', ':')) {
        this.expect('Bracket', ']');
        const node: Node = { kind: 'member', at, object, property: from, optional };
        return optional ? { kind: 'chain', at, node } : node;
      }
    }
    this.next();
    const to = this.is('Bracket', ']') ? undefined : this.parseExpression(0);
    this.expect('Bracket', ']');
    return { kind: 'slice', at, object, from, to };
  }
}
