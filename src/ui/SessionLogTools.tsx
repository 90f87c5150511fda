/**
 * The session log's search box and CSV export (above the list), and the "Show older" / "Back to
 * newest" buttons (below it) that page archived entries in and out.
 */
import { Button, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { totalEntries, type SessionLog, type SessionLogEntry } from './sessionLog.ts';
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

export function SessionLogToolbar({
  log,
  query,
  onQuery,
}: {
  log: SessionLog;
  query: string;
  onQuery(query: string): void;
}) {
  const { pathname } = useLocation();
  if (totalEntries(log) === 0 && query === '') return null;
  const exportCsv = () => {
    const workflow = workflowName(pathname);
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    download(sessionLogCsv(everyEntry(log), workflow), `session-log-${workflow.replace(/\//g, '-')}-${stamp}.csv`);
  };
  return (
    <Group gap="xs" mb="xs" wrap="nowrap" align="flex-end">
      <TextInput
        size="xs"
        style={{ flex: 1, minWidth: 0 }}
        aria-label="Search the log"
        placeholder="Search: barcode, object or outcome"
        leftSection={<IconSearch size={14} aria-hidden />}
        value={query}
        onChange={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          // A gun scan lands on the page, not here; Escape empties the box.
          if (e.key === 'Escape') onQuery('');
        }}
        rightSection={
          query ? <CloseButton size="sm" aria-label="Clear the search" onClick={() => onQuery('')} /> : undefined
        }
        data-testid="session-log-search"
      />
      <Button size="xs" variant="light" leftSection={<IconDownload size={14} aria-hidden />} onClick={exportCsv}>
        Export CSV
      </Button>
    </Group>
  );
}

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
  if (searching && shown === 0)
    return (
      <Text size="xs" c="dimmed" mt="xs" data-testid="session-log-no-match">
        No scans match the search.
      </Text>
    );
  if (!more && older === 0) return null;
  return (
    <Group gap="xs" mt="xs">
      {more && (
        <Button size="compact-xs" variant="subtle" onClick={() => onPages((p) => p + 1)}>
          {searching ? 'More matches' : 'Show older scans'}
        </Button>
      )}
      {older > 0 && !searching && (
        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => onPages(() => 0)}>
          Back to the newest
        </Button>
      )}
    </Group>
  );
}
