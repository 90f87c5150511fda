import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { countByTone, totalEntries, type SessionLog } from './sessionLog.ts';
import { SessionLogRow } from './SessionLogRow.tsx';
import { SessionLogPager, SessionLogToolbar } from './SessionLogTools.tsx';
import { useLogWindow } from './sessionLogWindow.ts';

export interface SessionLogViewProps {
  log: SessionLog;
  onRemove(id: number): void;
  onClear(): void;
  title?: string;
  /** Offline queue: send a failed action again. */
  onRetry?(queueId: string): void;
  /** Offline queue: drop a failed action (it is never sent). */
  onDiscard?(queueId: string): void;
  /** A line's undo or correction, confirmed by the user. */
  onUndo?(id: number, input: number | null): void;
}

/** Every scan of this session, newest first: time, source, barcode and what came of it. */
export function SessionLogView({
  log,
  onRemove,
  onClear,
  title = 'Session log',
  onRetry,
  onDiscard,
  onUndo,
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
          <SessionLogRow
            key={e.id}
            entry={e}
            onRemove={onRemove}
            onRetry={onRetry}
            onDiscard={onDiscard}
            onUndo={onUndo}
          />
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
