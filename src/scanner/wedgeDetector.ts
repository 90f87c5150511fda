/**
 * Keyboard-wedge detection: a scanner gun "types" a barcode as key events a few milliseconds apart
 * and ends it with Enter or Tab; a person types far slower. Pure logic over key timing, so it is
 * unit-tested with realistic timestamps; the DOM binding lives in wedgeCapture.ts.
 */

export const GS = '\u001d';
export const RS = '\u001e';
export const EOT = '\u0004';

export interface WedgeOptions {
  /** Shortest barcode (characters before the terminator) accepted as a scan. */
  minLength: number;
  /**
   * Longest gap between two characters of one burst; a longer pause starts a new burst. Generous,
   * because one late key event (a busy page, a Bluetooth hiccup) must not cut the start off a code.
   */
  maxGapMs: number;
  /**
   * Longest mean gap of a burst that counts as a gun. Guns: 1–20 ms per character (Bluetooth ones
   * up to ~30); a person averages 80 ms and more even with fast roll-over pairs (50 ms mean over
   * four keys or more would be 240 words a minute). Headroom matters: on a busy page key events
   * arrive bunched and late.
   */
  meanGapMs: number;
  /** Longest gap before the terminator (some guns pause before sending Enter). */
  terminatorGapMs: number;
  /** Keys that end a scan. */
  terminators: readonly string[];
  /**
   * For guns configured without a terminator: a fast burst followed by this much silence is a
   * scan. null (default) requires Enter/Tab, so a person can never trigger a scan by accident.
   */
  idleEndMs: number | null;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
  minLength: 4,
  maxGapMs: 120,
  meanGapMs: 50,
  terminatorGapMs: 200,
  terminators: ['Enter', 'Tab'],
  idleEndMs: null,
};

/** The parts of a KeyboardEvent the detector needs (so tests need no DOM). */
export interface WedgeKey {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  /** Auto-repeat from a held key. */
  repeat?: boolean;
  /** IME composition in progress. */
  isComposing?: boolean;
  /** Event time in ms (KeyboardEvent.timeStamp). */
  time: number;
}

export type WedgeDecision =
  /** Not part of a scan; let the browser handle it. */
  | { kind: 'ignore' }
  /**
   * A character was added to the current burst. `burstStart`: it began a new burst (its gap
   * from the previous key was too long). `gunLike`: the burst has two or more characters at gun
   * speed so far (mean gap within meanGapMs), so its keys can be kept from the page.
   */
  | { kind: 'char'; char: string; burstStart: boolean; gunLike: boolean }
  /** A scan is complete; the terminator key (if any) should be swallowed. */
  | { kind: 'scan'; text: string; terminator: string | null };

const MODIFIER_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'Hyper',
  'Super',
]);

/**
 * The character a key event types, or null when it types none. Guns send GS/RS/EOT either as the
 * character itself in `key`, or as the classic terminal control combos: Ctrl+] (GS), Ctrl+^ (RS;
 * Ctrl+Shift+6 on US layouts), Ctrl+D (EOT); `code` covers layouts where `key` differs.
 */
export function keyToChar(k: WedgeKey): string | null {
  const { key } = k;
  if (k.ctrlKey && !k.altKey && !k.metaKey) {
    if (key === ']' || key === GS || k.code === 'BracketRight') return GS;
    if (key === '^' || key === RS || (k.code === 'Digit6' && (k.shiftKey || key === '6'))) return RS;
    if (key === 'd' || key === 'D' || key === EOT || k.code === 'KeyD') return EOT;
    if (key === '\\' || key === '\u001c' || k.code === 'Backslash') return '\u001c'; // FS
    if (key === '_' || key === '\u001f' || (k.code === 'Minus' && k.shiftKey)) return '\u001f'; // US
    return null;
  }
  if (k.metaKey) return null;
  // AltGr arrives as ctrl+alt on Windows but types a printable character; `key` holds it.
  if ([...key].length === 1) return key;
  return null;
}

interface Burst {
  chars: string[];
  /** Time of the first and last character. Every gap inside a burst is at most maxGapMs. */
  first: number;
  last: number;
}

export class WedgeDetector {
  readonly options: WedgeOptions;
  private burst: Burst | null = null;

  constructor(options: Partial<WedgeOptions> = {}) {
    this.options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
  }

  /** Feed one keydown. */
  key(k: WedgeKey): WedgeDecision {
    if (k.isComposing || k.repeat) {
      this.burst = null;
      return { kind: 'ignore' };
    }
    // Shift etc. arrive between a gun's characters (for capitals); they neither count nor break it.
    if (MODIFIER_KEYS.has(k.key)) return { kind: 'ignore' };

    if (this.options.terminators.includes(k.key) && !k.ctrlKey && !k.altKey && !k.metaKey) {
      const b = this.burst;
      this.burst = null;
      if (b && this.qualifies(b) && k.time - b.last <= this.options.terminatorGapMs) {
        return { kind: 'scan', text: b.chars.join(''), terminator: k.key };
      }
      return { kind: 'ignore' };
    }

    const ch = keyToChar(k);
    if (ch === null) {
      // Any other key (arrows, Backspace, a shortcut) ends whatever was being typed.
      this.burst = null;
      return { kind: 'ignore' };
    }

    const b = this.burst;
    if (b && k.time - b.last <= this.options.maxGapMs) {
      b.chars.push(ch);
      b.last = k.time;
      return { kind: 'char', char: ch, burstStart: false, gunLike: this.gunLike(b) };
    }
    // Too slow to continue: a (possibly) new burst starts with this character.
    this.burst = { chars: [ch], first: k.time, last: k.time };
    return { kind: 'char', char: ch, burstStart: true, gunLike: false };
  }

  /**
   * When the next timeout should be checked (ms, same clock as key times), or null.
   * Only relevant with idleEndMs; otherwise a stale burst is dropped by the next key's gap.
   */
  deadline(): number | null {
    if (!this.burst || this.options.idleEndMs === null) return null;
    return this.burst.last + this.options.idleEndMs;
  }

  /** Call at or after deadline(): ends a terminator-less scan when the gun has gone quiet. */
  timeout(now: number): WedgeDecision {
    const b = this.burst;
    const idle = this.options.idleEndMs;
    if (!b || idle === null || now - b.last < idle) return { kind: 'ignore' };
    this.burst = null;
    if (this.qualifies(b)) return { kind: 'scan', text: b.chars.join(''), terminator: null };
    return { kind: 'ignore' };
  }

  /** Forget the current burst (focus moved, page hidden). */
  reset(): void {
    this.burst = null;
  }

  /** Characters typed fast so far in the current burst (0 when none). */
  get pendingLength(): number {
    return this.burst?.chars.length ?? 0;
  }

  /** True while the burst so far has gun timing. */
  get receiving(): boolean {
    return this.burst !== null && this.gunLike(this.burst);
  }

  private gunLike(b: Burst): boolean {
    const gaps = b.chars.length - 1;
    return gaps >= 1 && (b.last - b.first) / gaps <= this.options.meanGapMs;
  }

  private qualifies(b: Burst): boolean {
    return b.chars.length >= this.options.minLength && this.gunLike(b);
  }
}
