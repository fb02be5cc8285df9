import { Notifications } from '@mantine/notifications';
import type { NotificationsProps } from '@mantine/notifications';

/** Mantine's `Notifications`, in a module of its own so that `NotificationsHost` can load it. */
export function NotificationsView(props: NotificationsProps) {
  return <Notifications {...props} />;
}
