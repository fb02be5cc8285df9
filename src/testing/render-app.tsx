/**
 * Renders a component inside the console's providers for component tests:
 * MantineProvider with notifications, a fresh QueryClient without retries,
 * and a memory router.
 */
import { MantineProvider } from '@mantine/core';
import type { MantineThemeOverride } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { render, renderHook } from '@testing-library/react';
import type { RenderHookResult, RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { RouteObject } from 'react-router';

import { createQueryClient } from '@/lib/query-client';

export type RenderWithProvidersOptions = {
  /** Initial URL. @default '/' */
  route?: string;
  /** Route pattern that renders `ui`, so that `useParams` works. @default '*' */
  path?: string;
  /** More routes, e.g. the target of a link that the test follows. */
  routes?: RouteObject[];
  /** Defaults to a fresh client from `createTestQueryClient()`. */
  queryClient?: QueryClient;
  theme?: MantineThemeOverride;
};

export type RenderWithProvidersResult = RenderResult & {
  queryClient: QueryClient;
  router: ReturnType<typeof createMemoryRouter>;
  user: ReturnType<typeof userEvent.setup>;
};

/** Creates a QueryClient with the console's defaults, but without retries. */
export function createTestQueryClient(): QueryClient {
  return createQueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
}

type ProvidersProps = {
  queryClient: QueryClient;
  theme?: MantineThemeOverride;
  children: ReactNode;
};

export function TestProviders({ queryClient, theme, children }: ProvidersProps) {
  return (
    <MantineProvider theme={theme}>
      <Notifications />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}

export function renderWithProviders(
  ui: ReactElement,
  options: RenderWithProvidersOptions = {},
): RenderWithProvidersResult {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const routes: RouteObject[] = [
    { path: options.path ?? '*', element: ui },
    ...(options.routes ?? []),
  ];
  const router = createMemoryRouter(routes, { initialEntries: [options.route ?? '/'] });

  // Notifications live in a module-level store, so earlier tests may have left some.
  notifications.clean();

  const result = render(
    <TestProviders queryClient={queryClient} theme={options.theme}>
      <RouterProvider router={router} />
    </TestProviders>,
  );

  return { ...result, queryClient, router, user: userEvent.setup() };
}

/** Renders a hook inside the same providers, without a router. */
export function renderHookWithProviders<Result>(
  hook: () => Result,
  options: { queryClient?: QueryClient } = {},
): RenderHookResult<Result, unknown> & { queryClient: QueryClient } {
  const queryClient = options.queryClient ?? createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders queryClient={queryClient}>{children}</TestProviders>
  );

  return { ...renderHook(hook, { wrapper }), queryClient };
}
