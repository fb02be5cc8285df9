import { z } from 'zod';

import { validationError } from './errors';

/** Account address: segments of letters, digits, `_` or `-`, separated by `:`. */
export const accountAddressPattern = /^[a-zA-Z0-9_-]+(:[a-zA-Z0-9_-]+)*$/;
/** Asset in Formance notation: `USD`, `EUR/2` (2 decimals), `TOKEN/0`. */
export const assetPattern = /^[A-Z][A-Z0-9]{0,16}(\/\d{1,6})?$/;
/** Ledger name, as the Formance ledger accepts it. */
export const ledgerNamePattern = /^[a-zA-Z0-9_-]{1,63}$/;

/** The only account that may always go negative: money entering or leaving the books. */
export const worldAccount = 'world';

/**
 * Largest amount accepted on input. Amounts leave this module as JSON numbers
 * (the orchestration SDK expects numbers), which are exact only up to 2^53 − 1.
 */
export const maxAmount = BigInt(Number.MAX_SAFE_INTEGER);

export const metadataSchema = z.record(z.string(), z.string());
export type Metadata = z.infer<typeof metadataSchema>;

export function assertAccountAddress(address: string): void {
  if (!accountAddressPattern.test(address)) {
    throw validationError(
      `invalid account address '${address}': use segments of letters, digits, '_' or '-' separated by ':'`,
    );
  }
}

export function assertAsset(asset: string): void {
  if (!assetPattern.test(asset)) {
    throw validationError(
      `invalid asset '${asset}': use an upper-case code with optional decimals, such as USD or EUR/2`,
    );
  }
}

export function assertLedgerName(ledger: string): void {
  if (!ledgerNamePattern.test(ledger)) {
    throw validationError(
      `invalid ledger name '${ledger}': use 1 to 63 letters, digits, '_' or '-'`,
    );
  }
}

/**
 * Parses an amount given as a JSON number, an integer string or a bigint.
 * Rejects fractions, negative values and values above `maxAmount`.
 */
export function parseAmount(value: unknown, field = 'amount'): bigint {
  let amount: bigint;
  if (typeof value === 'bigint') {
    amount = value;
  } else if (typeof value === 'number' && Number.isSafeInteger(value)) {
    amount = BigInt(value);
  } else if (typeof value === 'string' && /^\d+$/.test(value.trim())) {
    amount = BigInt(value.trim());
  } else {
    throw validationError(`invalid ${field} '${String(value)}': expected a non-negative integer`);
  }
  if (amount < 0n) {
    throw validationError(`invalid ${field} '${amount}': expected a non-negative integer`);
  }
  if (amount > maxAmount) {
    throw validationError(`invalid ${field} '${amount}': the maximum is ${maxAmount}`);
  }
  return amount;
}

/** zod schema for request bodies: an amount as a JSON integer or an integer string. */
export const amountSchema = z
  .union([z.number(), z.string(), z.bigint()])
  .transform((value, ctx) => {
    try {
      return parseAmount(value);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

/**
 * Converts an amount or balance to a JSON number.
 * NOTE: values beyond ±2^53 lose precision here; inputs are capped at
 * `maxAmount`, but sums of many postings can still exceed it.
 */
export function toJsonNumber(value: bigint): number {
  return Number(value);
}
