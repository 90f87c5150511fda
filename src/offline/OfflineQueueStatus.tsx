/**
 * One line about the offline queue, where scanning happens: how many actions wait to be sent to
 * this server (and why), how many failed and need a decision, with "Send now". Hidden when the
 * queue has nothing for this server.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { countQueue } from './queueMachine.ts';
import { useOfflineQueue } from './useOfflineQueue.ts';

export function OfflineQueueStatus() {
  const queue = useOfflineQueue();
  if (!queue || !queue.server) return null;
  const mine = queue.items.filter((i) => i.server === queue.server);
  const c = countQueue(mine);
  const waiting = c.queued + c.sending;
  if (waiting === 0 && c.failed === 0) return null;
  const reason = mine.find((i) => i.status === 'queued' && i.problem)?.problem ?? null;
  return (
    <Alert
      color={c.failed ? 'red' : 'orange'}
      variant="light"
      icon={<IconCloudUpload aria-hidden />}
      p="xs"
      data-testid="offline-queue-status"
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <div>
          <Text size="sm" fw={500} data-testid="offline-queue-counts">
            {waiting > 0 ? `${waiting} waiting to be sent${c.sending ? ' (sending…)' : ''}` : 'Nothing waiting'}
            {c.failed > 0 ? ` · ${c.failed} not sent: retry or discard them in the log` : ''}
          </Text>
          {waiting > 0 && (
            <Text size="xs" c="dimmed">
              {reason ? `${reason.message} ` : ''}Kept on this device and sent in order once the server answers.
            </Text>
          )}
        </div>
        {waiting > 0 && (
          <Button size="compact-sm" variant="light" onClick={queue.sendNow}>
            Send now
          </Button>
        )}
      </Group>
    </Alert>
  );
}
