import { LedgerError } from './errors';
import type { Ledger } from './ledger';
import { worldAccount } from './values';

export interface DrawRequest {
  /** Accounts to take the money from, in order of preference. */
  sources: string[];
  destination: string;
  amount: bigint;
  asset: string;
}

export interface DrawPosting {
  source: string;
  destination: string;
  amount: bigint;
  asset: string;
}

/**
 * Builds the postings that take `amount` from the sources in order, each
 * giving at most its balance (`world` gives any amount), the way a Numscript
 * `source = { @a @b }` block does. Call it inside the write transaction that
 * commits the postings, so the balances read here are still current.
 */
export function drawFromSources(ledger: Ledger, ledgerName: string, request: DrawRequest) {
  const postings: DrawPosting[] = [];
  const drawn = new Map<string, bigint>();
  let remaining = request.amount;

  for (const source of request.sources) {
    if (remaining === 0n) {
      break;
    }
    let take = remaining;
    if (source !== worldAccount) {
      const available =
        ledger.balanceOf(ledgerName, source, request.asset) - (drawn.get(source) ?? 0n);
      take = available < remaining ? available : remaining;
    }
    if (take <= 0n) {
      continue;
    }
    drawn.set(source, (drawn.get(source) ?? 0n) + take);
    postings.push({
      source,
      destination: request.destination,
      amount: take,
      asset: request.asset,
    });
    remaining -= take;
  }

  if (remaining > 0n) {
    throw new LedgerError(
      'INSUFFICIENT_FUND',
      `insufficient funds in ledger '${ledgerName}': ${request.amount} ${request.asset} requested ` +
        `from ${request.sources.map((source) => `'${source}'`).join(', ')}, ${remaining} missing`,
    );
  }
  // A zero amount still records a transaction, from the first source.
  if (postings.length === 0) {
    postings.push({
      source: request.sources[0] ?? worldAccount,
      destination: request.destination,
      amount: 0n,
      asset: request.asset,
    });
  }
  return postings;
}
