import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCamera, IconKeyboard, IconBarcode, IconTrash, IconX } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { Link } from 'react-router';
import type { ScanSource } from '../scanner/scanEvent.ts';
import { BarcodeText } from './BarcodeText.tsx';
import { visibleText } from '../scanner/visibleText.ts';
import { countByTone, type SessionLog, type SessionLogEntry, type SessionLogTone } from './sessionLog.ts';
import { totalEntries } from './sessionLog.ts';
import { SessionLogPager, SessionLogToolbar } from './SessionLogTools.tsx';
import { useLogWindow } from './sessionLogWindow.ts';

const SOURCE_LABEL: Record<ScanSource, string> = { camera: 'Camera', wedge: 'Scanner', manual: 'Typed' };
const SOURCE_ICON = { camera: IconCamera, wedge: IconBarcode, manual: IconKeyboard } as const;

const TONE: Record<SessionLogTone, { color: string; label: string }> = {
  pending: { color: 'gray', label: 'Looking up' },
  queued: { color: 'orange', label: 'Queued' },
  sending: { color: 'blue', label: 'Sending' },
  success: { color: 'green', label: 'Found' },
  notFound: { color: 'yellow', label: 'No match' },
  repeat: { color: 'blue', label: 'Repeat' },
  error: { color: 'red', label: 'Error' },
  info: { color: 'gray', label: 'Info' },
};

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export interface SessionLogViewProps {
  log: SessionLog;
  onRemove(id: number): void;
  onClear(): void;
  title?: string;
  /** Offline queue: send a failed action again. */
  onRetry?(queueId: string): void;
  /** Offline queue: drop a failed action (it is never sent). */
  onDiscard?(queueId: string): void;
}

/** Every scan of this session, newest first: time, source, barcode and what came of it. */
export function SessionLogView({
  log,
  onRemove,
  onClear,
  title = 'Session log',
  onRetry,
  onDiscard,
}: SessionLogViewProps) {
  const counts = countByTone(log);
  const total = totalEntries(log);
  // The list shows the newest entries; older ones (the archive) only when asked or searched.
  const [query, setQuery] = useState('');
  const [pages, setPages] = useState(0);
  const shown = useLogWindow(log, query, pages);
  const search = (q: string) => {
    setQuery(q);
    setPages(0);
  };
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="xs" c="dimmed" data-testid="session-log-summary">
            {total === 0
              ? 'No scans yet'
              : `${total} ${total === 1 ? 'scan' : 'scans'}: ${counts.success} found, ${counts.notFound} not found` +
                (counts.error ? `, ${counts.error} failed` : '') +
                (counts.queued + counts.sending ? `, ${counts.queued + counts.sending} waiting to be sent` : '') +
                (counts.repeat ? `, ${counts.repeat} repeated` : '')}
          </Text>
        </div>
        {total > 0 && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onClear}
          >
            Clear
          </Button>
        )}
      </Group>
      <SessionLogToolbar log={log} query={query} onQuery={search} />
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }} data-testid="session-log">
        {shown.entries.map((e) => (
          <SessionLogRow key={e.id} entry={e} onRemove={onRemove} onRetry={onRetry} onDiscard={onDiscard} />
        ))}
      </Stack>
      <SessionLogPager
        more={shown.more}
        older={shown.older}
        searching={query.trim() !== ''}
        shown={shown.entries.length}
        onPages={setPages}
      />
    </Card>
  );
}

interface SessionLogRowProps {
  entry: SessionLogEntry;
  onRemove(id: number): void;
  onRetry?(queueId: string): void;
  onDiscard?(queueId: string): void;
}

/**
 * One log line. Memoised: entries are immutable and the callbacks stable, so a new or changed line
 * renders only itself, not the whole growing log (a burst of scans changes the log many times).
 */
const SessionLogRow = memo(function SessionLogRow({ entry: e, onRemove, onRetry, onDiscard }: SessionLogRowProps) {
  const Icon = SOURCE_ICON[e.source];
  const tone = TONE[e.tone];
  return (
    <Group
      key={e.id}
      component="li"
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      data-testid="session-log-entry"
      data-tone={e.tone}
      py={4}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={0} align="center" w={64} style={{ flex: '0 0 auto' }}>
        <Text size="xs" c="dimmed" component="time" dateTime={new Date(e.at).toISOString()}>
          {timeFormat.format(e.at)}
        </Text>
        <Tooltip label={SOURCE_LABEL[e.source]}>
          <Group gap={2} wrap="nowrap">
            <Icon size={14} aria-hidden />
            <Text size="xs">{SOURCE_LABEL[e.source]}</Text>
          </Group>
        </Tooltip>
      </Stack>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <BarcodeText text={e.text} size="sm" maxLength={160} />
        <Group gap={6} wrap="nowrap">
          <Badge size="sm" color={tone.color} variant="light" style={{ flex: '0 0 auto' }}>
            {tone.label}
          </Badge>
          {e.to ? (
            <Anchor component={Link} to={e.to} size="xs" style={{ overflowWrap: 'anywhere' }}>
              {e.result}
            </Anchor>
          ) : (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="session-log-result">
              {e.result}
            </Text>
          )}
        </Group>
        {e.queueId && e.tone === 'error' && (onRetry || onDiscard) && (
          <Group gap={6} data-testid="queue-actions">
            {onRetry && (
              <Button size="compact-xs" variant="light" onClick={() => onRetry(e.queueId!)}>
                Retry
              </Button>
            )}
            {onDiscard && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDiscard(e.queueId!)}>
                Discard
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={() => onRemove(e.id)}
        aria-label={`Remove ${visibleText(e.text).slice(0, 60)} from the log`}
        size="lg"
      >
        <IconX size={18} aria-hidden />
      </ActionIcon>
    </Group>
  );
});
