/**
 * Error codes of the embedded ledger, wallets and payments. `INSUFFICIENT_FUND`
 * is the Formance ledger's own code; the others match the orchestration API.
 */
export const ledgerErrorCodes = [
  'VALIDATION',
  'INSUFFICIENT_FUND',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
] as const;
export type LedgerErrorCode = (typeof ledgerErrorCodes)[number];

const httpStatusByCode: Record<LedgerErrorCode, number> = {
  VALIDATION: 400,
  INSUFFICIENT_FUND: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

/**
 * A failure of a ledger, wallet or payment operation. `retryable` is true
 * only for internal failures, because the other codes describe a problem in
 * the request itself, which a retry of the activity cannot fix.
 */
export class LedgerError extends Error {
  readonly code: LedgerErrorCode;
  readonly retryable: boolean;

  constructor(code: LedgerErrorCode, message: string) {
    super(message);
    this.name = 'LedgerError';
    this.code = code;
    this.retryable = code === 'INTERNAL';
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }
}

export function validationError(message: string): LedgerError {
  return new LedgerError('VALIDATION', message);
}

export function notFoundError(message: string): LedgerError {
  return new LedgerError('NOT_FOUND', message);
}

/**
 * Finds the ledger error code carried by an error, also when another layer
 * (such as the activity runner) wrapped it as `cause`.
 */
export function ledgerErrorCodeOf(error: unknown): LedgerErrorCode | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code: unknown = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && (ledgerErrorCodes as readonly string[]).includes(code)) {
      return code as LedgerErrorCode;
    }
    current = current.cause;
  }
  return undefined;
}

const referenceConflictPattern =
  /^a transaction with reference '.*' already exists in ledger '[^']*'$/s;

export function referenceConflictError(reference: string, ledger: string): LedgerError {
  return new LedgerError(
    'CONFLICT',
    `a transaction with reference '${reference}' already exists in ledger '${ledger}'`,
  );
}

/**
 * Tells whether an error is a duplicate transaction reference. The workflow
 * engine rethrows a failed activity as a new error that keeps only the message
 * (also when it replays a stored failure), so the message is checked too.
 */
export function isReferenceConflict(error: unknown): boolean {
  if (ledgerErrorCodeOf(error) === 'CONFLICT') {
    return true;
  }
  return error instanceof Error && referenceConflictPattern.test(error.message);
}
