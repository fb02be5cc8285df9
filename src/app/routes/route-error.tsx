import { Button, Stack, Title } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';

import { ApiErrorAlert } from '@/components/api-error-alert';

import { NotFoundPage } from './not-found';

/** Error element of the routes: a 404 page for unknown URLs, else the error with a reload. */
export function RouteError() {
  const error = useRouteError();

  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;

  const shown = isRouteErrorResponse(error)
    ? new Error(`${error.status} ${error.statusText}`)
    : error;

  return (
    <Stack gap="md" p="lg" maw={720}>
      <Title order={1} fz="h2">
        This page failed to load
      </Title>
      <ApiErrorAlert
        error={shown}
        title="Unexpected error"
        onRetry={() => window.location.reload()}
      />
      <div>
        <Button variant="default" onClick={() => window.history.back()}>
          Go back
        </Button>
      </div>
    </Stack>
  );
}
