/**
 * The session log's search box and CSV export (above the list), and the "Show older" / "Back to
 * newest" buttons (below it) that page archived entries in and out.
 */
import { Button, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { SessionLog, SessionLogEntry } from './sessionLog.ts';
import { sessionLogCsv } from './sessionLogExport.ts';

/** Every entry of the log, oldest first: the archive, then the live ones. */
function* everyEntry(log: SessionLog): Generator<SessionLogEntry> {
  yield* log.archive.oldestFirst();
  for (let i = log.entries.length - 1; i >= 0; i--) yield log.entries[i]!;
}

/** "scan", "stock/move": the page the log belongs to (one log per page visit). */
function workflowName(pathname: string): string {
  return pathname.replace(/^\/+|\/+$/g, '') || 'scan';
}

function download(csv: string, name: string): void {
  // The byte-order mark makes spreadsheets read the file as UTF-8 (names, ␝ symbols).
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Memoised, and given the log only as a function read at export time: the log changes with every
 * scan, the toolbar (a search field and a button) only when the log empties or fills.
 */
export const SessionLogToolbar = memo(function SessionLogToolbar({
  empty,
  currentLog,
  query,
  onQuery,
}: {
  /** No entry at all, live or archived (the toolbar hides unless a search is typed). */
  empty: boolean;
  /** The log as it is when the export is asked for. */
  currentLog(): SessionLog;
  query: string;
  onQuery(query: string): void;
}) {
  const { t } = useTranslation('ui');
  const { pathname } = useLocation();
  if (empty && query === '') return null;
  const exportCsv = () => {
    const workflow = workflowName(pathname);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    download(
      sessionLogCsv(everyEntry(currentLog()), workflow),
      `session-log-${workflow.replace(/\//g, '-')}-${stamp}.csv`,
    );
  };
  return (
    // The search box takes its own row where it and the button would not both fit (a phone, in German).
    <Group gap="xs" mb="xs" wrap="wrap" align="flex-end">
      <TextInput
        size="xs"
        style={{ flex: '1 1 14rem', minWidth: 0 }}
        aria-label={t('sessionLog.search.label')}
        placeholder={t('sessionLog.search.placeholder')}
        leftSection={<IconSearch size={14} aria-hidden />}
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          // A gun scan lands on the page, not here; Escape empties the box.
          if (e.key === 'Escape') onQuery('');
        }}
        rightSection={
          query ? (
            <CloseButton size="sm" aria-label={t('sessionLog.search.clear')} onClick={() => onQuery('')} />
          ) : undefined
        }
        data-testid="session-log-search"
      />
      <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} onClick={exportCsv}>
        {t('sessionLog.exportCsv')}
      </Button>
    </Group>
  );
});

export function SessionLogPager({
  more,
  older,
  searching,
  shown,
  onPages,
}: {
  more: boolean;
  older: number;
  searching: boolean;
  shown: number;
  onPages(change: (pages: number) => number): void;
}) {
  const { t } = useTranslation('ui');
  if (searching && shown === 0)
    return (
      <Text size="xs" c="dimmed" mt="xs" data-testid="session-log-no-match">
        {t('sessionLog.search.noMatch')}
      </Text>
    );
  if (!more && older === 0) return null;
  return (
    <Group gap="xs" mt="xs">
      {more && (
        <Button size="compact-xs" variant="subtle" onClick={() => onPages((p) => p + 1)}>
          {searching ? t('sessionLog.search.moreMatches') : t('sessionLog.showOlder')}
        </Button>
      )}
      {older > 0 && !searching && (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onPages(() => 0)}>
          {t('sessionLog.newest')}
        </Button>
      )}
    </Group>
  );
}
