import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useV2DeleteTrigger } from '@/features/triggers/api/delete-trigger';
import { useV2ListTriggers } from '@/features/triggers/api/list-triggers';
import { useV2ReadTrigger } from '@/features/triggers/api/read-trigger';
import { useTestTrigger } from '@/features/triggers/api/test-trigger';
import { triggerKeys } from '@/lib/query-keys';
import { setupTestApiServer } from '@/testing/api-server';
import { cursorBody, makeTrigger } from '@/testing/fixtures';
import { renderHookWithProviders } from '@/testing/render-app';

const trigger = makeTrigger({ id: 't-1' });
const server = setupTestApiServer();

describe('useTestTrigger', () => {
  it('posts the payload and accepts null parts', async () => {
    server.route('POST /v2/triggers/t-1/test', {
      body: { data: { filter: { match: false }, variables: null } },
    });
    const payload = { ledger: 'creators-eu', transactions: [] };

    const { result } = renderHookWithProviders(() => useTestTrigger());
    const test = await result.current.mutateAsync({ triggerID: 't-1', payload });

    expect(test.filter).toEqual({ match: false });
    expect(test.variables).toBeUndefined();
    expect(server.requests[0]?.path).toBe('/api/orchestration/v2/triggers/t-1/test');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(payload);
  });
});

describe('useV2DeleteTrigger', () => {
  it('refetches lists, leaves detail stale', async () => {
    server.route('GET /v2/triggers', { body: cursorBody([trigger]) });
    server.route('GET /v2/triggers/t-1', { body: { data: trigger } });
    server.route('DELETE /v2/triggers/t-1', { status: 204 });

    const { result, queryClient } = renderHookWithProviders(() => ({
      list: useV2ListTriggers(),
      detail: useV2ReadTrigger('t-1'),
      remove: useV2DeleteTrigger(),
    }));
    await waitFor(() => expect(result.current.detail.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    const before = server.requests.length;

    await result.current.remove.mutateAsync({ triggerID: 't-1' });

    const after = server.requests
      .slice(before)
      .map((request) => `${request.method} ${request.path}`);
    expect(after).toEqual([
      'DELETE /api/orchestration/v2/triggers/t-1',
      'GET /api/orchestration/v2/triggers',
    ]);
    expect(queryClient.getQueryState(triggerKeys.detail('v2', 't-1'))?.isInvalidated).toBe(true);
  });
});
