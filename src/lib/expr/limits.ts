import { ExprError } from './errors';

/**
 * Bounds that make hostile expressions fail fast with an ExprError instead of
 * hanging the server or the browser tab, or overflowing the JS stack.
 */
export type ExprLimits = {
  /** Maximum source length, in UTF-16 code units. */
  maxSourceLength: number;
  /** Maximum nesting of the syntax tree (parentheses, operands, calls, closures). */
  maxDepth: number;
  /**
   * Evaluation budget. Each evaluated node costs one step, each element a
   * closure or range visits costs one step, and bulk work (characters of a
   * produced string, states visited by the regular expression matcher) costs
   * one step per 64 units.
   */
  maxSteps: number;
  /** Maximum length of a string that an expression produces, in UTF-16 code units. */
  maxStringLength: number;
};

export const DEFAULT_EXPR_LIMITS: Readonly<ExprLimits> = Object.freeze({
  maxSourceLength: 4096,
  maxDepth: 100,
  maxSteps: 100_000,
  maxStringLength: 1_000_000,
});

/** Maximum nesting of values (event payload, fromJSON results) that recursive helpers walk. */
export const MAX_VALUE_NESTING = 1000;

/** Characters of a produced string, or regex states visited, that cost one step. */
export const BULK_UNITS_PER_STEP = 64;

export function resolveLimits(...overrides: (Partial<ExprLimits> | undefined)[]): ExprLimits {
  const limits = { ...DEFAULT_EXPR_LIMITS };
  for (const override of overrides) {
    for (const key of Object.keys(limits) as (keyof ExprLimits)[]) {
      const value = override?.[key];
      if (value !== undefined) {
        limits[key] = value;
      }
    }
  }
  return limits;
}

/** Counts evaluation steps and throws once the budget is spent. */
export class StepBudget {
  private used = 0;
  private bulk = 0;

  constructor(
    readonly limits: ExprLimits,
    private readonly source: string,
  ) {}

  charge(steps: number, offset: number): void {
    this.used += steps;
    if (this.used > this.limits.maxSteps) {
      throw new ExprError({
        reason: `evaluation exceeded the limit of ${this.limits.maxSteps} steps`,
        source: this.source,
        offset,
      });
    }
  }

  chargeBulk(units: number, offset: number): void {
    this.bulk += units;
    if (this.bulk >= BULK_UNITS_PER_STEP) {
      const steps = Math.floor(this.bulk / BULK_UNITS_PER_STEP);
      this.bulk -= steps * BULK_UNITS_PER_STEP;
      this.charge(steps, offset);
    }
  }

  /**
   * Rejects a string of `length` code units before it is built when it would
   * exceed maxStringLength, and charges its length.
   */
  reserveString(length: number, offset: number): void {
    if (length > this.limits.maxStringLength) {
      throw new ExprError({
        reason: `string length ${length} exceeds the limit of ${this.limits.maxStringLength}`,
        source: this.source,
        offset,
      });
    }
    this.chargeBulk(length, offset);
  }

  /** Checks and charges a string that is already built, then returns it. */
  checkString(value: string, offset: number): string {
    this.reserveString(value.length, offset);
    return value;
  }
}
