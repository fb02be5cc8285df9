import { describe, expect, it } from 'vitest';

import { approvalGatedRefund, settleToMerchant, weeklyPayout } from './example-workflows';
import { listVariableUsages } from './variables';

describe('listVariableUsages', () => {
  it('lists each variable with stage and path in order of first use', () => {
    expect(listVariableUsages(settleToMerchant.stages)).toEqual([
      {
        name: 'orderID',
        usages: [
          { stageIndex: 0, path: 'send.source.account.id' },
          { stageIndex: 2, path: 'update.account.metadata.lastSettledOrder' },
        ],
      },
      {
        name: 'merchantID',
        usages: [
          { stageIndex: 0, path: 'send.destination.account.id' },
          { stageIndex: 2, path: 'update.account.id' },
        ],
      },
      { name: 'total', usages: [{ stageIndex: 0, path: 'send.amount.amount' }] },
    ]);
  });

  it('counts several placeholders in one string', () => {
    const [variable] = listVariableUsages([{ wait_event: { event: '${a}-${a}-${b}' } }]);

    expect(variable).toEqual({
      name: 'a',
      usages: [{ stageIndex: 0, path: 'wait_event.event' }],
    });
  });

  it('ignores map keys and values without placeholders', () => {
    expect(listVariableUsages([{ update: { account: { metadata: { '${key}': 'x' } } } }])).toEqual(
      [],
    );
    expect(listVariableUsages(weeklyPayout.stages).map((item) => item.name)).toEqual(['walletID']);
  });

  it('finds the same variable in several stages', () => {
    const ticket = listVariableUsages(approvalGatedRefund.stages).find(
      (item) => item.name === 'ticket',
    );

    expect(ticket?.usages.map((usage) => usage.stageIndex)).toEqual([0, 2]);
  });
});
