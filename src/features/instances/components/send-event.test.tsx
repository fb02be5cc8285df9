import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import type { Instance } from '@/lib/orchestration/schemas';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import { makeInstance, makeStageStatus, makeWorkflow } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';

import { describeOutcome, SendEvent } from './send-event';

const workflow = makeWorkflow({
  config: {
    name: 'approval-gated-refund',
    stages: [{ noop: {} }, { wait_event: { event: 'refund-approved' } }, { noop: {} }],
  },
});

const waitingInstance = makeInstance({
  id: 'inst-1',
  workflow,
  status: [
    makeStageStatus({ stage: 0, terminatedAt: '2025-03-02T09:15:05.01Z' }),
    makeStageStatus({ stage: 1, startedAt: '2025-03-02T09:15:05.2Z' }),
  ],
});

const runningInstance = makeInstance({
  id: 'inst-2',
  workflow,
  status: [makeStageStatus({ stage: 0 })],
});

let server: TestApiServer;

beforeEach(async () => {
  server = await startTestApiServer();
  setApiBaseUrl(server.url);
});

afterEach(async () => {
  await server.close();
});

async function openDialog(instance: Instance) {
  const result = renderWithProviders(
    <SendEvent instance={instance} config={instance.workflow?.config} />,
  );
  await result.user.click(screen.getByRole('button', { name: 'Send event' }));
  await screen.findByRole('dialog');

  return result;
}

describe('SendEvent', () => {
  it('prefills the event the waiting stage expects', async () => {
    await openDialog(waitingInstance);

    expect(screen.getByRole('textbox', { name: /event name/i })).toHaveValue('refund-approved');
    expect(screen.queryByText('Not waiting')).not.toBeInTheDocument();
  });

  it('warns when the instance is not waiting', async () => {
    await openDialog(runningInstance);

    expect(screen.getByText('Not waiting')).toBeInTheDocument();
    expect(screen.getByText(/drops it otherwise/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /event name/i })).toHaveValue('');
  });

  it('sends the event and closes', async () => {
    server.route('POST /v2/instances/inst-1/events', { status: 204 });
    const { user } = await openDialog(waitingInstance);

    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('Event sent')).toBeInTheDocument();
    const request = server.requests.find((entry) => entry.method === 'POST');
    expect(JSON.parse(request?.body ?? '{}')).toEqual({ name: 'refund-approved' });
    // The modal keeps its node during the closing transition; its form is gone.
    await waitFor(() =>
      expect(screen.queryByRole('textbox', { name: /event name/i })).not.toBeInTheDocument(),
    );
  });

  it('rejects an empty event name without a request', async () => {
    const { user } = await openDialog(runningInstance);

    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('Enter the event name')).toBeInTheDocument();
    expect(server.requests).toHaveLength(0);
  });

  it('shows the API error inline', async () => {
    server.route('POST /v2/instances/inst-1/events', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'stage already finished' },
    });
    const { user } = await openDialog(waitingInstance);

    await user.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText('stage already finished')).toBeInTheDocument();
    expect(screen.getByText('INTERNAL')).toBeInTheDocument();
  });

  it('is disabled once the instance has terminated', () => {
    renderWithProviders(
      <SendEvent
        instance={makeInstance({ terminated: true, terminatedAt: '2025-03-02T09:16:00Z' })}
        config={workflow.config}
      />,
    );

    expect(screen.getByRole('button', { name: 'Send event' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  });
});

describe('describeOutcome', () => {
  it('tells what the server did with the event', () => {
    expect(describeOutcome('go', false, undefined)).toMatch(/dropped the event/);
    expect(describeOutcome('approve', true, 'approve')).toMatch(/received it and completes/);
    expect(describeOutcome('nope', true, 'approve')).toMatch(/expects “approve”.*keeps waiting/);
  });
});
