import type { ScanSource } from './scanEvent.ts';

/**
 * What to do with a scan whose text was seen moments ago:
 * - 'accept': a new scan;
 * - 'suppress': the camera still sees the same label; drop it silently;
 * - 'repeat': the gun scanned the same code again, right after itself, within the window (a double
 *   trigger); not a new scan, but worth a distinct "already seen" signal. Typed (manual) entries are
 *   always accepted.
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
 * The same text within a short window is one scan, but the gun and the camera differ:
 * - the camera's window is per text and slides with every sighting (a label held in view for ten
 *   seconds is one scan; a label still half in view while another is read is not read again);
 * - a gun repeat is the same code twice IN A ROW: anything accepted in between (a location, another
 *   label) makes the next scan of it deliberate. Counted from the last accepted scan, so scanning
 *   the same item every few seconds still registers each time.
 * `at` is the caller's clock (ScanEvent.at); this class never reads the time itself.
 */
export class DuplicateWindow {
  private readonly seen = new Map<string, Seen>();
  /** Text of the last accepted scan, whatever its source: what "in a row" is measured against. */
  private lastAcceptedText: string | null = null;

  constructor(public windowMs: number = DEFAULT_DUPLICATE_WINDOW_MS) {}

  check(text: string, source: ScanSource, at: number): DuplicateVerdict {
    this.prune(at);
    const prev = this.seen.get(text);
    const win = this.windowMs;
    // Typing a code and pressing Enter is never an accident (the window is for a camera still
    // seeing a label and a gun's double trigger): typed text always counts, e.g. the same label
    // again after the quantity was changed.
    if (win <= 0 || !prev || source === 'manual') return this.accept(text, at);
    if (source === 'camera') {
      // The camera cannot tell a label brought back on purpose from one that never left the view
      // (two labels side by side are read in turns): per text, whatever was read in between.
      const recent = at - prev.lastSeen <= win;
      prev.lastSeen = at;
      if (recent) return 'suppress';
      return this.accept(text, at);
    }
    prev.lastSeen = at;
    // A gun fires only when its trigger is pulled at a label: the same code again right after
    // itself is a double trigger; after another code in between it is a deliberate re-scan.
    const doubleTrigger = this.lastAcceptedText === text && at - prev.lastAccepted <= win;
    if (doubleTrigger) return 'repeat';
    return this.accept(text, at);
  }

  /** Forget everything (e.g. the user cleared the session). */
  clear(): void {
    this.seen.clear();
    this.lastAcceptedText = null;
  }

  private accept(text: string, at: number): 'accept' {
    this.seen.set(text, { lastSeen: at, lastAccepted: at });
    this.lastAcceptedText = text;
    return 'accept';
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
