/**
 * React binding of the session log. The log lives in a ref as well as in state so `add` can
 * return the new entry's id synchronously (the answer that arrives later resolves that id).
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
  resolve(id: number, outcome: { tone: SessionLogTone; result: string; to?: string; queueId?: string }): void;
  /** Change only the result line of an entry (its tone and link stay). */
  relabel(id: number, result: string): void;
  /** Offer, update or (null) withdraw the line's undo action. */
  setAction(id: number, action: LogAction | null): void;
  remove(id: number): void;
  clear(): void;
  /** The entry as it is now (also one added in this same tick, before React renders it). */
  entry(id: number): SessionLogEntry | undefined;
}

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
      apply(added.log);
      if (initial?.tone) say(initial.tone, initial.result ?? '');
      return added.id;
    },
    [apply],
  );
  const resolve = useCallback(
    (id: number, outcome: { tone: SessionLogTone; result: string; to?: string; queueId?: string }) => {
      const next = resolveEntry(ref.current!, id, outcome);
      // Only for a scan still in the log (an answer for a cleared entry is old news).
      if (next !== ref.current) say(outcome.tone, outcome.result);
      apply(next);
    },
    [apply],
  );
  const relabel = useCallback(
    (id: number, result: string) => {
      const next = relabelEntry(ref.current!, id, result);
      // The better line (e.g. the found part's name) replaces the first answer for listeners too.
      const entry = next !== ref.current ? next.entries.find((e) => e.id === id) : undefined;
      if (entry) say(entry.tone, result);
      apply(next);
    },
    [apply],
  );
  const setLineAction = useCallback(
    (id: number, action: LogAction | null) => apply(setAction(ref.current!, id, action)),
    [apply],
  );
  const remove = useCallback((id: number) => apply(removeEntry(ref.current!, id)), [apply]);
  const clear = useCallback(() => apply(clearLog(ref.current!)), [apply]);
  const entry = useCallback((id: number) => ref.current!.entries.find((e) => e.id === id), []);

  return useMemo(
    () => ({ log, add, resolve, relabel, setAction: setLineAction, remove, clear, entry }),
    [log, add, resolve, relabel, setLineAction, remove, clear, entry],
  );
}
