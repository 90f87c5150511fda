import type { ScanSource } from './scanEvent.ts';

/**
 * What to do with a scan whose text was seen moments ago:
 * - 'accept': a new scan;
 * - 'suppress': the camera still sees the same label; drop it silently;
 * - 'repeat': the gun scanned the same code again within the window; not a new scan, but worth a
 *   distinct "already seen" signal. Typed (manual) entries are always accepted.
 */
export type DuplicateVerdict = 'accept' | 'repeat' | 'suppress';

export const DEFAULT_DUPLICATE_WINDOW_MS = 2000;

interface Seen {
  /** Last time any input produced this text. */
  lastSeen: number;
  /** Last time it was accepted as a scan. */
  lastAccepted: number;
}

/**
 * The same text within a short window is one scan. The camera's window slides with every sighting
 * (a label held in view for ten seconds is one scan); a deliberate scan counts from the last
 * accepted one, so scanning the same item every few seconds still registers each time.
 * Tracked per text, so two labels in view at once do not take turns being "new".
 */
export class DuplicateWindow {
  private readonly seen = new Map<string, Seen>();

  constructor(public windowMs: number = DEFAULT_DUPLICATE_WINDOW_MS) {}

  check(text: string, source: ScanSource, at: number): DuplicateVerdict {
    this.prune(at);
    const prev = this.seen.get(text);
    const win = this.windowMs;
    // Typing a code and pressing Enter is never an accident (the window is for a camera still
    // seeing a label and a gun's double trigger): typed text always counts, e.g. the same label
    // again after the quantity was changed.
    if (win <= 0 || !prev || source === 'manual') {
      this.seen.set(text, { lastSeen: at, lastAccepted: at });
      return 'accept';
    }
    if (source === 'camera') {
      const recent = at - prev.lastSeen <= win;
      prev.lastSeen = at;
      if (recent) return 'suppress';
      prev.lastAccepted = at;
      return 'accept';
    }
    const recent = at - prev.lastAccepted <= win;
    prev.lastSeen = at;
    if (recent) return 'repeat';
    prev.lastAccepted = at;
    return 'accept';
  }

  /** Forget everything (e.g. the user cleared the session). */
  clear(): void {
    this.seen.clear();
  }

  /** Drop entries that can no longer matter, so a long shift does not grow the map. */
  private prune(now: number): void {
    const win = Math.max(0, this.windowMs);
    for (const [text, s] of this.seen) {
      if (now - s.lastSeen > win && now - s.lastAccepted > win) this.seen.delete(text);
    }
  }

  /** Texts currently remembered (for tests and the health page). */
  get size(): number {
    return this.seen.size;
  }
}
