import { describe, expect, it } from 'vitest';

import {
  getCurrentStage,
  getInstanceDuration,
  getInstanceState,
  getStageKind,
  getWaitingEventName,
  parseDateTime,
} from '@/lib/orchestration/instance-state';
import type { WorkflowConfig } from '@/lib/orchestration/schemas';
import { makeInstance, makeStageStatus, makeWorkflow } from '@/testing/fixtures';

// F5 "approval-gated-refund": send, wait_event, send, noop.
const gatedConfig: WorkflowConfig = {
  name: 'approval-gated-refund',
  stages: [
    { send: { amount: { amount: 100, asset: 'CAD/2' } } },
    { wait_event: { event: 'refund-approved' } },
    { send: {} },
    { noop: {} },
  ],
};

const firstDone = makeStageStatus({ stage: 0, terminatedAt: '2025-03-02T09:15:05.01Z' });
const waitingStatus = makeStageStatus({ stage: 1, startedAt: '2025-03-02T09:15:05.2Z' });

describe('getInstanceState', () => {
  it('returns succeeded when terminated without error', () => {
    expect(getInstanceState(makeInstance({ terminated: true }))).toBe('succeeded');
  });

  it('returns failed when terminated with an error', () => {
    const instance = makeInstance({ terminated: true, error: 'insufficient funds' });

    expect(getInstanceState(instance)).toBe('failed');
  });

  it('returns canceled for the canceled error', () => {
    const instance = makeInstance({ terminated: true, error: 'canceled' });

    expect(getInstanceState(instance)).toBe('canceled');
  });

  it('returns waiting on a running wait_event stage', () => {
    const instance = makeInstance({
      status: [firstDone, waitingStatus],
      workflow: makeWorkflow({ config: gatedConfig }),
    });

    expect(getInstanceState(instance)).toBe('waiting');
  });

  it('uses a passed config when the instance embeds none', () => {
    const instance = makeInstance({ status: [waitingStatus, firstDone] });

    expect(getInstanceState(instance)).toBe('running');
    expect(getInstanceState(instance, gatedConfig)).toBe('waiting');
  });

  it('returns running on a send stage', () => {
    const instance = makeInstance({ status: [makeStageStatus({ stage: 0 })] });

    expect(getInstanceState(instance, gatedConfig)).toBe('running');
  });

  it('returns running once the wait_event stage has ended', () => {
    const ended = { ...waitingStatus, terminatedAt: '2025-03-02T09:16:00Z' };
    const instance = makeInstance({ status: [firstDone, ended] });

    expect(getInstanceState(instance, gatedConfig)).toBe('running');
  });

  it('returns running before any stage starts', () => {
    expect(getInstanceState(makeInstance(), gatedConfig)).toBe('running');
  });
});

describe('getCurrentStage', () => {
  it('returns the highest-numbered status and its kind', () => {
    const instance = makeInstance({ status: [waitingStatus, firstDone] });

    const current = getCurrentStage(instance, gatedConfig);

    expect(current?.index).toBe(1);
    expect(current?.kind).toBe('wait_event');
    expect(current?.status).toBe(waitingStatus);
  });

  it('returns an unknown kind without a definition', () => {
    const current = getCurrentStage(makeInstance({ status: [firstDone] }));

    expect(current?.index).toBe(0);
    expect(current?.kind).toBeUndefined();
  });

  it('returns undefined without status rows', () => {
    expect(getCurrentStage(makeInstance(), gatedConfig)).toBeUndefined();
  });
});

describe('getWaitingEventName', () => {
  it('returns the event of the waiting stage', () => {
    const instance = makeInstance({ status: [firstDone, waitingStatus] });

    expect(getWaitingEventName(instance, gatedConfig)).toBe('refund-approved');
  });

  it('returns undefined when the instance is not waiting', () => {
    const instance = makeInstance({ status: [makeStageStatus({ stage: 0 })] });

    expect(getWaitingEventName(instance, gatedConfig)).toBeUndefined();
  });

  it('returns undefined when the stage has no event name', () => {
    const config: WorkflowConfig = { stages: [{ wait_event: {} }] };
    const instance = makeInstance({ status: [makeStageStatus({ stage: 0 })] });

    expect(getInstanceState(instance, config)).toBe('waiting');
    expect(getWaitingEventName(instance, config)).toBeUndefined();
  });
});

describe('getStageKind', () => {
  it('returns the only key of the stage', () => {
    expect(getStageKind({ delay: { duration: '72h' } })).toBe('delay');
    expect(getStageKind(undefined)).toBeUndefined();
  });
});

describe('getInstanceDuration', () => {
  const start = '2025-03-02T09:15:04.120331Z';

  it('measures until terminatedAt', () => {
    const instance = makeInstance({
      createdAt: start,
      terminated: true,
      terminatedAt: '2025-03-02T09:15:06.620331789Z',
    });

    expect(getInstanceDuration(instance)).toBe(2_500);
  });

  it('measures until now while running', () => {
    const now = parseDateTime(start) + 90_000;

    expect(getInstanceDuration(makeInstance({ createdAt: start }), now)).toBe(90_000);
  });

  it('falls back to the last stage end without terminatedAt', () => {
    const instance = makeInstance({
      createdAt: start,
      terminated: true,
      status: [makeStageStatus({ terminatedAt: '2025-03-02T09:15:05.120Z' })],
    });

    expect(getInstanceDuration(instance)).toBe(1_000);
  });
});

describe('parseDateTime', () => {
  it('parses nanoseconds and offsets', () => {
    expect(parseDateTime('2025-03-02T09:15:04.123456789Z')).toBe(
      Date.UTC(2025, 2, 2, 9, 15, 4, 123),
    );
    expect(parseDateTime('2025-03-02T10:15:04+01:00')).toBe(Date.UTC(2025, 2, 2, 9, 15, 4));
  });
});
