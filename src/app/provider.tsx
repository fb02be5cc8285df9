import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';

import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';

import { NotificationsHost } from '@/components/notifications-host';
import { ConnectionProvider } from '@/features/connections/components/connection-provider';

import { AppErrorBoundary } from './app-error-boundary';
import { colorSchemeManager } from './color-scheme';
import { theme } from './theme';

type AppProviderProps = {
  queryClient: QueryClient;
  children: ReactNode;
};

export function AppProvider({ queryClient, children }: AppProviderProps) {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
    >
      <AppErrorBoundary>
        <NotificationsHost position="top-right" limit={5} />
        <QueryClientProvider client={queryClient}>
          <ConnectionProvider>{children}</ConnectionProvider>
        </QueryClientProvider>
      </AppErrorBoundary>
    </MantineProvider>
  );
}
