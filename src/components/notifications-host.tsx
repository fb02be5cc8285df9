import { useNotifications } from '@mantine/notifications';
import type { NotificationsProps } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

const Notifications = lazy(() =>
  import('./notifications-view').then((module) => ({ default: module.NotificationsView })),
);

/**
 * Mantine's `Notifications`, loaded when the first notification is shown.
 * `notifications.show()` only updates Mantine's store, which is small. The
 * component that renders the store, with its transitions and scroll lock, is
 * about 8 KB gzip that most page loads never need. Once loaded it stays mounted.
 */
export function NotificationsHost(props: NotificationsProps) {
  const state = useNotifications();
  const [needed, setNeeded] = useState(false);

  if (!needed && state.notifications.length + state.queue.length > 0) setNeeded(true);

  if (!needed) return null;

  return (
    <Suspense fallback={null}>
      <Notifications {...props} />
    </Suspense>
  );
}
