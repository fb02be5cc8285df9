import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import { makeWorkflow } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';

import { DeleteWorkflowButton } from './delete-workflow-button';

const workflow = makeWorkflow({ id: 'wf-7', config: { name: 'weekly-payout', stages: [] } });

let server: TestApiServer;

beforeEach(async () => {
  server = await startTestApiServer();
  setApiBaseUrl(server.url);
});

afterEach(async () => {
  await server.close();
});

function renderButton(target = workflow) {
  return renderWithProviders(<DeleteWorkflowButton workflow={target} />, {
    routes: [{ path: '/workflows', element: <p>workflows page</p> }],
  });
}

describe('DeleteWorkflowButton', () => {
  it('deletes after confirmation and opens the list', async () => {
    server.route('DELETE /v2/workflows/wf-7', { status: 204, body: '' });
    const { user, router } = renderButton();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete workflow?' });
    expect(dialog).toHaveTextContent('weekly-payout');
    expect(server.requests).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete workflow' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/workflows'));
    expect(server.requests.map((request) => request.method)).toEqual(['DELETE']);
  });

  it('shows the API error and stays open', async () => {
    server.route('DELETE /v2/workflows/wf-7', {
      status: 404,
      body: { errorCode: 'NOT_FOUND', errorMessage: 'workflow wf-7 not found' },
    });
    const { user, router } = renderButton();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(await screen.findByRole('button', { name: 'Delete workflow' }));

    expect(await screen.findByText('workflow wf-7 not found')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Delete workflow?' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('is disabled for a deleted workflow', () => {
    renderButton(makeWorkflow({ ...workflow, deletedAt: '2026-01-01T00:00:00Z' }));

    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled();
  });
});
