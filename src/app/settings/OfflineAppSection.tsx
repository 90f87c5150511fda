/** Whether this device can open StockScan without a network (the cached app shell). */
import { Card, Stack, Text, Title } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { offlineShellStatus, subscribeOfflineShell, type OfflineShellStatus } from '../pwa/offlineShell.ts';

function describe(status: OfflineShellStatus): string {
  switch (status.state) {
    case 'ready':
      return `Ready: the app opens on this device without a network (${status.files} files kept).`;
    case 'preparing':
      return 'Preparing: the app is being saved on this device for use without a network…';
    case 'incomplete':
      return `Partly saved (${status.cached} of ${status.total} files): the app may not open without a network. It tries again the next time it opens.`;
    case 'unavailable':
      return 'Not available here: this browser keeps the app for offline use only over HTTPS or on localhost.';
  }
}

export function OfflineAppSection() {
  const status = useSyncExternalStore(subscribeOfflineShell, offlineShellStatus);
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h3">
          Offline use
        </Title>
        <Text size="sm" data-testid="offline-shell-status" data-state={status.state}>
          {describe(status)}
        </Text>
      </Stack>
    </Card>
  );
}
