import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';

import {
  latestV1Occurrences,
  pageV1Triggers,
  useTrigger,
  useTriggerOccurrencesPage,
  useTriggersPage,
  useVersionedSaveTrigger,
  v1TriggerListLimit,
} from '@/features/triggers/api/versioned-triggers';
import { ConnectionContext, localConnection } from '@/lib/connection/connection-context';
import type { ConnectionInfo } from '@/lib/connection/connection-context';
import { setupTestApiServer } from '@/testing/api-server';
import { cursorBody, makeOccurrence, makeTrigger } from '@/testing/fixtures';
import { createTestQueryClient, TestProviders } from '@/testing/render-app';

const v1Connection: ConnectionInfo = {
  ...localConnection,
  id: 'legacy',
  name: 'Legacy',
  kind: 'remote',
  apiVersion: 'v1',
};

function renderWithConnection<Result>(hook: () => Result, connection: ConnectionInfo) {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient}>
      <ConnectionContext.Provider value={connection}>{children}</ConnectionContext.Provider>
    </TestProviders>
  );

  return renderHook(hook, { wrapper });
}

const triggers = Array.from({ length: 5 }, (_, index) => makeTrigger({ id: `trigger-${index}` }));

const server = setupTestApiServer();

describe('pageV1Triggers', () => {
  it('cuts a page and offers the next offset', () => {
    const page = pageV1Triggers(triggers, { pageSize: 2, cursor: '2' });

    expect(page.data.map((trigger) => trigger.id)).toEqual(['trigger-2', 'trigger-3']);
    expect(page.next).toBe('4');
    expect(page.previous).toBe('0');
    expect(page.truncated).toBe(false);
  });

  it('marks a list of the v1 limit as truncated', () => {
    const full = Array.from({ length: v1TriggerListLimit }, (_, index) =>
      makeTrigger({ id: `t-${index}` }),
    );

    expect(pageV1Triggers(full, {}).truncated).toBe(true);
    expect(pageV1Triggers(full.slice(1), {}).truncated).toBe(false);
  });
});

describe('latestV1Occurrences', () => {
  it('returns the last occurrences newest first', () => {
    const rows = ['a', 'b', 'c'].map((id) => makeOccurrence({ id }));

    expect(latestV1Occurrences(rows, 2).map((row) => row.id)).toEqual(['c', 'b']);
    expect(latestV1Occurrences(rows, 10)).toHaveLength(3);
  });
});

describe('useTriggersPage', () => {
  it('pages the v1 list locally', async () => {
    server.route('GET /triggers', { body: { data: triggers } });

    const { result } = renderWithConnection(
      () => useTriggersPage({ name: 'large', pageSize: 2, cursor: '4' }),
      v1Connection,
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data.map((trigger) => trigger.id)).toEqual(['trigger-4']);
    expect(result.current.data?.hasMore).toBe(false);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe('/api/orchestration/triggers');
    expect(server.requests[0]?.query.toString()).toBe('name=large');
  });

  it('sends the v2 cursor on v2', async () => {
    server.route('GET /v2/triggers', {
      body: cursorBody(triggers.slice(0, 2), { pageSize: 2, hasMore: true, next: 'n' }),
    });

    const { result } = renderWithConnection(
      () => useTriggersPage({ pageSize: 2, cursor: 'c' }),
      localConnection,
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.next).toBe('n');
    expect(result.current.data?.truncated).toBe(false);
    expect(server.requests[0]?.path).toBe('/api/orchestration/v2/triggers');
    expect(server.requests[0]?.query.toString()).toBe('cursor=c');
  });
});

describe('useTrigger', () => {
  it('reads the trigger through the v1 path', async () => {
    server.route('GET /triggers/trigger-1', { body: { data: triggers[1] } });

    const { result } = renderWithConnection(() => useTrigger('trigger-1'), v1Connection);

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.id).toBe('trigger-1');
    expect(server.requests[0]?.path).toBe('/api/orchestration/triggers/trigger-1');
  });
});

describe('useTriggerOccurrencesPage', () => {
  it('pages the complete v1 occurrence list', async () => {
    const rows = ['a', 'b', 'c'].map((id) => makeOccurrence({ id }));
    server.route('GET /triggers/trigger-1/occurrences', { body: { data: rows } });

    const { result } = renderWithConnection(
      () => useTriggerOccurrencesPage({ triggerID: 'trigger-1', pageSize: 2 }),
      v1Connection,
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data.map((row) => row.id)).toEqual(['a', 'b']);
    expect(result.current.data?.next).toBe('2');
    expect(server.requests[0]?.query.toString()).toBe('');
  });
});

describe('useVersionedSaveTrigger', () => {
  it('saves through v1 without version', async () => {
    const created = makeTrigger({ id: 'trigger-new' });
    server.route('POST /triggers', { status: 201, body: { data: created } });
    // The test-suite move is left unrouted: it fails with 404 and only adds a warning.
    server.route('DELETE /triggers/trigger-old', { status: 204 });

    const { result } = renderWithConnection(() => useVersionedSaveTrigger(), v1Connection);
    const outcome = await act(() =>
      result.current.mutateAsync({
        data: { event: 'SAVED_PAYMENT', workflowID: 'wf-1', version: 'v3' },
        replaces: 'trigger-old',
      }),
    );

    expect(outcome.trigger.id).toBe('trigger-new');
    const create = server.requests.find((request) => request.method === 'POST');
    expect(create?.path).toBe('/api/orchestration/triggers');
    expect(JSON.parse(create?.body ?? '{}')).toEqual({
      event: 'SAVED_PAYMENT',
      workflowID: 'wf-1',
    });
    const remove = server.requests.find((request) => request.method === 'DELETE');
    expect(remove?.path).toBe('/api/orchestration/triggers/trigger-old');
  });
});
