import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import { findTriggerOrigin } from '@/features/instances/api/find-trigger-origin';
import {
  useInstance,
  useInstanceHistory,
  useInstanceStageHistories,
  useVersionedCancelEvent,
  useVersionedSendEvent,
} from '@/features/instances/api/versioned-instances';
import { ConnectionContext, localConnection } from '@/lib/connection/connection-context';
import type { ConnectionInfo } from '@/lib/connection/connection-context';
import { setupTestApiServer } from '@/testing/api-server';
import {
  makeInstance,
  makeInstanceHistory,
  makeOccurrence,
  makeStageHistory,
  makeTrigger,
} from '@/testing/fixtures';
import { createTestQueryClient, TestProviders } from '@/testing/render-app';

const v1Connection: ConnectionInfo = {
  ...localConnection,
  id: 'legacy',
  name: 'Legacy',
  kind: 'remote',
  apiVersion: 'v1',
};

function renderV1<Result>(hook: () => Result) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient}>
      <ConnectionContext.Provider value={v1Connection}>{children}</ConnectionContext.Provider>
    </TestProviders>
  );

  return renderHook(hook, { wrapper });
}

const instance = makeInstance({ id: 'inst-1', workflowID: 'wf-1', terminated: true });
const server = setupTestApiServer();

describe('instance hooks on v1', () => {
  it('reads instance data through v1 paths', async () => {
    server.route('GET /instances/inst-1', { body: { data: instance } });
    server.route('GET /instances/inst-1/history', { body: { data: [makeInstanceHistory()] } });
    server.route('GET /instances/inst-1/stages/0/history', {
      body: { data: [makeStageHistory()] },
    });

    const { result } = renderV1(() => ({
      instance: useInstance('inst-1'),
      history: useInstanceHistory('inst-1'),
      stages: useInstanceStageHistories('inst-1', [{ stage: 0, running: false }]),
    }));

    await waitFor(() => expect(result.current.instance.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.history.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.stages[0]?.isSuccess).toBe(true));
    expect(result.current.instance.data?.id).toBe('inst-1');
    expect(result.current.history.data).toHaveLength(1);
    expect(result.current.stages[0]?.data).toHaveLength(1);
    const paths = server.requests.map((request) => request.path).sort();
    expect(paths).toEqual([
      '/api/orchestration/instances/inst-1',
      '/api/orchestration/instances/inst-1/history',
      '/api/orchestration/instances/inst-1/stages/0/history',
    ]);
  });

  it('cancels and sends events through v1', async () => {
    server.route('PUT /instances/inst-1/abort', { status: 204 });
    server.route('POST /instances/inst-1/events', { status: 204 });

    const { result } = renderV1(() => ({
      cancel: useVersionedCancelEvent(),
      send: useVersionedSendEvent(),
    }));
    await act(() => result.current.send.mutateAsync({ instanceID: 'inst-1', name: 'approved' }));
    await act(() => result.current.cancel.mutateAsync({ instanceID: 'inst-1' }));

    expect(server.requests[0]?.method).toBe('POST');
    expect(server.requests[0]?.path).toBe('/api/orchestration/instances/inst-1/events');
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({ name: 'approved' });
    expect(server.requests[1]?.method).toBe('PUT');
    expect(server.requests[1]?.path).toBe('/api/orchestration/instances/inst-1/abort');
  });
});

describe('findTriggerOrigin on v1', () => {
  it('finds the occurrence through the v1 lists', async () => {
    const trigger = makeTrigger({ id: 'trig-1', workflowID: 'wf-1' });
    const other = makeTrigger({ id: 'trig-2', workflowID: 'wf-other' });
    server.route('GET /triggers', { body: { data: [other, trigger] } });
    server.route('GET /triggers/trig-1/occurrences', {
      body: { data: [makeOccurrence({ id: 'occ-1', workflowInstanceID: 'inst-1' })] },
    });

    const origin = await findTriggerOrigin(instance, undefined, 'v1');

    expect(origin.status).toBe('found');
    expect(origin.status === 'found' ? origin.occurrence.id : undefined).toBe('occ-1');
    expect(server.requests.map((request) => request.path)).toEqual([
      '/api/orchestration/triggers',
      '/api/orchestration/triggers/trig-1/occurrences',
    ]);
  });

  it('reports an incomplete search when the v1 list is full', async () => {
    const full = Array.from({ length: 15 }, (_, index) =>
      makeTrigger({ id: `t-${index}`, workflowID: 'wf-other' }),
    );
    server.route('GET /triggers', { body: { data: full } });

    const origin = await findTriggerOrigin(instance, undefined, 'v1');

    expect(origin).toEqual({ status: 'not-found', triggersSearched: 0, complete: false });
  });
});
