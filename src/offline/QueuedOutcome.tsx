/**
 * The result panel of a workflow page (PO receive, SO allocate, link) for an action it handed to
 * the offline queue: it follows that action live — kept on this device, sending, sent (with the
 * server's answer) or not sent (with retry and discard), the same words as its session-log line.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCloudUpload, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { BarcodeText } from '../ui/BarcodeText.tsx';
import type { QueueStatus } from './queueMachine.ts';
import { queueLogLine } from './queueLogLine.ts';
import { useOfflineQueue } from './useOfflineQueue.ts';

export function QueuedOutcome({ id, barcode, reason }: { id: string; barcode: string; reason: string | null }) {
  const queue = useOfflineQueue();
  const item = queue?.items.find((i) => i.id === id);
  // What it was when last seen, to say the right thing once it is discarded.
  const last = useRef<QueueStatus | null>(null);
  if (item) last.current = item.status;
  if (!item) {
    return (
      <Alert color="gray" variant="light" title="Discarded" data-testid="queued-outcome" data-status="gone">
        <Stack gap={4}>
          <BarcodeText text={barcode} size="sm" maxLength={200} />
          <Text size="sm">
            {last.current === 'failed'
              ? 'The server did not take it, and it will not be sent again.'
              : 'It was never sent to the server.'}
          </Text>
        </Stack>
      </Alert>
    );
  }
  const line = queueLogLine(item);
  const waiting = item.status === 'queued' || item.status === 'sending';
  const color = waiting ? 'orange' : item.status === 'failed' ? 'red' : line.tone === 'success' ? 'teal' : 'blue';
  const title =
    item.status === 'queued'
      ? 'Saved, not sent yet'
      : item.status === 'sending'
        ? 'Sending from the queue…'
        : item.status === 'done'
          ? 'Sent from the queue'
          : 'The server did not take it';
  const icon = waiting ? (
    <IconCloudUpload aria-hidden />
  ) : item.status === 'failed' ? (
    <IconX aria-hidden />
  ) : (
    <IconCheck aria-hidden />
  );
  return (
    <Alert
      color={color}
      variant="light"
      title={title}
      icon={icon}
      data-testid="queued-outcome"
      data-status={item.status}
    >
      <Stack gap="xs">
        <BarcodeText text={barcode} size="sm" maxLength={200} />
        {waiting ? (
          <Text size="sm">
            Kept on this device and sent in order as soon as the server can take it; keep scanning.
            {item.context ? ` (${item.context})` : ''}
          </Text>
        ) : (
          <Text size="sm" data-testid="queued-outcome-result">
            {line.result}
          </Text>
        )}
        {waiting && reason && <Text size="sm">{reason}</Text>}
        {item.status === 'failed' && queue && (
          <Group gap="xs">
            <Button size="compact-sm" variant="light" onClick={() => queue.retry(id)}>
              Retry
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => queue.discard(id)}>
              Discard
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
