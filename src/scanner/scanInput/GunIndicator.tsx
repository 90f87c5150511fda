/** Whether the page-wide scanner gun capture is ready, receiving, off, or waiting for the page to get focus. */
import { Badge, Group } from '@mantine/core';
import { IconBarcode } from '@tabler/icons-react';
import type { WedgeStatus } from '../useWedge.ts';

export function GunIndicator({ status, enabled }: { status: WedgeStatus; enabled: boolean }) {
  let color = 'green';
  let text = 'Scanner gun ready';
  if (!enabled) {
    color = 'gray';
    text = 'Scanner gun off';
  } else if (status.receiving) {
    color = 'blue';
    text = 'Receiving from scanner gun…';
  } else if (!status.pageFocused) {
    color = 'yellow';
    text = 'Click the page to use the scanner gun';
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
