/**
 * The result panel of a workflow page (PO receive, SO allocate, link) for an action it handed to
 * the offline queue: it follows that action live — kept on this device, sending, sent (with the
 * server's answer) or not sent (with retry and discard), the same words as its session-log line.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCloudUpload, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BarcodeText } from '../ui/BarcodeText.tsx';
import type { QueueStatus } from './queueMachine.ts';
import { queueLogLine } from './queueLogLine.ts';
import { useOfflineQueue } from './useOfflineQueue.ts';

const TITLES = {
  queued: 'outcome.queuedTitle',
  sending: 'outcome.sendingTitle',
  done: 'outcome.doneTitle',
  failed: 'outcome.failedTitle',
} as const satisfies Record<QueueStatus, string>;

export function QueuedOutcome({ id, barcode, reason }: { id: string; barcode: string; reason: string | null }) {
  const { t } = useTranslation(['offline', 'common']);
  const queue = useOfflineQueue();
  const item = queue?.items.find((i) => i.id === id);
  // What it was when last seen, to say the right thing once it is discarded.
  const last = useRef<QueueStatus | null>(null);
  if (item) last.current = item.status;
  if (!item) {
    return (
      <Alert
        color="gray"
        variant="light"
        title={t('outcome.discardedTitle')}
        data-testid="queued-outcome"
        data-status="gone"
      >
        <Stack gap={4}>
          <BarcodeText text={barcode} size="sm" maxLength={200} />
          <Text size="sm">
            {last.current === 'failed' ? t('outcome.discardedAfterFailure') : t('outcome.discardedNeverSent')}
          </Text>
        </Stack>
      </Alert>
    );
  }
  const line = queueLogLine(item);
  const waiting = item.status === 'queued' || item.status === 'sending';
  const color = waiting ? 'orange' : item.status === 'failed' ? 'red' : line.tone === 'success' ? 'teal' : 'blue';
  const title = t(TITLES[item.status]);
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
            {item.context ? t('outcome.waitingWithContext', { about: item.context }) : t('outcome.waiting')}
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
              {t('common:retry')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => queue.discard(id)}>
              {t('outcome.discard')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
