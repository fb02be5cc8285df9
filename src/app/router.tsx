import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, redirect } from 'react-router';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';

import { getActiveConnection, localConnectionId } from '@/lib/connection/active-connection';
import { paths } from '@/lib/paths';

import { AppLayout } from './layout/app-layout';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';

type RouteModule = { default: ComponentType };

/** Loads a page module only when its route is first visited, so the first page stays small. */
function lazyPage(load: () => Promise<RouteModule>): RouteObject['lazy'] {
  return async () => ({ Component: (await load()).default });
}

/**
 * Starts fetching a page's main resource while its code loads. The loader
 * does not wait: the page shows its own skeleton and errors. The query
 * modules are imported dynamically, so their zod schemas stay out of the
 * entry chunk.
 */
function prefetch(start: (args: LoaderFunctionArgs) => Promise<unknown>) {
  return (args: LoaderFunctionArgs) => {
    // The prefetches use v2 keys, and a remote stack may have only v1.
    if (getActiveConnection().id === localConnectionId) void start(args);

    return null;
  };
}

export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, loader: () => redirect(paths.workflows()) },
            {
              path: 'workflows',
              lazy: lazyPage(() => import('./routes/workflows')),
            },
            {
              path: 'workflows/new/edit',
              lazy: lazyPage(() => import('./routes/editor/new-workflow')),
            },
            {
              path: 'workflows/:workflowId/edit',
              loader: prefetch(async ({ params }) => {
                const { v2WorkflowQuery } = await import('@/features/workflows/api/get-workflow');

                return queryClient.prefetchQuery(v2WorkflowQuery(params.workflowId ?? ''));
              }),
              lazy: lazyPage(() => import('./routes/editor/edit-workflow')),
            },
            {
              path: 'workflows/:workflowId',
              loader: prefetch(async ({ params }) => {
                const { v2WorkflowQuery } = await import('@/features/workflows/api/get-workflow');

                return queryClient.prefetchQuery(v2WorkflowQuery(params.workflowId ?? ''));
              }),
              lazy: lazyPage(() => import('./routes/workflow')),
            },
            {
              path: 'instances',
              lazy: lazyPage(() => import('./routes/instances')),
            },
            {
              path: 'instances/:instanceId',
              loader: prefetch(async ({ params }) => {
                const { v2InstanceQuery } = await import('@/features/instances/api/get-instance');

                return queryClient.prefetchQuery(v2InstanceQuery(params.instanceId ?? ''));
              }),
              lazy: lazyPage(() => import('./routes/instance')),
            },
            {
              path: 'case-file',
              lazy: lazyPage(() => import('./routes/case-file')),
            },
            {
              path: 'waiting',
              lazy: lazyPage(() => import('./routes/waiting')),
            },
            {
              path: 'triggers',
              lazy: lazyPage(() => import('./routes/triggers')),
            },
            {
              path: 'triggers/new',
              lazy: lazyPage(() => import('./routes/trigger-new')),
            },
            {
              path: 'triggers/:triggerId/edit',
              loader: prefetch(async ({ params }) => {
                const { v2TriggerQuery } = await import('@/features/triggers/api/read-trigger');

                return queryClient.prefetchQuery(v2TriggerQuery(params.triggerId ?? ''));
              }),
              lazy: lazyPage(() => import('./routes/trigger-edit')),
            },
            {
              path: 'triggers/:triggerId',
              loader: prefetch(async ({ params }) => {
                const { v2TriggerQuery } = await import('@/features/triggers/api/read-trigger');

                return queryClient.prefetchQuery(v2TriggerQuery(params.triggerId ?? ''));
              }),
              lazy: lazyPage(() => import('./routes/trigger')),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}

/** The browser router; its basename is the active connection's `/c/<id>` prefix, if any. */
export function createAppRouter(queryClient: QueryClient) {
  const { basename } = getActiveConnection();

  return createBrowserRouter(createAppRoutes(queryClient), basename ? { basename } : {});
}
