import { describe, expect, it } from 'vitest';

import { collectMemberPaths, compile } from './index';

function paths(source: string): string[] {
  return collectMemberPaths(compile(source, { allowedVariables: 'any' }));
}

describe('collectMemberPaths', () => {
  it.each([
    ['event.ledger == "x"', ['event.ledger']],
    ['event.a.b.c', ['event.a.b.c']],
    ['event["a"]["b c"]', ['event.a["b c"]']],
    ['event.transactions[0].metadata.fan', ['event.transactions[0].metadata.fan']],
    ['event.tags[-1]', ['event.tags[-1]']],
    ['event?.a?.b ?? "x"', ['event.a.b']],
    ['event.a == 1 && event.a != 2 || event.b', ['event.a', 'event.b']],
    ['event.items[i].x', ['event.items', 'i']],
    ['link(event, "account").metadata.role', ['event']],
    ['len(event.items) > 0', ['event.items']],
    ['let x = event.a; x.b + y', ['event.a', 'y']],
    ['1 + 2', []],
    [
      'any(event.transactions[0].postings, {#.asset == "EUR/2" && #.amount >= 100000})',
      [
        'event.transactions[0].postings',
        'event.transactions[0].postings[].asset',
        'event.transactions[0].postings[].amount',
      ],
    ],
    ['filter(event.items, .amount > 1) | map(.id)', ['event.items', 'event.items[].amount']],
    [
      'map(event.items, any(.tags, # == "x"))',
      ['event.items', 'event.items[].tags', 'event.items[].tags[]'],
    ],
    ['map(1..3, # + event.offset)', ['event.offset']],
  ])('%s', (source, expected) => {
    expect(paths(source)).toEqual(expected);
  });
});
