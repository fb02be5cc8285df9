import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';

import { applyStoredColorScheme } from '@/app/color-scheme';
import { AppProvider } from '@/app/provider';
import { createAppRouter } from '@/app/router';
import { apiPathPrefix, configureApiClient } from '@/lib/api-client';
import {
  connectionFromPath,
  localConnectionId,
  setActiveConnection,
} from '@/lib/connection/active-connection';
import { connectionApiPrefix } from '@/lib/connection/connection-paths';
import { createQueryClient } from '@/lib/query-client';

applyStoredColorScheme();

// The connection comes from the URL (`/c/<id>/…`) and stays fixed until the page reloads.
const connection = connectionFromPath(window.location.pathname);
setActiveConnection(connection);
configureApiClient({
  apiPrefix:
    connection.id === localConnectionId ? apiPathPrefix : connectionApiPrefix(connection.id),
});

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
const root = document.getElementById('root');

if (!root) throw new Error('index.html has no #root element to mount the console in.');

createRoot(root).render(
  <StrictMode>
    <AppProvider queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProvider>
  </StrictMode>,
);
