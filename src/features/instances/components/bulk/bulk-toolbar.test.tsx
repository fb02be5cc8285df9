import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { RecordedRequest, TestApiServer } from '@/testing/api-server';
import { cursorBody, makeInstance } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';

import { BulkToolbar } from './bulk-toolbar';

const running = Array.from({ length: 7 }, (_, index) => makeInstance({ id: `run-${index}` }));

let server: TestApiServer;

/** Serves pages of three, whatever page size is requested, as a server may clamp it. */
function pages(request: RecordedRequest) {
  const offset = Number(request.query.get('cursor') ?? 0);
  const data = running.slice(offset, offset + 3);
  const hasMore = offset + 3 < running.length;

  return {
    body: cursorBody(data, {
      pageSize: 3,
      hasMore,
      next: hasMore ? String(offset + 3) : undefined,
    }),
  };
}

beforeEach(async () => {
  server = await startTestApiServer({ 'GET /v2/instances': pages });
  for (const instance of running) {
    server.route(`PUT /v2/instances/${instance.id}/abort`, { status: 204 });
  }
  setApiBaseUrl(server.url);
});

afterEach(async () => {
  await server.close();
});

describe('BulkToolbar', () => {
  it('cancels every matching instance on the server', { timeout: 30_000 }, async () => {
    const { user } = renderWithProviders(
      <BulkToolbar selected={[]} filters={{ workflowID: 'wf-1' }} version="v2" />,
    );

    await user.click(screen.getByText('All matching the filters'));
    await user.click(screen.getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('Cancel 7 instances?', { exact: false })).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel 7 instances' }));

    await waitFor(() => expect(dialog.textContent).toContain('7 of 7 done · 7 succeeded'), {
      timeout: 45_000,
    });
    const aborts = server.requests.filter((request) => request.path.endsWith('/abort'));
    expect(new Set(aborts.map((request) => request.path)).size).toBe(7);
    const lists = server.requests.filter((request) => request.path.endsWith('/v2/instances'));
    expect(lists.map((request) => request.query.get('cursor'))).toEqual([null, '3', '6']);
  });

  it('offers no target when the filters keep terminated instances only', async () => {
    const { user } = renderWithProviders(
      <BulkToolbar selected={[]} filters={{ outcome: 'succeeded' }} version="v2" />,
    );

    await user.click(screen.getByText('All matching the filters'));
    await user.click(screen.getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog');

    expect(await within(dialog).findByText(/match terminated instances only/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Cancel 0 instances' })).toBeDisabled();
    expect(server.requests).toHaveLength(0);
  });

  it('keeps the instances found before Stop', async () => {
    server.route('GET /v2/instances', async (request) => {
      const response = pages(request);

      // Later pages are slow, so that the search is still running when Stop is clicked.
      return request.query.get('cursor') ? { ...response, delay: 2_000 } : response;
    });
    const { user } = renderWithProviders(<BulkToolbar selected={[]} filters={{}} version="v2" />);

    await user.click(screen.getByText('All matching the filters'));
    await user.click(screen.getByRole('button', { name: 'Cancel…' }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('3 running instances found so far')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Stop searching' }));

    expect(await within(dialog).findByText(/The search was stopped/)).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Cancel 3 instances' })).toBeEnabled();
  });

  it('shows a failed search with a retry', async () => {
    server.route('GET /v2/instances', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'database is locked' },
    });
    const { user } = renderWithProviders(<BulkToolbar selected={[]} filters={{}} version="v2" />);

    await user.click(screen.getByText('All matching the filters'));
    await user.click(screen.getByRole('button', { name: 'Send event…' }));
    const dialog = await screen.findByRole('dialog');

    expect(await within(dialog).findByText('Could not list the matching instances')).toBeTruthy();
    server.route('GET /v2/instances', pages);
    await user.click(within(dialog).getByRole('button', { name: /Retry/ }));
    expect(
      await within(dialog).findByText('Send an event to 7 instances?', { exact: false }),
    ).toBeTruthy();
  });
});
