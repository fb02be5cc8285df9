import { describe, expect, it } from 'vitest';

import type { WorkflowConfig } from '@/lib/orchestration/schemas';
import { makeInstance, makeInstanceHistory, makeStageStatus } from '@/testing/fixtures';

import { buildStageRows, kindFromHistoryName } from './instance-stages-model';

const config: WorkflowConfig = {
  name: 'gate',
  stages: [
    { send: { source: { account: { id: '${from}' } }, destination: { account: { id: 'b' } } } },
    { wait_event: { event: 'approve' } },
    { noop: {} },
  ],
};

const done = '2025-03-02T09:15:05Z';

describe('kindFromHistoryName', () => {
  it.each([
    ['RunSend', 'send'],
    ['RunWaitEvent', 'wait_event'],
    ['RunNoop', 'noop'],
  ])('maps %s to %s', (name, kind) => {
    expect(kindFromHistoryName(name)).toBe(kind);
  });
});

describe('buildStageRows', () => {
  it('marks a waiting wait_event stage and pending later stages', () => {
    const instance = makeInstance({
      status: [makeStageStatus({ stage: 0, terminatedAt: done }), makeStageStatus({ stage: 1 })],
    });
    const history = [
      makeInstanceHistory({ name: 'RunSend', input: { source: { account: { id: 'x' } } } }),
      makeInstanceHistory({ name: 'RunWaitEvent', input: { event: 'approve' } }),
    ];

    const rows = buildStageRows(instance, config, history);

    expect(rows.map((row) => row.state)).toEqual(['succeeded', 'waiting', 'pending']);
    expect(rows[0]?.input).toEqual({ source: { account: { id: 'x' } } });
    expect(rows[2]?.input).toBeUndefined();
  });

  it('marks a canceled stage and skips the rest', () => {
    const instance = makeInstance({
      terminated: true,
      terminatedAt: done,
      error: 'canceled',
      status: [
        makeStageStatus({ stage: 0, terminatedAt: done }),
        makeStageStatus({ stage: 1, terminatedAt: done, error: 'canceled' }),
      ],
    });

    const rows = buildStageRows(instance, config, []);

    expect(rows.map((row) => row.state)).toEqual(['succeeded', 'canceled', 'skipped']);
    expect(rows[1]?.error).toBe('canceled');
  });

  it('marks a failed stage with its error', () => {
    const instance = makeInstance({
      terminated: true,
      error: 'insufficient funds',
      status: [makeStageStatus({ stage: 0, terminatedAt: done, error: 'insufficient funds' })],
    });

    const rows = buildStageRows(instance, config, []);

    expect(rows[0]?.state).toBe('failed');
    expect(rows[0]?.error).toBe('insufficient funds');
  });

  it('shows a running send stage as running', () => {
    const instance = makeInstance({ status: [makeStageStatus({ stage: 0 })] });

    expect(buildStageRows(instance, config, [])[0]?.state).toBe('running');
  });

  it('falls back to the history when the config is unknown', () => {
    const instance = makeInstance({ status: [makeStageStatus({ stage: 0 })] });
    const rows = buildStageRows(instance, undefined, [
      makeInstanceHistory({ name: 'RunWaitEvent' }),
    ]);

    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe('wait_event');
    expect(rows[0]?.state).toBe('waiting');
  });
});
