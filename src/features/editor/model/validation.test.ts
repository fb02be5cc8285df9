import { describe, expect, it } from 'vitest';

import type { Stage } from '@/lib/orchestration/schemas';

import { configToDocument } from './document';
import { exampleWorkflows, tipCreator } from './example-workflows';
import { fieldError, validateDocument, validateStage } from './validation';

function messages(element: Stage): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of validateStage(element)) {
    result[error.path.join('.')] = error.message;
  }

  return result;
}

const account = { account: { id: 'users:1' } };

describe('validateStage', () => {
  it.each(exampleWorkflows.map((config) => [config.name, config]))(
    'accepts the example workflow %s',
    (_name, config) => {
      for (const stage of config.stages) {
        expect(validateStage(stage)).toEqual([]);
      }
    },
  );

  it('requires the account id', () => {
    const errors = messages({
      send: { source: { account: {} }, destination: account, amount: { amount: 1, asset: 'USD' } },
    });

    expect(errors['send.source.account.id']).toBe('missing required value');
  });

  it('applies the one-of rule to source and destination', () => {
    const errors = messages({
      send: {
        source: { account: { id: 'a' }, wallet: { id: 'w' } },
        destination: {},
        amount: { amount: 1, asset: 'USD' },
      },
    });

    expect(errors['send.source']).toMatch(/exactly one of 'account', 'wallet' or 'payment'/);
    expect(errors['send.destination']).toMatch(/is required/);
  });

  it('requires an amount unless the source is a payment', () => {
    expect(messages({ send: { source: account, destination: account } })['send.amount']).toBe(
      'missing required value',
    );
    expect(
      validateStage({ send: { source: { payment: { id: 'p' } }, destination: account } }),
    ).toEqual([]);
  });

  it('rejects a payment to payment transfer', () => {
    const errors = messages({
      send: { source: { payment: { id: 'p' } }, destination: { payment: { psp: 'wise' } } },
    });

    expect(errors['send.destination.payment']).toMatch(/not supported/);
  });

  it('accepts placeholders in non-string fields', () => {
    expect(
      validateStage({
        send: {
          source: { account: { id: 'a', allowOverdraft: '${overdraft}' } },
          destination: account,
          amount: { amount: '${cents}', asset: '${asset}' },
          timestamp: '${when}',
        },
      }),
    ).toEqual([]);
  });

  it('rejects an amount that is not an integer', () => {
    const errors = messages({
      send: { source: account, destination: account, amount: { amount: '12.5', asset: 'USD' } },
    });

    expect(errors['send.amount.amount']).toMatch(/expected an integer/);
  });

  it('checks the asset format', () => {
    const errors = messages({
      send: { source: account, destination: account, amount: { amount: 1, asset: 'eur/2' } },
    });

    expect(errors['send.amount.asset']).toMatch(/invalid asset "eur\/2"/);
  });

  it('checks the duration syntax and the delay one-of rule', () => {
    expect(messages({ delay: { duration: '5 minutes' } })['delay.duration']).toMatch(
      /expected a duration/,
    );
    expect(messages({ delay: {} })['delay']).toMatch(/exactly one of 'duration' or 'until'/);
    expect(messages({ delay: { duration: '1m', until: '2030-01-01T00:00:00Z' } })['delay']).toMatch(
      /got duration and until/,
    );
  });

  it('checks the placeholder syntax in any string', () => {
    const errors = messages({ wait_event: { event: 'approved-${ticket' } });

    expect(errors['wait_event.event']).toMatch(/is not closed/);
    expect(
      messages({ update: { account: { id: 'a', metadata: { k: '${}' } } } })[
        'update.account.metadata.k'
      ],
    ).toMatch(/empty placeholder/);
  });

  it('requires the wait_event name and the update metadata', () => {
    expect(messages({ wait_event: {} })['wait_event.event']).toBe('missing required value');
    expect(messages({ update: { account: { id: 'a' } } })['update.account.metadata']).toBe(
      'missing required value',
    );
  });

  it('rejects wallets with both id and name', () => {
    const errors = messages({
      send: {
        source: { wallet: { id: 'w', name: 'n' } },
        destination: account,
        amount: { amount: 1, asset: 'USD' },
      },
    });

    expect(errors['send.source.wallet']).toMatch(/exactly one of 'id' or 'name'/);
  });

  it('rejects unknown kinds and elements with two keys', () => {
    expect(messages({ transfer: {} })['transfer']).toMatch(/unable to resolve schema transfer/);
    expect(messages({ noop: {}, delay: {} })['']).toMatch(/only one name/);
  });
});

describe('validateDocument', () => {
  it('counts errors per stage', () => {
    const document = configToDocument({
      stages: [...tipCreator.stages, { wait_event: {} }, { delay: { duration: 'soon' } }],
    });
    const result = validateDocument(document.stages);

    expect(result.total).toBe(2);
    expect(result.errorCounts.get(document.stages[0]?.id ?? '')).toBeUndefined();
    expect(result.errorCounts.get(document.stages[1]?.id ?? '')).toBe(1);
  });

  it('returns the same result for an unchanged element', () => {
    const element = { wait_event: {} };

    expect(validateStage(element)).toBe(validateStage(element));
  });
});

describe('fieldError', () => {
  it('joins the messages at one path', () => {
    const errors = [
      { path: ['delay', 'duration'], message: 'a' },
      { path: ['delay', 'duration'], message: 'b' },
      { path: ['delay'], message: 'c' },
    ];

    expect(fieldError(errors, ['delay', 'duration'])).toBe('a; b');
    expect(fieldError(errors, ['delay', 'until'])).toBeUndefined();
  });
});
