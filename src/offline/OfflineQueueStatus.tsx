/**
 * One line about the offline queue, where scanning happens: how many actions wait to be sent to
 * this server (and why), how many failed and need a decision, with "Send now". Hidden when the
 * queue has nothing for this server.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { countQueue } from './queueMachine.ts';
import { useOfflineQueue } from './useOfflineQueue.ts';

export function OfflineQueueStatus() {
  const { t } = useTranslation('offline');
  const queue = useOfflineQueue();
  if (!queue || !queue.server) return null;
  const mine = queue.items.filter((i) => i.server === queue.server);
  const c = countQueue(mine);
  const waiting = c.queued + c.sending;
  if (waiting === 0 && c.failed === 0) return null;
  const reason = mine.find((i) => i.status === 'queued' && i.problem)?.problem ?? null;
  const waitingText =
    waiting === 0
      ? t('status.nothingWaiting')
      : c.sending
        ? t('status.waitingSending', { count: waiting })
        : t('status.waiting', { count: waiting });
  const counts = c.failed
    ? t('status.withFailed', { waiting: waitingText, failed: t('status.failed', { count: c.failed }) })
    : waitingText;
  return (
    <Alert
      color={c.failed ? 'red' : 'orange'}
      variant="light"
      icon={<IconCloudUpload aria-hidden />}
      p="xs"
      data-testid="offline-queue-status"
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        {/* The text wraps; the button keeps its width (German "Jetzt senden" was cut off on a phone). */}
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} data-testid="offline-queue-counts">
            {counts}
          </Text>
          {waiting > 0 && (
            <Text size="xs" c="dimmed">
              {reason ? t('status.hintWithReason', { reason: reason.message }) : t('status.hint')}
            </Text>
          )}
        </div>
        {waiting > 0 && (
          <Button size="compact-sm" variant="light" onClick={queue.sendNow} style={{ flexShrink: 0 }}>
            {t('status.sendNow')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
