import { act, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';

import { useV2CreateWorkflow } from '@/features/workflows/api/create-workflow';
import {
  useListWorkflows,
  useV2ListWorkflows,
  useV2ListWorkflowsInfinite,
} from '@/features/workflows/api/list-workflows';
import { setupTestApiServer } from '@/testing/api-server';
import { cursorBody, makeWorkflow } from '@/testing/fixtures';
import { renderHookWithProviders } from '@/testing/render-app';

const first = makeWorkflow({ id: 'wf-1' });
const second = makeWorkflow({ id: 'wf-2' });
const server = setupTestApiServer();

beforeEach(() => {
  server.route('GET /v2/workflows', (request) =>
    request.query.get('cursor') === 'page-2'
      ? { body: cursorBody([second], { pageSize: 1, previous: 'page-1' }) }
      : { body: cursorBody([first], { pageSize: 1, hasMore: true, next: 'page-2' }) },
  );
});

describe('useV2ListWorkflows', () => {
  it('returns the cursor page and sends only the cursor once set', async () => {
    const { result } = renderHookWithProviders(() =>
      useV2ListWorkflows({ pageSize: 1, cursor: 'page-2' }),
    );

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.data.map((workflow) => workflow.id)).toEqual(['wf-2']);
    expect(result.current.data?.previous).toBe('page-1');
    expect(server.requests[0]?.query.toString()).toBe('cursor=page-2');
  });
});

describe('useV2ListWorkflowsInfinite', () => {
  it('follows next until hasMore is false', async () => {
    const { result } = renderHookWithProviders(() => useV2ListWorkflowsInfinite({ pageSize: 1 }));
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.hasNextPage).toBe(true);
    expect(server.requests[0]?.query.get('pageSize')).toBe('1');

    await act(() => result.current.fetchNextPage());

    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    const ids = result.current.data?.pages.flatMap((page) => page.data.map((w) => w.id));
    expect(ids).toEqual(['wf-1', 'wf-2']);
    expect(result.current.hasNextPage).toBe(false);
    expect(server.requests[1]?.query.toString()).toBe('cursor=page-2');
  });
});

describe('useV2CreateWorkflow', () => {
  it('sends YAML and refetches the workflow lists of both versions', async () => {
    server.route('GET /workflows', { body: { data: [first] } });
    server.route('POST /v2/workflows', { status: 201, body: { data: second } });
    const yaml = 'name: noop-probe\nstages:\n  - noop: {}\n';

    const { result } = renderHookWithProviders(() => ({
      v2: useV2ListWorkflows({ pageSize: 1 }),
      v1: useListWorkflows(),
      create: useV2CreateWorkflow(),
    }));
    await waitFor(() => expect(result.current.v1.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.v2.isSuccess).toBe(true));
    const before = server.requests.length;

    const created = await result.current.create.mutateAsync({ yaml });

    expect(created.id).toBe('wf-2');
    const after = server.requests.slice(before);
    expect(after[0]?.headers['content-type']).toBe('text/vnd.yaml');
    expect(after[0]?.body).toBe(yaml);
    const refetched = after
      .slice(1)
      .map((request) => request.path)
      .sort();
    expect(refetched).toEqual(['/api/orchestration/v2/workflows', '/api/orchestration/workflows']);
  });

  it('sends a config object as JSON', async () => {
    server.route('POST /v2/workflows', { status: 201, body: { data: first } });
    const config = { name: 'noop-probe', stages: [{ noop: {} }] };

    const { result } = renderHookWithProviders(() => useV2CreateWorkflow());
    await result.current.mutateAsync({ config });

    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual(config);
  });
});
