/**
 * React binding of the session log. The log lives in a ref as well as in state so `add` can
 * return the new entry's id synchronously (the answer that arrives later resolves that id).
 * Entries pushed out of the live list go to the log's archive (bounded); a late answer, a new
 * label or a removal for an archived entry is applied there, and `archiveVersion` moves on.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ScanEvent } from '../scanner/scanEvent.ts';
import {
  addScan,
  clearLog,
  createSessionLog,
  relabelEntry,
  removeEntry,
  resolveEntry,
  setAction,
  type LogAction,
  withOutcome,
  type LogOutcome,
  type SessionLog,
  type SessionLogEntry,
  type SessionLogTone,
} from './sessionLog.ts';
import { announce, announcementFor } from './liveAnnouncer.ts';

/** Tell screen readers (through the layout's one live region) what came of a scan. */
function say(tone: SessionLogTone, result: string): void {
  const message = announcementFor(tone, result);
  if (message) announce(message, tone);
}

export interface SessionLogControls {
  log: SessionLog;
  add(scan: ScanEvent, initial?: { tone?: SessionLogTone; result?: string }): number;
  resolve(id: number, outcome: LogOutcome): void;
  /** Change only the result line of an entry (its tone and link stay). */
  relabel(id: number, result: string): void;
  /** Offer, update or (null) withdraw the line's undo action. */
  setAction(id: number, action: LogAction | null): void;
  remove(id: number): void;
  clear(): void;
  /** The entry as it is now (also one added in this same tick, before React renders it). */
  entry(id: number): SessionLogEntry | undefined;
}

/** The log with its archive marked as changed (the archive itself was changed in place). */
const archiveChanged = (log: SessionLog): SessionLog => ({ ...log, archiveVersion: log.archiveVersion + 1 });

export function useSessionLog(limit?: number): SessionLogControls {
  const ref = useRef<SessionLog | null>(null);
  if (ref.current === null) ref.current = createSessionLog(limit);
  const [log, setLog] = useState<SessionLog>(ref.current);

  const apply = useCallback((next: SessionLog) => {
    ref.current = next;
    setLog(next);
  }, []);

  const add = useCallback(
    (scan: ScanEvent, initial?: { tone?: SessionLogTone; result?: string }) => {
      const added = addScan(ref.current!, scan, initial);
      // Oldest last: the archive takes them oldest first.
      for (let i = added.evicted.length - 1; i >= 0; i--) added.log.archive.push(added.evicted[i]!);
      apply(added.evicted.length ? archiveChanged(added.log) : added.log);
      if (initial?.tone) say(initial.tone, initial.result ?? '');
      return added.id;
    },
    [apply],
  );
  const resolve = useCallback(
    (id: number, outcome: LogOutcome) => {
      const current = ref.current!;
      let next = resolveEntry(current, id, outcome);
      if (next === current && current.archive.update(id, (e) => withOutcome(e, outcome)))
        next = archiveChanged(current);
      // Only for a scan still in the log (an answer for a cleared entry is old news).
      if (next !== current) say(outcome.tone, outcome.result);
      apply(next);
    },
    [apply],
  );
  const relabel = useCallback(
    (id: number, result: string) => {
      const current = ref.current!;
      let next = relabelEntry(current, id, result);
      let entry = next !== current ? next.entries.find((e) => e.id === id) : undefined;
      const archived = next === current ? current.archive.get(id) : undefined;
      if (archived && archived.result !== result && current.archive.update(id, (e) => ({ ...e, result }))) {
        next = archiveChanged(current);
        entry = { ...archived, result };
      }
      // The better line (e.g. the found part's name) replaces the first answer for listeners too.
      if (entry) say(entry.tone, result);
      apply(next);
    },
    [apply],
  );
  const setLineAction = useCallback(
    (id: number, action: LogAction | null) => apply(setAction(ref.current!, id, action)),
    [apply],
  );
  const remove = useCallback(
    (id: number) => {
      const current = ref.current!;
      const next = removeEntry(current, id);
      apply(next === current && current.archive.remove(id) ? archiveChanged(current) : next);
    },
    [apply],
  );
  const clear = useCallback(() => {
    const current = ref.current!;
    current.archive.clear();
    apply(archiveChanged(clearLog(current)));
  }, [apply]);
  const entry = useCallback(
    (id: number) => ref.current!.entries.find((e) => e.id === id) ?? ref.current!.archive.get(id),
    [],
  );

  return useMemo(
    () => ({ log, add, resolve, relabel, setAction: setLineAction, remove, clear, entry }),
    [log, add, resolve, relabel, setLineAction, remove, clear, entry],
  );
}
