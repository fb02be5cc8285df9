/**
 * Short, human-readable summaries of stage configs (or of the resolved stage
 * inputs in an instance's history, which have the same shape).
 */
import type { Stage } from '@/lib/orchestration/schemas';

export type StageField = { label: string; value: string };

type UnknownRecord = Record<string, unknown>;

function asRecord(value: unknown): UnknownRecord | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as UnknownRecord)
    : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);

  return undefined;
}

/** Splits a stage element `{kind: config}` into its kind and config. */
export function splitStage(stage: Stage): { kind: string; config: UnknownRecord } {
  const [kind = 'unknown', config] = Object.entries(stage)[0] ?? [];

  return { kind, config: asRecord(config) ?? {} };
}

/** Describes a send source or destination: an account, a wallet or a payment. */
export function describeSubject(subject: unknown): string {
  const record = asRecord(subject);
  const account = asRecord(record?.account);
  const wallet = asRecord(record?.wallet);
  const payment = asRecord(record?.payment);

  if (account) {
    const id = asText(account.id) ?? '?';
    const ledger = asText(account.ledger);

    return ledger ? `${id} @ ${ledger}` : id;
  }

  if (wallet) {
    const name = asText(wallet.id) ?? asText(wallet.name) ?? '?';
    const balance = asText(wallet.balance);

    return `wallet ${name}${balance ? ` (${balance})` : ''}`;
  }

  if (payment) {
    const psp = asText(payment.psp);

    if (psp) return `payment via ${psp}${asText(payment.type) ? ` (${asText(payment.type)})` : ''}`;

    return `payment ${asText(payment.id) ?? '?'}`;
  }

  return '?';
}

function describeAmount(config: UnknownRecord): string {
  const amount = asRecord(config.amount);

  if (!amount) return asRecord(asRecord(config.source)?.payment) ? 'full payment' : '—';

  return `${asText(amount.amount) ?? '?'} ${asText(amount.asset) ?? ''}`.trim();
}

/** Key fields of one stage, by kind; unknown kinds get an empty list. */
export function summarizeStage(kind: string, config: UnknownRecord): StageField[] {
  switch (kind) {
    case 'send':
      return [
        { label: 'From', value: describeSubject(config.source) },
        { label: 'To', value: describeSubject(config.destination) },
        { label: 'Amount', value: describeAmount(config) },
      ];
    case 'delay': {
      const until = asText(config.until);

      return until
        ? [{ label: 'Until', value: until }]
        : [{ label: 'Duration', value: asText(config.duration) ?? '—' }];
    }
    case 'wait_event':
      return [{ label: 'Event', value: asText(config.event) ?? '—' }];
    case 'update': {
      const account = asRecord(config.account);
      const metadataKeys = Object.keys(asRecord(account?.metadata) ?? {});

      return [
        { label: 'Account', value: account ? describeSubject({ account }) : '—' },
        { label: 'Metadata', value: metadataKeys.length > 0 ? metadataKeys.join(', ') : '—' },
      ];
    }
    default:
      return [];
  }
}

/** One-line summary, e.g. "users:1 → users:2 · 100 EUR/2". */
export function stageOneLiner(kind: string, config: UnknownRecord): string {
  const fields = summarizeStage(kind, config);

  if (kind === 'send') {
    const [from, to, amount] = fields;

    return `${from?.value} → ${to?.value} · ${amount?.value}`;
  }

  return fields.map((field) => `${field.label.toLowerCase()}: ${field.value}`).join(' · ');
}
