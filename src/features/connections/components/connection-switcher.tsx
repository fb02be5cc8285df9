import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';

import { connectionsQuery } from '@/features/connections/api/get-connections';

import { ConnectionSwitcherButton } from './connection-switcher-button';

const loadMenu = () => import('./connection-menu');
const ConnectionMenu = lazy(() =>
  loadMenu().then((module) => ({ default: module.ConnectionMenu })),
);

/**
 * Header menu that lists the Flowdeck server's connections and opens another
 * one. The first page renders only the button. The menu (Mantine's Menu with
 * floating-ui) and the connection list load when the pointer reaches the
 * button or the button is first clicked, and the menu opens once loaded.
 */
export function ConnectionSwitcher() {
  const queryClient = useQueryClient();
  const [requested, setRequested] = useState(false);

  const preload = () => {
    void loadMenu();
    void queryClient.prefetchQuery(connectionsQuery());
  };

  if (!requested) {
    return (
      <ConnectionSwitcherButton
        aria-haspopup="menu"
        aria-expanded={false}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setRequested(true)}
      />
    );
  }

  return (
    <Suspense fallback={<ConnectionSwitcherButton aria-haspopup="menu" aria-expanded={false} />}>
      <ConnectionMenu />
    </Suspense>
  );
}
