import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import { makeInstance, makeWorkflow } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';

import { RunWorkflowDialog } from './run-workflow-dialog';

const workflow = makeWorkflow({
  id: 'wf-1',
  config: {
    name: 'tip-creator',
    stages: [
      {
        send: {
          source: { account: { id: 'fans:${fanID}:wallet', ledger: 'creators-eu' } },
          destination: { account: { id: 'creators:${creatorID}:earnings' } },
          amount: { amount: '${cents}', asset: 'EUR/2' },
          metadata: { reason: 'tip', campaign: '${fanID}-${campaign}' },
        },
      },
    ],
  },
});

let server: TestApiServer;

beforeEach(async () => {
  server = await startTestApiServer();
  setApiBaseUrl(server.url);
});

afterEach(async () => {
  await server.close();
});

function renderDialog() {
  return renderWithProviders(<RunWorkflowDialog workflow={workflow} opened onClose={() => {}} />, {
    routes: [{ path: '/instances/:instanceId', element: <p>instance page</p> }],
  });
}

describe('RunWorkflowDialog', () => {
  it('lists one field per variable used in the stages', () => {
    renderDialog();

    const fields = ['fanID', 'creatorID', 'cents', 'campaign'];

    for (const name of fields) {
      expect(screen.getByRole('textbox', { name })).toBeInTheDocument();
    }
    expect(screen.getAllByRole('textbox')).toHaveLength(fields.length);
  });

  it('says so when the workflow uses no variables', () => {
    renderWithProviders(
      <RunWorkflowDialog
        workflow={makeWorkflow({ config: { name: 'noop', stages: [{ noop: {} }] } })}
        opened
        onClose={() => {}}
      />,
    );

    expect(screen.getByText('This workflow uses no variables.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('runs with the variables and opens the new instance', async () => {
    server.route('POST /v2/workflows/wf-1/instances', {
      status: 201,
      body: { data: makeInstance({ id: 'inst-9', workflowID: 'wf-1' }) },
    });
    const { user, router } = renderDialog();

    await user.type(screen.getByRole('textbox', { name: 'fanID' }), 'f-7731');
    await user.type(screen.getByRole('textbox', { name: 'cents' }), '350');
    await user.click(screen.getByRole('switch', { name: /wait for the end/i }));
    await user.click(screen.getByRole('button', { name: 'Run' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/instances/inst-9'));
    const request = server.requests.find((entry) => entry.method === 'POST');
    expect(request?.query.get('wait')).toBe('true');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      fanID: 'f-7731',
      creatorID: '',
      cents: '350',
      campaign: '',
    });
  });

  it('shows the API error inline when the run fails', async () => {
    server.route('POST /v2/workflows/wf-1/instances', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'workflow not found' },
    });
    const { user, router } = renderDialog();

    await user.click(screen.getByRole('button', { name: 'Run' }));

    expect(await screen.findByText('workflow not found')).toBeInTheDocument();
    expect(screen.getByText('INTERNAL')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });
});
