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
  type SessionLog,
  type SessionLogTone,
} from './sessionLog.ts';

export interface SessionLogControls {
  log: SessionLog;
  add(scan: ScanEvent, initial?: { tone?: SessionLogTone; result?: string }): number;
  resolve(id: number, outcome: { tone: SessionLogTone; result: string; to?: string }): void;
  /** Change only the result line of an entry (its tone and link stay). */
  relabel(id: number, result: string): void;
  remove(id: number): void;
  clear(): void;
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
      return added.id;
    },
    [apply],
  );
  const resolve = useCallback(
    (id: number, outcome: { tone: SessionLogTone; result: string; to?: string }) =>
      apply(resolveEntry(ref.current!, id, outcome)),
    [apply],
  );
  const relabel = useCallback((id: number, result: string) => apply(relabelEntry(ref.current!, id, result)), [apply]);
  const remove = useCallback((id: number) => apply(removeEntry(ref.current!, id)), [apply]);
  const clear = useCallback(() => apply(clearLog(ref.current!)), [apply]);

  return useMemo(
    () => ({ log, add, resolve, relabel, remove, clear }),
    [log, add, resolve, relabel, remove, clear],
  );
}
