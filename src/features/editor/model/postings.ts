/**
 * The posting preview: each `send` stage as a movement source → destination
 * with its amount and asset, after replacing `${var}` placeholders with
 * sample values, and the totals per asset across the workflow.
 */
import { interpolate } from '@/lib/orchestration/interpolate';
import type { Variables } from '@/lib/orchestration/interpolate';
import type { Stage } from '@/lib/orchestration/schemas';

import { stageConfigOf, stageKindOf } from './document';
import { isPlainObject } from './path';
import type { PlainObject } from './path';

export type Movement = {
  /** 0-based stage index. */
  stageIndex: number;
  source: string;
  destination: string;
  /** Integer amount in the asset's smallest unit; `undefined` when unknown (missing or not an integer). */
  amount: bigint | undefined;
  /** The amount as written after substitution, or a note such as "full payment amount". */
  amountText: string;
  asset: string | undefined;
};

export type AssetTotal = { asset: string; amount: bigint; movements: number };

export type PostingPreview = {
  movements: Movement[];
  totals: AssetTotal[];
  /** Movements left out of the totals because their amount or asset is unknown. */
  unknownAmounts: number;
};

function text(value: unknown, fallback: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);

  return fallback;
}

/** Describes a source or destination with the service's defaults filled in. */
export function describeEndpoint(endpoint: unknown, side: 'source' | 'destination'): string {
  const value = isPlainObject(endpoint) ? endpoint : {};

  if (isPlainObject(value.account)) {
    return `${text(value.account.id, '?')} @ ${text(value.account.ledger, 'default')}`;
  }

  if (isPlainObject(value.wallet)) {
    const wallet = value.wallet;
    const name =
      wallet.id !== undefined
        ? `wallet ${text(wallet.id, '?')}`
        : `wallet "${text(wallet.name, '?')}"`;

    return `${name} / ${text(wallet.balance, 'main')}`;
  }

  if (isPlainObject(value.payment)) {
    const payment = value.payment;

    return side === 'source'
      ? `payment ${text(payment.id, '?')} @ ${text(payment.ledger, 'orchestration-000-internal')}`
      : `${text(payment.psp, '?').toUpperCase()} ${text(payment.type, 'TRANSFER')}`;
  }

  return '?';
}

function readAmount(config: PlainObject): Pick<Movement, 'amount' | 'amountText' | 'asset'> {
  const monetary = config.amount;

  if (!isPlainObject(monetary)) {
    const fromPayment = isPlainObject(config.source) && isPlainObject(config.source.payment);

    return {
      amount: undefined,
      amountText: fromPayment ? 'full payment amount' : 'no amount',
      asset: undefined,
    };
  }

  const raw = text(monetary.amount, '');
  const asset = text(monetary.asset, '') || undefined;
  const amount = /^\d+$/.test(raw) ? BigInt(raw) : undefined;

  return { amount, amountText: raw === '' ? '?' : raw, asset };
}

export function previewPostings(stages: readonly Stage[], samples: Variables): PostingPreview {
  const movements: Movement[] = [];
  const totals = new Map<string, AssetTotal>();
  let unknownAmounts = 0;

  stages.forEach((element, stageIndex) => {
    if (stageKindOf(element) !== 'send') return;

    const config = interpolate(stageConfigOf(element), samples) as PlainObject;
    const movement: Movement = {
      stageIndex,
      source: describeEndpoint(config.source, 'source'),
      destination: describeEndpoint(config.destination, 'destination'),
      ...readAmount(config),
    };
    movements.push(movement);

    if (movement.amount === undefined || movement.asset === undefined) {
      unknownAmounts += 1;
      return;
    }

    const total = totals.get(movement.asset) ?? { asset: movement.asset, amount: 0n, movements: 0 };
    totals.set(movement.asset, {
      asset: movement.asset,
      amount: total.amount + movement.amount,
      movements: total.movements + 1,
    });
  });

  return { movements, totals: [...totals.values()], unknownAmounts };
}

/** Formats an integer amount in an asset's notation: `35000` of `EUR/2` → `350.00 EUR`. */
export function formatMonetary(amount: bigint, asset: string): string {
  const [code = asset, decimalsText] = asset.split('/');
  const decimals = decimalsText === undefined ? 0 : Number(decimalsText);

  if (!Number.isInteger(decimals) || decimals <= 0) {
    return `${amount} ${code}`;
  }

  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals);

  return `${negative ? '-' : ''}${whole}.${fraction} ${code}`;
}
