/**
 * The session log as plain data: every scan of this session, newest first, with what came of it.
 * Pure functions (no React) so every workflow can keep one and tests can drive it directly.
 */
import { i18n } from '../i18n/i18n.ts';
import type { ScanEvent, ScanSource } from '../scanner/scanEvent.ts';
import { SessionLogArchive, type ToneCounts } from './sessionLogArchive.ts';

/**
 * How a scan ended, as the log shows it. `pending` while the server is asked; `repeat` when the
 * duplicate window swallowed it; `queued`/`sending` while it waits in the offline queue; workflows
 * map their own outcomes onto these tones.
 */
export type SessionLogTone = 'pending' | 'queued' | 'sending' | 'success' | 'notFound' | 'repeat' | 'error' | 'info';

/**
 * An undo or correction a log line offers (unlink, delete allocation, move back, correct quantity).
 * The row says `confirm` before anything is sent; once `done` it shows `note` ("Undone: …") instead.
 */
export interface LogAction {
  /** The button: "Unlink", "Delete allocation", "Move back", "Correct quantity". */
  label: string;
  /** What will happen, in a sentence, shown in the confirm step. */
  confirm: string;
  /** The workflow's own key for what to undo (opaque to the log). */
  ref: string;
  /** A correction asks a number in the confirm step: its label and first value. */
  ask?: { label: string; value: number };
  status: 'offered' | 'sending' | 'done' | 'failed';
  /** done: what was undone ("Undone: …"); failed: why not (the action is offered again). */
  note?: string;
}

export interface SessionLogEntry {
  /** Unique within the log; stable across updates so a late answer finds its entry. */
  id: number;
  text: string;
  source: ScanSource;
  format: string | null;
  /** Epoch ms of the scan itself (not of the answer). */
  at: number;
  tone: SessionLogTone;
  /** One short line for the user, e.g. "Stock item R_1K_0805_1% × 1000" or "No match". */
  result: string;
  /** An in-app route to open the result (e.g. `/link?barcode=...`), when there is one. */
  to?: string;
  /** The offline-queue action behind this entry: a failed one offers retry and discard. */
  queueId?: string;
  /** What this line's write can be undone or corrected with, if InvenTree allows it. */
  action?: LogAction;
}

export interface SessionLog {
  /** The newest entries (at most `limit`), newest first: what the page shows without asking. */
  entries: SessionLogEntry[];
  nextId: number;
  /** Entries past this many move to `archive`, so a long shift keeps memory and the DOM bounded. */
  limit: number;
  /**
   * Older entries, compact and bounded (useSessionLog moves the evicted ones there); the same
   * object for the log's whole life, so `archiveVersion` tells a renderer it changed.
   */
  archive: SessionLogArchive;
  archiveVersion: number;
}

/** Live entries: the page's list shows these (tests count up to 50 lines of a burst in one view). */
export const DEFAULT_LOG_LIMIT = 50;

export function createSessionLog(limit = DEFAULT_LOG_LIMIT, archive = new SessionLogArchive()): SessionLog {
  return { entries: [], nextId: 1, limit: Math.max(1, Math.floor(limit)), archive, archiveVersion: 0 };
}

export interface AddedEntry {
  log: SessionLog;
  id: number;
  /** Entries pushed out of the live list (oldest last), for the archive. */
  evicted: SessionLogEntry[];
}

export type LogOutcome = { tone: SessionLogTone; result: string; to?: string; queueId?: string };

/** An entry with a (new) outcome: the link follows the outcome, the queue id stays once set. */
export function withOutcome(e: SessionLogEntry, outcome: LogOutcome): SessionLogEntry {
  const next: SessionLogEntry = { ...e, tone: outcome.tone, result: outcome.result };
  if (outcome.to !== undefined) next.to = outcome.to;
  else delete next.to;
  if (outcome.queueId !== undefined) next.queueId = outcome.queueId;
  return next;
}

/** Record a scan at the top of the log; it starts `pending` unless a tone is given. */
export function addScan(
  log: SessionLog,
  scan: ScanEvent,
  initial: { tone?: SessionLogTone; result?: string } = {},
): AddedEntry {
  const id = log.nextId;
  const entry: SessionLogEntry = {
    id,
    text: scan.text,
    source: scan.source,
    format: scan.format,
    at: scan.at,
    tone: initial.tone ?? 'pending',
    result: initial.result ?? i18n.t('ui:sessionLog.lookingUp'),
  };
  const all = [entry, ...log.entries];
  const evicted = all.slice(log.limit);
  return { log: { ...log, entries: evicted.length ? all.slice(0, log.limit) : all, nextId: id + 1 }, id, evicted };
}

/** Set what came of a scan. Unknown ids (removed or cleared meanwhile) leave the log unchanged. */
export function resolveEntry(log: SessionLog, id: number, outcome: LogOutcome): SessionLog {
  let found = false;
  const entries = log.entries.map((e) => {
    if (e.id !== id) return e;
    found = true;
    return withOutcome(e, outcome);
  });
  return found ? { ...log, entries } : log;
}

/** Replace an entry's result line only (e.g. once the found object's name is known). */
export function relabelEntry(log: SessionLog, id: number, result: string): SessionLog {
  const entry = log.entries.find((e) => e.id === id);
  if (!entry || entry.result === result) return log;
  return { ...log, entries: log.entries.map((e) => (e.id === id ? { ...e, result } : e)) };
}

/** Offer, update or (null) withdraw a line's undo action. Unknown ids leave the log unchanged. */
export function setAction(log: SessionLog, id: number, action: LogAction | null): SessionLog {
  if (!log.entries.some((e) => e.id === id)) return log;
  const entries = log.entries.map((e) => {
    if (e.id !== id) return e;
    const next: SessionLogEntry = { ...e };
    if (action) next.action = action;
    else delete next.action;
    return next;
  });
  return { ...log, entries };
}

export function removeEntry(log: SessionLog, id: number): SessionLog {
  const entries = log.entries.filter((e) => e.id !== id);
  return entries.length === log.entries.length ? log : { ...log, entries };
}

/** Empty the log; ids keep counting so answers for cleared scans cannot land on new entries. */
export function clearLog(log: SessionLog): SessionLog {
  return { ...log, entries: [] };
}

/** Counts per tone of the whole log (archived entries included), for its summary line. */
export function countByTone(log: SessionLog): ToneCounts {
  const counts = log.archive.countByTone();
  for (const e of log.entries) counts[e.tone] += 1;
  return counts;
}

/** Every entry, archived ones included. */
export function totalEntries(log: SessionLog): number {
  return log.entries.length + log.archive.size + log.archive.dropped;
}
