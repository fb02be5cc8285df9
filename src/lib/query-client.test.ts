import { notifications, notificationsStore } from '@mantine/notifications';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { apiRequest, setApiBaseUrl } from '@/lib/api-client';
import { ApiError } from '@/lib/errors';
import { serverInfoSchema } from '@/lib/orchestration/schemas';
import { createQueryClient, shouldRetryQuery } from '@/lib/query-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';

let server: TestApiServer;

beforeAll(async () => {
  server = await startTestApiServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  setApiBaseUrl(server.url);
  notifications.clean();
});

function shownMessages(): string[] {
  return notificationsStore.getState().notifications.map((item) => String(item.message));
}

const infoQuery = {
  queryKey: ['v1', 'server-info'],
  queryFn: () => apiRequest('/_info', { schema: serverInfoSchema }),
};

function apiError(status: number, errorCode: string, errorMessage = 'x'): ApiError {
  return new ApiError({ status, errorCode, errorMessage });
}

describe('shouldRetryQuery', () => {
  it('retries server and network errors twice', () => {
    expect(shouldRetryQuery(0, apiError(500, 'INTERNAL', 'connection reset'))).toBe(true);
    expect(shouldRetryQuery(1, apiError(0, 'NETWORK'))).toBe(true);
    expect(shouldRetryQuery(2, apiError(503, 'HTTP_503'))).toBe(false);
  });

  it('skips client errors, not-found and invalid responses', () => {
    expect(shouldRetryQuery(0, apiError(400, 'VALIDATION'))).toBe(false);
    expect(shouldRetryQuery(0, apiError(401, 'HTTP_401'))).toBe(false);
    expect(shouldRetryQuery(0, apiError(500, 'INTERNAL', 'Instance not found'))).toBe(false);
    expect(shouldRetryQuery(0, apiError(200, 'INVALID_RESPONSE'))).toBe(false);
  });
});

describe('createQueryClient error notifications', () => {
  it('stays silent when a first load fails', async () => {
    server.route('GET /_info', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'boom' },
    });
    const client = createQueryClient({ defaultOptions: { queries: { retry: false } } });

    await expect(client.fetchQuery(infoQuery)).rejects.toBeInstanceOf(ApiError);

    expect(shownMessages()).toEqual([]);
  });

  it('notifies once when a background refetch fails', async () => {
    server.route('GET /_info', { body: { version: 'develop' } });
    const client = createQueryClient({ defaultOptions: { queries: { retry: false } } });
    await client.fetchQuery(infoQuery);
    server.route('GET /_info', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'boom' },
    });

    await client.fetchQuery({ ...infoQuery, staleTime: 0 }).catch(() => undefined);
    await client.fetchQuery({ ...infoQuery, staleTime: 0 }).catch(() => undefined);

    expect(shownMessages()).toEqual(['INTERNAL: boom']);
    expect(client.getQueryData(infoQuery.queryKey)).toEqual({ version: 'develop' });
  });

  it('notifies when a mutation fails unless its meta opts out', async () => {
    server.route('PUT /v2/instances/i-1/abort', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'instance already terminated' },
    });
    const client = createQueryClient();
    const mutationFn = () => apiRequest('/v2/instances/i-1/abort', { method: 'PUT' });

    const cache = client.getMutationCache();
    await cache
      .build(client, { mutationFn, meta: { errorTitle: 'Could not cancel' } })
      .execute(undefined)
      .catch(() => undefined);
    await cache
      .build(client, { mutationFn, meta: { errorNotification: false } })
      .execute(undefined)
      .catch(() => undefined);

    const shownNotifications = notificationsStore.getState().notifications;
    expect(shownNotifications).toHaveLength(1);
    expect(shownNotifications[0]?.title).toBe('Could not cancel');
    expect(shownNotifications[0]?.message).toBe('INTERNAL: instance already terminated');
  });
});
