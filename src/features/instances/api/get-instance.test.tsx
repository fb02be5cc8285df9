import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { useV2GetInstance } from '@/features/instances/api/get-instance';
import { useV2GetInstanceHistory } from '@/features/instances/api/get-instance-history';
import { useV2SendEvent } from '@/features/instances/api/send-event';
import { isNotFound } from '@/lib/errors';
import { setupTestApiServer } from '@/testing/api-server';
import { makeInstance, makeInstanceHistory } from '@/testing/fixtures';
import { renderHookWithProviders } from '@/testing/render-app';

const instance = makeInstance({ id: 'i-1' });
const server = setupTestApiServer();

function countRequests(path: string): number {
  return server.requests.filter((request) => request.path === path).length;
}

describe('useV2GetInstance', () => {
  it('polls until the instance terminates', async () => {
    const path = '/api/orchestration/v2/instances/i-1';
    let calls = 0;
    server.route('GET /v2/instances/i-1', () => {
      calls += 1;
      return { body: { data: { ...instance, terminated: calls >= 3 } } };
    });

    const { result } = renderHookWithProviders(() =>
      useV2GetInstance('i-1', { refetchInterval: 30 }),
    );

    await waitFor(() => expect(result.current.data?.terminated).toBe(true));
    expect(countRequests(path)).toBe(3);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(countRequests(path)).toBe(3);
  });

  it('exposes the real server INTERNAL not-found as not found', async () => {
    server.route('GET /v2/instances/gone', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'Instance not found' },
    });

    const { result } = renderHookWithProviders(() => useV2GetInstance('gone'));

    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(isNotFound(result.current.error)).toBe(true);
    expect(result.current.fetchStatus).toBe('idle');
  });
});

describe('useV2SendEvent', () => {
  it('posts the event and refetches the instance and its history', async () => {
    server.route('GET /v2/instances/i-1', { body: { data: instance } });
    server.route('GET /v2/instances/i-1/history', { body: { data: [makeInstanceHistory()] } });
    server.route('POST /v2/instances/i-1/events', { status: 204 });

    const { result } = renderHookWithProviders(() => ({
      instance: useV2GetInstance('i-1', { refetchInterval: false }),
      history: useV2GetInstanceHistory('i-1'),
      sendEvent: useV2SendEvent(),
    }));
    await waitFor(() => expect(result.current.history.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.instance.isSuccess).toBe(true));
    const before = server.requests.length;

    await result.current.sendEvent.mutateAsync({ instanceID: 'i-1', name: 'refund-approved' });

    const after = server.requests.slice(before);
    const post = after.find((request) => request.method === 'POST');
    expect(post?.path).toBe('/api/orchestration/v2/instances/i-1/events');
    expect(JSON.parse(post?.body ?? '')).toEqual({ name: 'refund-approved' });
    const refetched = after.filter((request) => request.method === 'GET').map((r) => r.path);
    expect(refetched).toContain('/api/orchestration/v2/instances/i-1');
    expect(refetched).toContain('/api/orchestration/v2/instances/i-1/history');
  });
});
