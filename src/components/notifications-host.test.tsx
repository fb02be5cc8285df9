import { MantineProvider } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { NotificationsHost } from './notifications-host';

describe('NotificationsHost', () => {
  afterEach(() => {
    act(() => notifications.clean());
  });

  it('renders nothing until a notification is shown', async () => {
    render(
      <MantineProvider>
        <NotificationsHost position="top-right" />
      </MantineProvider>,
    );

    expect(document.querySelector('.mantine-Notifications-root')).toBeNull();

    act(() => {
      notifications.show({ title: 'Could not refresh data', message: 'NETWORK: offline' });
    });

    expect(await screen.findByText('Could not refresh data')).toBeInTheDocument();
    expect(screen.getByText('NETWORK: offline')).toBeInTheDocument();
    expect(document.querySelector('.mantine-Notifications-root')).not.toBeNull();
  });

  it('shows notifications sent before it loaded', async () => {
    act(() => {
      notifications.show({ message: 'Instance cancelled' });
    });

    render(
      <MantineProvider>
        <NotificationsHost />
      </MantineProvider>,
    );

    expect(await screen.findByText('Instance cancelled')).toBeInTheDocument();
  });
});
