/** One line of the session log: time, source, barcode, what came of it, and its actions. */
import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCamera, IconKeyboard, IconBarcode, IconX } from '@tabler/icons-react';
import { memo } from 'react';
import { Link } from 'react-router';
import type { ScanSource } from '../scanner/scanEvent.ts';
import { BarcodeText } from './BarcodeText.tsx';
import { LogRowAction } from './LogRowAction.tsx';
import { visibleText } from '../scanner/visibleText.ts';
import type { SessionLogEntry, SessionLogTone } from './sessionLog.ts';

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

export interface SessionLogRowProps {
  entry: SessionLogEntry;
  onRemove(id: number): void;
  onRetry?(queueId: string): void;
  onDiscard?(queueId: string): void;
  /** Undo or correct what this line's write did (the kit sends it once confirmed). */
  onUndo?(id: number, input: number | null): void;
}

/**
 * One log line. Memoised: entries are immutable and the callbacks stable, so a new or changed line
 * renders only itself, not the whole growing log (a burst of scans changes the log many times).
 */
export const SessionLogRow = memo(function SessionLogRow({
  entry: e,
  onRemove,
  onRetry,
  onDiscard,
  onUndo,
}: SessionLogRowProps) {
  const Icon = SOURCE_ICON[e.source];
  const tone = TONE[e.tone];
  const about = visibleText(e.text).slice(0, 60);
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
            <Anchor component={Link} to={e.to} size="xs" style={{ overflowWrap: 'anywhere' }} className="touch-target">
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
        {e.action && onUndo && (
          <LogRowAction action={e.action} about={about} onConfirm={(input) => onUndo(e.id, input)} />
        )}
      </Stack>
      {/* Hiding a line changes this list only: it never undoes what the scan did (that is the action above). */}
      <Tooltip label="Hide from this list (does not undo)">
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={() => onRemove(e.id)}
          aria-label={`Hide ${about} from this list`}
          size="xl"
          data-testid="log-hide"
        >
          <IconX size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
});
