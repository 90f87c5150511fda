/**
 * Which session-log entries the page shows: the live ones (the newest), plus pages of older ones
 * from the archive when asked ("Show older"), or the matches of a search across both. The DOM
 * holds only what is shown, so it stays flat however long the shift unless someone pages back.
 */
import { useMemo } from 'react';
import type { SessionLog, SessionLogEntry } from './sessionLog.ts';
import { matchesQuery } from './sessionLogExport.ts';

/** Older entries paged in per "Show older". */
export const OLDER_PAGE = 50;

export interface LogWindow {
  entries: SessionLogEntry[];
  /** More older entries (or matches) than shown. */
  more: boolean;
  /** Entries shown from the archive. */
  older: number;
}

export function logWindow(log: Pick<SessionLog, 'entries' | 'archive'>, query: string, pages: number): LogWindow {
  const searching = query.trim() !== '';
  const match = (e: SessionLogEntry) => matchesQuery(e, query);
  const live = searching ? log.entries.filter(match) : log.entries;
  if (pages <= 0 && !searching) return { entries: live, more: log.archive.size > 0, older: 0 };
  // A search looks through the archive at once (its first page); paging goes on from there.
  const want = (pages + (searching ? 1 : 0)) * OLDER_PAGE;
  const older = log.archive.page(0, want, searching ? match : undefined);
  return { entries: [...live, ...older.entries], more: older.more, older: older.entries.length };
}

export function useLogWindow(log: SessionLog, query: string, pages: number): LogWindow {
  const { entries, archive, archiveVersion } = log;
  return useMemo(() => {
    // The archive is changed in place: its version says when to look again.
    void archiveVersion;
    return logWindow({ entries, archive }, query, pages);
  }, [entries, archive, archiveVersion, query, pages]);
}
