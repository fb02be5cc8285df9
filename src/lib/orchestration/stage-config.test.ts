import { describe, expect, it } from 'vitest';

import {
  formatFieldErrors,
  formatFieldPath,
  resolveStage,
  stageConfigSchemas,
  validateStageElement,
  validateWorkflowStages,
} from './stage-config';

/** Returns the resolved input of a successful resolution, or fails the test. */
function resolvedInput(result: ReturnType<typeof resolveStage>): unknown {
  expect(result.ok).toBe(true);

  return result.ok ? result.stage.input : undefined;
}

/** Returns the message of a failed resolution, or fails the test. */
function failureMessage(result: ReturnType<typeof resolveStage>): string {
  expect(result.ok).toBe(false);

  return result.ok ? '' : result.message;
}

const tipStage = {
  send: {
    source: { account: { id: 'fans:${fanID}:wallet', ledger: 'creators-eu' } },
    destination: { account: { id: 'creators:${creatorID}:earnings', ledger: 'creators-eu' } },
    amount: { amount: '${cents}', asset: 'EUR/2' },
    metadata: { reason: 'tip', campaign: '${campaign}' },
  },
};

describe('validateStageElement (definition)', () => {
  it('accepts placeholders in typed fields', () => {
    expect(validateStageElement(tipStage)).toEqual({
      ok: true,
      kind: 'send',
      config: tipStage.send,
    });
  });

  it('does not check required fields or one-of rules', () => {
    expect(validateStageElement({ send: {} }).ok).toBe(true);
    expect(validateStageElement({ delay: {} }).ok).toBe(true);
    expect(validateStageElement({ noop: null }).ok).toBe(true);
  });

  it.each([
    ['a string', 'noop', [], 'expected an object with the stage kind as its only key'],
    ['no key', {}, [], 'empty specification'],
    [
      'two keys',
      { noop: {}, delay: {} },
      [],
      'a specification should have only one name, got noop, delay',
    ],
    ['an unknown kind', { pause: {} }, ['pause'], 'unable to resolve schema pause'],
    [
      'a bad duration',
      { delay: { duration: '5 minutes' } },
      ['delay', 'duration'],
      'expected a duration',
    ],
    ['a numeric duration', { delay: { duration: 5 } }, ['delay', 'duration'], 'got 5'],
    ['a bad date', { delay: { until: 'tomorrow' } }, ['delay', 'until'], 'RFC 3339'],
    [
      'a float amount',
      { send: { amount: { amount: 1.5 } } },
      ['send', 'amount', 'amount'],
      'expected an integer',
    ],
    [
      'a non-bool overdraft',
      { send: { source: { account: { allowOverdraft: 'maybe' } } } },
      ['send', 'source', 'account', 'allowOverdraft'],
      'true or false',
    ],
    [
      'a wrong payment type',
      { send: { destination: { payment: { type: 'REFUND' } } } },
      ['send', 'destination', 'payment', 'type'],
      'TRANSFER or PAYOUT',
    ],
    [
      'non-string metadata',
      { update: { account: { metadata: { a: 1 } } } },
      ['update', 'account', 'metadata'],
      'string values',
    ],
    [
      'a non-object source',
      { send: { source: 'world' } },
      ['send', 'source'],
      'expected an object',
    ],
    ['a numeric event', { wait_event: { event: 3 } }, ['wait_event', 'event'], 'expected a string'],
  ])('rejects %s with a field path', (_case, element, path, message) => {
    const result = validateStageElement(element);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.path).toEqual(path);
    expect(result.errors[0]?.message).toContain(message);
  });
});

describe('validateStageElement (run)', () => {
  it('checks required fields and one-of rules', () => {
    const result = validateStageElement(
      { send: { source: { wallet: { id: 'a', name: 'b' } } } },
      'run',
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      {
        path: ['send', 'source', 'wallet'],
        message: "exactly one of 'id' or 'name' is allowed, got id and name",
      },
      { path: ['send', 'destination'], message: 'missing required value' },
    ]);
    // Cross-field rules of the stage run once its fields are valid.
    const fixed = { source: { wallet: { id: 'a' } }, destination: { account: { id: 'b' } } };
    const next = validateStageElement({ send: fixed }, 'run');
    expect(next.ok).toBe(false);
    expect(next.ok ? [] : next.errors).toEqual([
      { path: ['send', 'amount'], message: 'missing required value' },
    ]);
  });
});

describe('validateWorkflowStages', () => {
  it('prefixes paths with the stage index', () => {
    const errors = validateWorkflowStages([{ noop: {} }, { delay: { duration: 'x' } }]);

    expect(formatFieldErrors(errors, ['stages'])).toBe(
      'stages[1].delay.duration: expected a duration such as 45s, 1h30m or 250ms, got "x"',
    );
  });

  it('accepts absent stages and rejects non-arrays', () => {
    expect(validateWorkflowStages(undefined)).toEqual([]);
    expect(validateWorkflowStages({})[0]?.message).toContain('expected an array of stages');
  });
});

describe('resolveStage', () => {
  it('interpolates, parses typed strings and fills defaults', () => {
    const result = resolveStage(tipStage, {
      fanID: 'f-1',
      creatorID: 'c-2',
      cents: '350',
      campaign: 'spring',
    });

    expect(result).toEqual({
      ok: true,
      stage: {
        kind: 'send',
        input: {
          source: {
            account: {
              id: 'fans:f-1:wallet',
              ledger: 'creators-eu',
              throughAccount: 'world',
              allowOverdraft: false,
            },
          },
          destination: {
            account: {
              id: 'creators:c-2:earnings',
              ledger: 'creators-eu',
              throughAccount: 'world',
              allowOverdraft: false,
            },
          },
          amount: { amount: 350, asset: 'EUR/2' },
          metadata: { reason: 'tip', campaign: 'spring' },
        },
      },
    });
  });

  it('lets an empty interpolation take the field default', () => {
    const result = resolveStage(
      {
        send: {
          source: { account: { id: 'a', ledger: '${ledger}', allowOverdraft: '${od}' } },
          destination: { account: { id: 'b' } },
          amount: { amount: 1, asset: 'X' },
        },
      },
      {},
    );

    const input = resolvedInput(result) as { source: { account: unknown } };
    expect(input.source.account).toEqual({
      id: 'a',
      ledger: 'default',
      throughAccount: 'world',
      allowOverdraft: false,
    });
  });

  it('fills payment defaults, including the holding account from the id', () => {
    const result = resolveStage(
      {
        send: {
          source: { payment: { id: 'pay-1-2' } },
          destination: { payment: { psp: 'stripe' } },
        },
      },
      {},
    );

    expect(result.ok).toBe(false);
    const fromPayment = resolveStage(
      { send: { source: { payment: { id: 'pay-1-2' } }, destination: { wallet: { name: 'w' } } } },
      {},
    );
    expect(resolvedInput(fromPayment)).toEqual({
      source: {
        payment: {
          id: 'pay-1-2',
          ledger: 'orchestration-000-internal',
          holdingAccount: 'payment:pay_1_2',
          throughAccount: 'world',
          allowOverdraft: false,
        },
      },
      destination: { wallet: { name: 'w', balance: 'main' } },
    });
  });

  it('fills destination payment defaults', () => {
    const input = stageConfigSchemas.send.parse({
      source: { account: { id: 'a' } },
      destination: { payment: { psp: 'wise' } },
      amount: { amount: '125000', asset: 'GBP/2' },
    });

    expect(input.destination.payment).toEqual({
      psp: 'wise',
      type: 'TRANSFER',
      metadata: 'formanceAccountID',
      waitingValidation: false,
    });
  });

  it('formats delay durations like Go and keeps until dates', () => {
    expect(resolveStage({ delay: { duration: '${d}' } }, { d: '90s' })).toEqual({
      ok: true,
      stage: { kind: 'delay', input: { duration: '1m30s' } },
    });
    expect(resolveStage({ delay: { until: '2025-06-01T08:00:00Z' } }, {})).toEqual({
      ok: true,
      stage: { kind: 'delay', input: { until: '2025-06-01T08:00:00Z' } },
    });
  });

  it('fills the update ledger default', () => {
    expect(
      resolveStage({ update: { account: { id: 'a', metadata: { k: '${v}' } } } }, { v: '1' }),
    ).toEqual({
      ok: true,
      stage: {
        kind: 'update',
        input: { account: { id: 'a', ledger: 'main', metadata: { k: '1' } } },
      },
    });
  });

  it('reports failures with the interpolated input and a readable message', () => {
    const result = resolveStage(
      { delay: { duration: '${d}', until: '2025-01-01T00:00:00Z' } },
      { d: '1s' },
    );

    expect(result).toEqual({
      ok: false,
      kind: 'delay',
      message:
        "invalid delay stage: exactly one of 'duration' or 'until' is allowed, got duration and until",
      input: { duration: '1s', until: '2025-01-01T00:00:00Z' },
    });
  });

  it('rejects an amount that is not an integer after interpolation', () => {
    const result = resolveStage(tipStage, { fanID: 'f', creatorID: 'c', cents: '3.5' });

    expect(result.ok).toBe(false);
    expect(failureMessage(result)).toBe(
      'invalid send stage: amount.amount: expected an integer, got "3.5"',
    );
  });

  it('rejects payment to payment', () => {
    const result = resolveStage(
      { send: { source: { payment: { id: 'p' } }, destination: { payment: { psp: 'wise' } } } },
      {},
    );

    expect(failureMessage(result)).toContain(
      'sending from a payment to a payment is not supported',
    );
  });
});

describe('formatFieldPath', () => {
  it('formats indexes and keys', () => {
    expect(formatFieldPath(['stages', 0, 'send', 'amount'])).toBe('stages[0].send.amount');
    expect(formatFieldPath([])).toBe('');
  });
});
