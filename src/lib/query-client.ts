/**
 * The console's QueryClient and its defaults. Failures of background refetches
 * and of mutations show a notification here; a query's first-load failure is
 * left to the page, which shows it inline.
 */
import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { InvalidateOptions, QueryClientConfig, QueryKey } from '@tanstack/react-query';

import { describeError, isAbortError, isPermanentError } from '@/lib/errors';
import { apiVersions } from '@/lib/query-keys';
import type { ApiVersion } from '@/lib/query-keys';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: OrchestrationMeta;
    mutationMeta: OrchestrationMeta;
  }
}

export type OrchestrationMeta = {
  /** Title of the error notification, e.g. "Could not cancel the instance". */
  errorTitle?: string;
  /** `false` when the caller shows the error itself, e.g. inside a dialog. */
  errorNotification?: boolean;
};

/** Options every mutation hook accepts. */
export type MutationHookOptions = { meta?: OrchestrationMeta };

/** How many times a query retries an error that may be transient (5xx, network). */
export const maxQueryRetries = 2;

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < maxQueryRetries && !isPermanentError(error);
}

export function showErrorNotification(id: string | undefined, title: string, error: unknown): void {
  const { code, message } = describeError(error);

  notifications.show({
    // The same id never shows twice at once, so a failing poll does not stack toasts.
    id,
    color: 'red',
    title,
    message: `${code}: ${message}`,
  });
}

export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  const queryCache = new QueryCache({
    onError: (error, query) => {
      // Without data the page has nothing to show but the error, so it shows it inline.
      if (query.state.data === undefined || isAbortError(error)) {
        return;
      }

      if (query.meta?.errorNotification === false) {
        return;
      }

      const title = query.meta?.errorTitle ?? 'Could not refresh data';
      showErrorNotification(`query-error:${query.queryHash}`, title, error);
    },
  });

  const mutationCache = new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (isAbortError(error) || mutation.meta?.errorNotification === false) {
        return;
      }

      showErrorNotification(undefined, mutation.meta?.errorTitle ?? 'Action failed', error);
    },
  });

  return new QueryClient({
    queryCache,
    mutationCache,
    ...config,
    defaultOptions: {
      ...config.defaultOptions,
      queries: {
        staleTime: 10_000,
        retry: shouldRetryQuery,
        ...config.defaultOptions?.queries,
      },
      mutations: {
        retry: false,
        ...config.defaultOptions?.mutations,
      },
    },
  });
}

/**
 * Invalidates a key prefix in the v1 and the v2 cache: both versions read the
 * same server data, so a change made through one makes the other stale too.
 */
export async function invalidateAllVersions(
  queryClient: QueryClient,
  keyFor: (version: ApiVersion) => QueryKey,
  options: { refetchType?: 'active' | 'none' } & InvalidateOptions = {},
): Promise<void> {
  const { refetchType, ...invalidateOptions } = options;
  await Promise.all(
    apiVersions.map((version) =>
      queryClient.invalidateQueries({ queryKey: keyFor(version), refetchType }, invalidateOptions),
    ),
  );
}
