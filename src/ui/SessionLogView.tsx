import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countByTone, totalEntries, type SessionLog } from './sessionLog.ts';
import type { ToneCounts } from './sessionLogArchive.ts';
import { SessionLogRow } from './SessionLogRow.tsx';
import { SessionLogPager, SessionLogToolbar } from './SessionLogTools.tsx';
import { useLogWindow } from './sessionLogWindow.ts';
import { warmFormatsSoon } from './warmFormats.ts';

export interface SessionLogViewProps {
  log: SessionLog;
  onRemove(id: number): void;
  onClear(): void;
  /** Default: "Session log" in the language in use. */
  title?: string;
  /** Offline queue: send a failed action again. */
  onRetry?(queueId: string): void;
  /** Offline queue: drop a failed action (it is never sent). */
  onDiscard?(queueId: string): void;
  /** A line's undo or correction, confirmed by the user. */
  onUndo?(id: number, input: number | null): void;
}

/** "120 scans: 108 found, 12 not found, 3 failed": the parts after "not found" only when there are any. */
function summary(t: TFunction<'ui'>, total: number, counts: ToneCounts): string {
  const waiting = counts.queued + counts.sending;
  const parts = [
    t('sessionLog.summary.found', { count: counts.success }),
    t('sessionLog.summary.notFound', { count: counts.notFound }),
  ];
  if (counts.error) parts.push(t('sessionLog.summary.failed', { count: counts.error }));
  if (waiting) parts.push(t('sessionLog.summary.waiting', { count: waiting }));
  if (counts.repeat) parts.push(t('sessionLog.summary.repeated', { count: counts.repeat }));
  return t('sessionLog.summary.line', {
    scans: t('sessionLog.summary.scans', { count: total }),
    parts: parts.join(t('sessionLog.summary.separator')),
  });
}

/** Every scan of this session, newest first: time, source, barcode and what came of it. */
export function SessionLogView({ log, onRemove, onClear, title, onRetry, onDiscard, onUndo }: SessionLogViewProps) {
  const { t } = useTranslation('ui');
  const heading = title ?? t('sessionLog.title');
  const counts = countByTone(log);
  const total = totalEntries(log);
  // The list shows the newest entries; older ones (the archive) only when asked or searched.
  const [query, setQuery] = useState('');
  const [pages, setPages] = useState(0);
  const shown = useLogWindow(log, query, pages);
  // Stable, so the memoised toolbar does not re-render with each scan; the export reads the newest log.
  // The first line's formatters are made before the first scan, not on its way to the screen.
  useEffect(() => warmFormatsSoon(), []);
  const latest = useRef(log);
  useEffect(() => {
    latest.current = log;
  }, [log]);
  const currentLog = useCallback(() => latest.current, []);
  const search = useCallback(
    (q: string) => {
      setQuery(q);
      setPages(0);
    },
    [setQuery, setPages],
  );
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={heading}>
      {/* The summary wraps (German runs long); the Clear button keeps its width. */}
      <Group justify="space-between" mb="xs" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h4">
            {heading}
          </Title>
          <Text size="xs" c="dimmed" data-testid="session-log-summary">
            {total === 0 ? t('sessionLog.noScans') : summary(t, total, counts)}
          </Text>
        </div>
        {total > 0 && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            style={{ flex: '0 0 auto' }}
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={onClear}
          >
            {t('sessionLog.clear')}
          </Button>
        )}
      </Group>
      <SessionLogToolbar empty={total === 0} currentLog={currentLog} query={query} onQuery={search} />
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
