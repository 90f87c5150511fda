/**
 * Older session-log entries, out of the live list (and out of the DOM) but still reachable: a
 * compact ring buffer, oldest dropped past its capacity, so a whole shift costs a bounded few MB.
 * Entries are kept as flat tuples (no per-entry object with its field names); ids only grow, so an
 * entry is found by binary search. It is mutable and owned by one log (useSessionLog writes it).
 */
import type { ScanSource } from '../scanner/scanEvent.ts';
import type { SessionLogEntry, SessionLogTone } from './sessionLog.ts';

/** A long shift at a busy bench: 8 hours at one scan every 2 s is 14,400. */
export const DEFAULT_ARCHIVE_CAPACITY = 20_000;

// [id, at, text, source, format, tone, result, fields the compact form does not name (link, queue id, …)]
type Packed = [number, number, string, ScanSource, string | null, SessionLogTone, string, Record<string, unknown>?];

function pack(e: SessionLogEntry): Packed {
  const { id, at, text, source, format, tone, result, ...rest } = e;
  return Object.keys(rest).length > 0
    ? [id, at, text, source, format, tone, result, rest]
    : [id, at, text, source, format, tone, result];
}

function unpack(p: Packed): SessionLogEntry {
  const [id, at, text, source, format, tone, result, rest] = p;
  return { ...(rest as Partial<SessionLogEntry>), id, at, text, source, format, tone, result };
}

export type ToneCounts = Record<SessionLogTone, number>;

export function emptyCounts(): ToneCounts {
  return { pending: 0, queued: 0, sending: 0, success: 0, notFound: 0, repeat: 0, error: 0, info: 0 };
}

export class SessionLogArchive {
  private readonly slots: (Packed | null)[] = [];
  /** Index in `slots` of the oldest entry once the ring is full. */
  private start = 0;
  private removed = 0;
  /** Outcomes of entries dropped past the capacity: still part of the shift's summary. */
  private readonly droppedCounts = emptyCounts();
  private readonly counts = emptyCounts();

  constructor(readonly capacity = DEFAULT_ARCHIVE_CAPACITY) {}

  /** Entries held (removed ones excluded). */
  get size(): number {
    return this.slots.length - this.removed;
  }

  /** Entries dropped past the capacity. */
  dropped = 0;

  /** Add the newest archived entry (older than every live one, newer than every archived one). */
  push(entry: SessionLogEntry): void {
    const packed = pack(entry);
    this.counts[entry.tone] += 1;
    if (this.slots.length < this.capacity) {
      this.slots.push(packed);
      return;
    }
    const old = this.slots[this.start];
    if (old) {
      this.counts[old[5]] -= 1;
      this.droppedCounts[old[5]] += 1;
      this.dropped += 1;
    } else this.removed -= 1;
    this.slots[this.start] = packed;
    this.start = (this.start + 1) % this.capacity;
  }

  /** Slot index of the i-th oldest entry. */
  private at(i: number): number {
    return (this.start + i) % this.slots.length;
  }

  private find(id: number): number | null {
    let lo = 0;
    let hi = this.slots.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      // A removed slot keeps no id: look at its neighbours for the order.
      let probe = mid;
      while (probe <= hi && this.slots[this.at(probe)] === null) probe += 1;
      const p = probe <= hi ? this.slots[this.at(probe)] : null;
      if (!p) {
        hi = mid - 1;
        continue;
      }
      if (p[0] === id) return this.at(probe);
      if (p[0] < id) lo = probe + 1;
      else hi = mid - 1;
    }
    return null;
  }

  get(id: number): SessionLogEntry | undefined {
    const i = this.find(id);
    const p = i === null ? null : this.slots[i];
    return p ? unpack(p) : undefined;
  }

  /** Replace an archived entry (a late answer, a new label). False when it is not here. */
  update(id: number, change: (entry: SessionLogEntry) => SessionLogEntry): boolean {
    const i = this.find(id);
    const p = i === null ? null : this.slots[i];
    if (i === null || !p) return false;
    const next = change(unpack(p));
    this.counts[p[5]] -= 1;
    this.counts[next.tone] += 1;
    this.slots[i] = pack(next);
    return true;
  }

  remove(id: number): boolean {
    const i = this.find(id);
    const p = i === null ? null : this.slots[i];
    if (i === null || !p) return false;
    this.counts[p[5]] -= 1;
    this.slots[i] = null;
    this.removed += 1;
    return true;
  }

  clear(): void {
    this.slots.length = 0;
    this.start = 0;
    this.removed = 0;
    this.dropped = 0;
    for (const k of Object.keys(this.counts) as SessionLogTone[]) {
      this.counts[k] = 0;
      this.droppedCounts[k] = 0;
    }
  }

  /** Outcomes of every entry that passed through here (dropped ones included). */
  countByTone(): ToneCounts {
    const out = emptyCounts();
    for (const k of Object.keys(out) as SessionLogTone[]) out[k] = this.counts[k] + this.droppedCounts[k];
    return out;
  }

  /**
   * Newest first: up to `limit` entries after skipping `offset` of those that pass `match`.
   * Returns also whether more remain, for a "show older" button.
   */
  page(
    offset: number,
    limit: number,
    match: (e: SessionLogEntry) => boolean = () => true,
  ): { entries: SessionLogEntry[]; more: boolean } {
    const entries: SessionLogEntry[] = [];
    let skipped = 0;
    for (let i = this.slots.length - 1; i >= 0; i--) {
      const p = this.slots[this.at(i)];
      if (!p) continue;
      const e = unpack(p);
      if (!match(e)) continue;
      if (skipped < offset) {
        skipped += 1;
        continue;
      }
      if (entries.length === limit) return { entries, more: true };
      entries.push(e);
    }
    return { entries, more: false };
  }

  /** Every entry, oldest first (the CSV export). */
  *oldestFirst(): Generator<SessionLogEntry> {
    for (let i = 0; i < this.slots.length; i++) {
      const p = this.slots[this.at(i)];
      if (p) yield unpack(p);
    }
  }
}
