import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { setActiveConnection } from '@/lib/connection/active-connection';
import {
  instanceKeys,
  scopeKey,
  serverInfoKeys,
  triggerKeys,
  workflowKeys,
} from '@/lib/query-keys';

function startsWith(key: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.every((segment, index) => JSON.stringify(key[index]) === JSON.stringify(segment));
}

describe('query keys', () => {
  it('start with the connection and API version', () => {
    expect(workflowKeys.all('v2').slice(0, 2)).toEqual(['local', 'v2']);
    expect(instanceKeys.detail('v1', 'i-1').slice(0, 2)).toEqual(['local', 'v1']);
    expect(serverInfoKeys.all('v1')).toEqual(['local', 'v1', 'server-info']);
  });

  it('put the connection id first', () => {
    expect(scopeKey('v2', 'prod')).toEqual(['prod', 'v2']);
    setActiveConnection({ id: 'staging', basename: '/c/staging' });
    try {
      expect(workflowKeys.all('v1')).toEqual(['staging', 'v1', 'workflows']);
    } finally {
      setActiveConnection({ id: 'local', basename: '' });
    }
  });

  it('nest lists and details under all', () => {
    const all = workflowKeys.all('v2');

    expect(startsWith(workflowKeys.list('v2', { pageSize: 20 }), workflowKeys.lists('v2'))).toBe(
      true,
    );
    expect(startsWith(workflowKeys.lists('v2'), all)).toBe(true);
    expect(startsWith(workflowKeys.infinite('v2'), workflowKeys.lists('v2'))).toBe(true);
    expect(startsWith(workflowKeys.detail('v2', 'wf-1'), workflowKeys.details('v2'))).toBe(true);
    expect(startsWith(workflowKeys.details('v2'), all)).toBe(true);
  });

  it('nest instance histories under the instance detail', () => {
    const detail = instanceKeys.detail('v2', 'i-1');

    expect(startsWith(instanceKeys.history('v2', 'i-1'), detail)).toBe(true);
    expect(startsWith(instanceKeys.stageHistory('v2', 'i-1', 2), detail)).toBe(true);
    expect(startsWith(triggerKeys.occurrences('v2', 't-1'), triggerKeys.detail('v2', 't-1'))).toBe(
      true,
    );
  });
});

describe('prefix invalidation', () => {
  function seed(client: QueryClient, keys: ReadonlyArray<readonly unknown[]>) {
    for (const key of keys) {
      client.setQueryData(key, 'cached');
    }
  }

  function staleKeys(client: QueryClient): string[] {
    return client
      .getQueryCache()
      .getAll()
      .filter((query) => query.state.isInvalidated)
      .map((query) => JSON.stringify(query.queryKey))
      .sort();
  }

  it('invalidates one instance and its histories only', async () => {
    const client = new QueryClient();
    seed(client, [
      instanceKeys.detail('v2', 'i-1'),
      instanceKeys.history('v2', 'i-1'),
      instanceKeys.stageHistory('v2', 'i-1', 0),
      instanceKeys.detail('v2', 'i-2'),
      instanceKeys.detail('v1', 'i-1'),
      instanceKeys.list('v2', { running: true }),
    ]);

    await client.invalidateQueries({ queryKey: instanceKeys.detail('v2', 'i-1') });

    expect(staleKeys(client)).toEqual(
      [
        instanceKeys.detail('v2', 'i-1'),
        instanceKeys.history('v2', 'i-1'),
        instanceKeys.stageHistory('v2', 'i-1', 0),
      ]
        .map((key) => JSON.stringify(key))
        .sort(),
    );
  });

  it('invalidates every list but no detail', async () => {
    const client = new QueryClient();
    seed(client, [
      workflowKeys.list('v2', { pageSize: 15 }),
      workflowKeys.list('v2', { cursor: 'abc' }),
      workflowKeys.infinite('v2', { pageSize: 15 }),
      workflowKeys.detail('v2', 'wf-1'),
      workflowKeys.list('v1'),
    ]);

    await client.invalidateQueries({ queryKey: workflowKeys.lists('v2') });

    expect(staleKeys(client)).toHaveLength(3);
    expect(client.getQueryState(workflowKeys.detail('v2', 'wf-1'))?.isInvalidated).toBe(false);
    expect(client.getQueryState(workflowKeys.list('v1'))?.isInvalidated).toBe(false);
  });
});
