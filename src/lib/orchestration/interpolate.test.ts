import { describe, expect, it } from 'vitest';

import { hasPlaceholder, interpolate, interpolateString, listVariables } from './interpolate';

describe('interpolateString', () => {
  it('replaces several placeholders in one string', () => {
    expect(interpolateString('users:${userID}:${balance}', { userID: '42', balance: 'main' })).toBe(
      'users:42:main',
    );
  });

  it('replaces unknown names with the empty string', () => {
    expect(interpolateString('fans:${fanID}:wallet', {})).toBe('fans::wallet');
  });

  it('leaves text without a complete placeholder alone', () => {
    expect(interpolateString('cost: $5 ${} ${open', { open: 'x' })).toBe('cost: $5 ${} ${open');
  });

  it('does not read inherited object properties', () => {
    expect(interpolateString('${toString}', {})).toBe('');
  });
});

describe('interpolate', () => {
  it('replaces strings at any depth but never keys or non-strings', () => {
    const config = {
      source: { account: { id: 'fans:${fanID}', allowOverdraft: true } },
      amount: { amount: '${cents}', asset: 'EUR/2' },
      metadata: { '${key}': '${campaign}' },
      list: ['${a}', 3, null],
    };

    expect(interpolate(config, { fanID: 'f-1', cents: '350', campaign: 'spring', a: 'A' })).toEqual(
      {
        source: { account: { id: 'fans:f-1', allowOverdraft: true } },
        amount: { amount: '350', asset: 'EUR/2' },
        metadata: { '${key}': 'spring' },
        list: ['A', 3, null],
      },
    );
  });

  it('returns a copy and keeps the input unchanged', () => {
    const config = { id: '${x}' };
    interpolate(config, { x: '1' });

    expect(config).toEqual({ id: '${x}' });
  });
});

describe('listVariables', () => {
  it('lists names in order of first use without duplicates', () => {
    const stages = [
      {
        send: { source: { account: { id: 'escrow:${orderID}' } }, amount: { amount: '${total}' } },
      },
      { update: { account: { id: 'merchants:${merchantID}', metadata: { order: '${orderID}' } } } },
    ];

    expect(listVariables(stages)).toEqual(['orderID', 'total', 'merchantID']);
  });

  it('returns an empty list without placeholders', () => {
    expect(listVariables({ noop: {} })).toEqual([]);
  });
});

describe('hasPlaceholder', () => {
  it('detects placeholders', () => {
    expect(hasPlaceholder('a${b}')).toBe(true);
    expect(hasPlaceholder('a$b')).toBe(false);
  });
});
