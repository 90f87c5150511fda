/** Whether the page-wide scanner gun capture is ready, receiving, off, or waiting for the page to get focus. */
import { Badge, Group } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import type { WedgeStatus } from '../useWedge.ts';
import { useTranslation } from 'react-i18next';

export function GunIndicator({ status, enabled }: { status: WedgeStatus; enabled: boolean }) {
  const { t } = useTranslation('scanner');
  let color = 'green';
  let text = t('gun.ready');
  if (!enabled) {
    color = 'gray';
    text = t('gun.off');
  } else if (status.receiving) {
    color = 'blue';
    text = t('gun.receiving');
  } else if (!status.pageFocused) {
    color = 'yellow';
    text = t('gun.clickPage');
  }
  return (
    <Group gap="xs">
      <Badge
        data-testid="wedge-indicator"
        data-state={!enabled ? 'off' : status.receiving ? 'receiving' : status.pageFocused ? 'ready' : 'unfocused'}
        color={color}
        variant="light"
        leftSection={<IconBarcode size={14} aria-hidden />}
        size="lg"
        radius="sm"
        style={{ textTransform: 'none' }}
      >
        {text}
      </Badge>
    </Group>
  );
}
