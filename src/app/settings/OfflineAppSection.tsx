/** Whether this device can open StockScan without a network (the cached app shell). */
import { Card, Stack, Text, Title } from '@mantine/core';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { offlineShellStatus, subscribeOfflineShell, type OfflineShellStatus } from '../pwa/offlineShell.ts';

function describe(status: OfflineShellStatus): string {
  switch (status.state) {
    case 'ready':
      return i18n.t('settings:offline.ready', { count: status.files });
    case 'preparing':
      return i18n.t('settings:offline.preparing');
    case 'incomplete':
      return i18n.t('settings:offline.incomplete', { cached: status.cached, count: status.total });
    case 'unavailable':
      return i18n.t('settings:offline.unavailable');
  }
}

export function OfflineAppSection() {
  const status = useSyncExternalStore(subscribeOfflineShell, offlineShellStatus);
  const { t } = useTranslation('settings');
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('offline.title')}
        </Title>
        <Text size="sm" data-testid="offline-shell-status" data-state={status.state}>
          {describe(status)}
        </Text>
      </Stack>
    </Card>
  );
}
