import { ExprError } from './errors';
import { Lexer, formatToken, type Token, type TokenKind } from './lexer';

/** Current token of the parser, with one token of pushback for negated operators such as `not in`. */
export class TokenCursor {
  private readonly lexer: Lexer;
  protected current: Token;
  protected stashed: Token | undefined;

  constructor(protected readonly source: string) {
    this.lexer = new Lexer(source);
    this.current = this.lexer.next();
  }

  protected next(): void {
    if (this.stashed) {
      this.current = this.stashed;
      this.stashed = undefined;
      return;
    }
    this.current = this.lexer.next();
  }

  protected is(kind: TokenKind, ...values: string[]): boolean {
    return (
      this.current.kind === kind && (values.length === 0 || values.includes(this.current.value))
    );
  }

  protected fail(reason: string, token: Token = this.current): never {
    throw new ExprError({ reason, source: this.source, offset: token.from });
  }

  protected unexpected(token: Token = this.current): never {
    return this.fail(`unexpected token ${formatToken(token)}`, token);
  }

  protected expect(kind: TokenKind, value: string): void {
    if (!this.is(kind, value)) this.unexpected();
    this.next();
  }
}
