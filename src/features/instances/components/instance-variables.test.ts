import { describe, expect, it } from 'vitest';

import type { WorkflowConfig } from '@/lib/orchestration/schemas';
import { makeInstanceHistory } from '@/testing/fixtures';

import { inferVariables, matchTemplate } from './instance-variables';

describe('matchTemplate', () => {
  it('reads a variable inside literal text', () => {
    expect(matchTemplate('fans:${fanID}:wallet', 'fans:f-7731:wallet')).toEqual(
      new Map([['fanID', 'f-7731']]),
    );
  });

  it('reads two variables separated by literal text', () => {
    expect(matchTemplate('${a}:${b}', 'x:y:z')).toEqual(
      new Map([
        ['a', 'x'],
        ['b', 'y:z'],
      ]),
    );
  });

  it('rejects touching placeholders', () => {
    expect(matchTemplate('${a}${b}', 'xy')).toBeUndefined();
  });

  it('rejects a value that does not fit the template', () => {
    expect(matchTemplate('fans:${id}', 'users:1')).toBeUndefined();
  });

  it('rejects one variable with two values', () => {
    expect(matchTemplate('${a}-${a}', 'x-y')).toBeUndefined();
    expect(matchTemplate('${a}-${a}', 'x-x')).toEqual(new Map([['a', 'x']]));
  });
});

const config: WorkflowConfig = {
  name: 'approval-gated-refund',
  stages: [
    {
      send: {
        source: { account: { id: 'revenue:refund-pool', ledger: 'shop' } },
        destination: { account: { id: 'escrow:refund:${ticket}', ledger: 'shop' } },
        amount: { amount: '${amount}', asset: 'CAD/2' },
      },
    },
    { wait_event: { event: 'refund-approved' } },
    {
      send: {
        source: { account: { id: 'escrow:refund:${ticket}', ledger: 'shop' } },
        destination: { account: { id: 'customers:${customer}', ledger: 'shop' } },
        amount: { amount: '${amount}', asset: 'CAD/2' },
      },
    },
  ],
};

const firstSend = makeInstanceHistory({
  name: 'RunSend',
  input: {
    source: { account: { id: 'revenue:refund-pool', ledger: 'shop', throughAccount: 'world' } },
    destination: { account: { id: 'escrow:refund:T-1001', ledger: 'shop' } },
    amount: { amount: 2599, asset: 'CAD/2' },
    timestamp: null,
  },
});

describe('inferVariables', () => {
  it('infers from started stages and marks the rest unknown', () => {
    const result = inferVariables(config, [firstSend, makeInstanceHistory()]);

    expect(result).toEqual([
      { name: 'ticket', status: 'inferred', value: 'T-1001', stage: 0 },
      { name: 'amount', status: 'inferred', value: '2599', stage: 0 },
      { name: 'customer', status: 'unknown' },
    ]);
  });

  it('reports conflicting values', () => {
    const secondSend = makeInstanceHistory({
      name: 'RunSend',
      input: {
        source: { account: { id: 'escrow:refund:T-9', ledger: 'shop' } },
        destination: { account: { id: 'customers:cu-31', ledger: 'shop' } },
        amount: { amount: 2599, asset: 'CAD/2' },
      },
    });

    const result = inferVariables(config, [firstSend, makeInstanceHistory(), secondSend]);

    expect(result[0]).toEqual({
      name: 'ticket',
      status: 'conflict',
      value: 'T-1001',
      values: ['T-1001', 'T-9'],
    });
    expect(result[2]).toEqual({ name: 'customer', status: 'inferred', value: 'cu-31', stage: 2 });
  });

  it('returns nothing for a workflow without variables', () => {
    expect(inferVariables({ stages: [{ noop: {} }] }, [])).toEqual([]);
  });
});
