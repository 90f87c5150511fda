/**
 * The session-log lines of scans not yet answered, oldest first. The machine answers scans in scan
 * order (the queue), so the oldest line is the one an answer resolves. Pure; the frame keeps one.
 */
import type { ScanEvent } from '../../scanner/scanEvent.ts';

export interface PendingScan {
  scan: ScanEvent;
  /** Session-log entry id. */
  logId: number;
}

export class PendingScans {
  private items: PendingScan[] = [];

  push(item: PendingScan): void {
    this.items.push(item);
  }

  /** The oldest scan still waiting for its answer, taken off the list. */
  take(): PendingScan | undefined {
    return this.items.shift();
  }

  peek(): PendingScan | undefined {
    return this.items[0];
  }

  /** Every waiting scan, taken off the list (e.g. dropped when the context changed). */
  takeAll(): PendingScan[] {
    return this.items.splice(0);
  }

  get size(): number {
    return this.items.length;
  }
}
