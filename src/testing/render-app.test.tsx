import { Button, Text } from '@mantine/core';
import { screen } from '@testing-library/react';
import { useParams } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { useGetServerInfo, useV2GetServerInfo } from '@/features/server-info/api/get-server-info';
import { setApiBaseUrl } from '@/lib/api-client';
import { startTestApiServer } from '@/testing/api-server';
import type { TestApiServer } from '@/testing/api-server';
import { renderWithProviders } from '@/testing/render-app';

let server: TestApiServer;

beforeAll(async () => {
  server = await startTestApiServer({
    'GET /_info': { body: { version: 'v2.1.0' } },
    'GET /v2/_info': { status: 404, body: '404 page not found' },
  });
});

afterAll(async () => {
  await server.close();
});

function ServerVersion() {
  const { name } = useParams();
  const v1 = useGetServerInfo();
  const v2 = useV2GetServerInfo();

  return (
    <>
      <Text>Connection {name}</Text>
      {v1.data && <Text>Version {v1.data.version}</Text>}
      {v2.error && <Text>v2 info: {v2.error.message}</Text>}
      <Button>Refresh</Button>
    </>
  );
}

describe('renderWithProviders', () => {
  it('renders with route params and live queries', async () => {
    setApiBaseUrl(server.url);

    renderWithProviders(<ServerVersion />, {
      route: '/connections/local',
      path: '/connections/:name',
    });

    expect(screen.getByText('Connection local')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeInTheDocument();
    expect(await screen.findByText('Version v2.1.0')).toBeInTheDocument();
    expect(
      await screen.findByText(
        'v2 info: HTTP_404: GET /v2/_info was not found on the server (404).',
      ),
    ).toBeInTheDocument();
  });
});
