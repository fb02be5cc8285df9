import { render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import { cursorBody, makeWorkflow } from '@/testing/fixtures';
import { createTestQueryClient, TestProviders } from '@/testing/render-app';

import { createAppRoutes } from './router';

let server: TestApiServer;

beforeEach(async () => {
  server = await startTestApiServer({
    'GET /v2/_info': { body: { version: '1.2.3' } },
    'GET /v2/workflows': { body: cursorBody([makeWorkflow({ id: 'w-1' })]) },
  });
  setApiBaseUrl(server.url);
});

afterEach(async () => {
  await server.close();
});

function renderApp(path: string) {
  const queryClient = createTestQueryClient();
  const router = createMemoryRouter(createAppRoutes(queryClient), { initialEntries: [path] });

  render(
    <TestProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </TestProviders>,
  );

  return router;
}

describe('app router', () => {
  it('redirects the root to the workflows page', async () => {
    const router = renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Workflows' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/workflows');
    expect(
      await screen.findByText('approval-gated-refund', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
  }, 20_000);

  it('shows a not-found page inside the shell for unknown URLs', async () => {
    renderApp('/no-such-page');

    expect(await screen.findByText('Page not found')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
  });

  it('shows the server version in the header', async () => {
    renderApp('/no-such-page');

    expect(
      await screen.findByRole('status', { name: 'Connection: Local server · v1.2.3' }),
    ).toBeInTheDocument();
  });

  it('shows an unreachable server with its error code', async () => {
    server.route('GET /v2/_info', {
      status: 500,
      body: { errorCode: 'INTERNAL', errorMessage: 'boom' },
    });
    renderApp('/no-such-page');

    await waitFor(() =>
      expect(screen.getByRole('status', { name: /^Connection: Unreachable/ })).toHaveTextContent(
        'Unreachable (INTERNAL)',
      ),
    );
  });
});
