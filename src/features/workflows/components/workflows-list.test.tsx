import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import { cursorBody, makeWorkflow } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';

import { WorkflowsList } from './workflows-list';
import { filterWorkflowsByName } from './workflows-table';

const workflows = [
  makeWorkflow({ id: 'w-1', config: { name: 'approval-gated-refund', stages: [] } }),
  makeWorkflow({ id: 'w-2', config: { name: 'weekly-payout', stages: [{ noop: {} }] } }),
  makeWorkflow({ id: 'w-3', config: { name: 'Refund-Express', stages: [] } }),
];

describe('filterWorkflowsByName', () => {
  it('matches a substring ignoring case and spaces', () => {
    const names = filterWorkflowsByName(workflows, '  REFUND ').map((w) => w.config.name);

    expect(names).toEqual(['approval-gated-refund', 'Refund-Express']);
  });

  it('keeps every workflow for an empty search', () => {
    expect(filterWorkflowsByName(workflows, '')).toHaveLength(3);
  });
});

describe('WorkflowsList', () => {
  let server: TestApiServer;

  beforeEach(async () => {
    server = await startTestApiServer({ 'GET /v2/workflows': { body: cursorBody(workflows) } });
    setApiBaseUrl(server.url);
  });

  afterEach(async () => {
    await server.close();
  });

  function rowNames() {
    const table = screen.getByRole('table', { name: 'Workflows' });

    return within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[0]?.textContent);
  }

  it('filters rows by name and keeps the search in the URL', async () => {
    const { user, router } = renderWithProviders(<WorkflowsList />, { route: '/workflows' });

    await screen.findByRole('table', { name: 'Workflows' }, { timeout: 5000 });
    expect(rowNames()).toHaveLength(3);

    await user.type(screen.getByRole('textbox', { name: 'Search by name' }), 'refund');

    await waitFor(() => expect(router.state.location.search).toBe('?q=refund'));
    // A search reads whole pages of the maximum size, since the API has no name filter.
    await waitFor(() =>
      expect(server.requests.some((request) => request.query.get('pageSize') === '100')).toBe(true),
    );
    await waitFor(() => expect(rowNames()).toEqual(['approval-gated-refund', 'Refund-Express']));
    expect(screen.getByText(/2 of 3 loaded workflows match/)).toBeInTheDocument();
  }, 15_000);

  it('reads the search from the URL', async () => {
    renderWithProviders(<WorkflowsList />, { route: '/workflows?q=payout' });

    await screen.findByRole('table', { name: 'Workflows' }, { timeout: 5000 });

    expect(screen.getByRole('textbox', { name: 'Search by name' })).toHaveValue('payout');
    expect(rowNames()).toEqual(['weekly-payout']);
  });

  it('shows an empty state when nothing matches', async () => {
    renderWithProviders(<WorkflowsList />, { route: '/workflows?q=zzz' });

    expect(await screen.findByText('No matching workflow')).toBeInTheDocument();
  });

  it('shows the error code and retries', async () => {
    server.route('GET /v2/workflows', {
      status: 400,
      body: { errorCode: 'VALIDATION', errorMessage: "invalid 'cursor' query param" },
    });
    const { user } = renderWithProviders(<WorkflowsList />, { route: '/workflows?cursor=bad' });

    expect(await screen.findByText('VALIDATION')).toBeInTheDocument();
    expect(screen.getByText("invalid 'cursor' query param")).toBeInTheDocument();

    server.route('GET /v2/workflows', { body: cursorBody(workflows) });
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('table', { name: 'Workflows' })).toBeInTheDocument();
  });

  it('pages with the next cursor', async () => {
    server.route('GET /v2/workflows', (request) =>
      request.query.get('cursor') === 'page-2'
        ? { body: cursorBody([workflows[2]!], { previous: 'page-1' }) }
        : { body: cursorBody(workflows.slice(0, 2), { hasMore: true, next: 'page-2' }) },
    );
    const { user, router } = renderWithProviders(<WorkflowsList />, { route: '/workflows' });

    await screen.findByRole('table', { name: 'Workflows' }, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await waitFor(() => expect(rowNames()).toEqual(['Refund-Express']));
    expect(router.state.location.search).toBe('?cursor=page-2');
    expect(screen.getByRole('button', { name: 'Previous' })).toBeEnabled();
  });
});
