/**
 * Keyboard shortcuts as pure logic over key events, so the rules are unit-tested with timestamps:
 * "g" then a letter opens a page, "/" focuses the barcode field, "?" shows the list.
 *
 * They must never fire while the user types in a field, and never from a scanner gun, which
 * "types" a barcode as keys a few milliseconds apart (a code like "gs12" would otherwise open
 * /scan). So a shortcut is only a candidate when its last key arrives; it fires after a short quiet
 * spell with no other key. A gun's next key (or its Enter/Tab) always arrives within that spell and
 * cancels it. Keys a gun capture has already claimed (defaultPrevented) are never looked at.
 */

export interface ShortcutKey {
  key: string;
  /** KeyboardEvent.timeStamp, ms. */
  time: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  /** The key went to a text field, select or contenteditable: it is typing, not a command. */
  editable?: boolean;
  /** Another handler (the scanner-gun capture) already took this key. */
  defaultPrevented?: boolean;
}

export interface Shortcut<A> {
  /** e.g. ['g', 's'] or ['/']. */
  keys: string[];
  action: A;
}

export interface ShortcutOptions {
  /** Longest wait between "g" and its letter. */
  sequenceMs: number;
  /** Quiet spell after the last key before the shortcut fires. */
  quietMs: number;
  /** Keys closer together than this are a machine (gun), never a person pressing a shortcut. */
  burstGapMs: number;
}

export const DEFAULT_SHORTCUT_OPTIONS: ShortcutOptions = { sequenceMs: 1500, quietMs: 120, burstGapMs: 25 };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Fn']);

export type ShortcutDecision<A> =
  | { kind: 'none' }
  /** A prefix ("g") was pressed; the next key completes or abandons it. */
  | { kind: 'prefix' }
  /** Call confirm(at) once `at` has passed: it returns the action if no key came meanwhile. */
  | { kind: 'candidate'; action: A; at: number };

export class ShortcutMatcher<A> {
  readonly options: ShortcutOptions;
  private pressed: string[] = [];
  private lastTime = -Infinity;
  private candidate: { action: A; at: number } | null = null;

  constructor(
    private readonly shortcuts: Shortcut<A>[],
    options: Partial<ShortcutOptions> = {},
  ) {
    this.options = { ...DEFAULT_SHORTCUT_OPTIONS, ...options };
  }

  key(k: ShortcutKey): ShortcutDecision<A> {
    if (MODIFIERS.has(k.key)) return { kind: 'none' };
    const gap = k.time - this.lastTime;
    this.lastTime = k.time;
    // Any key while a shortcut waits for quiet means a burst: drop it.
    this.candidate = null;
    if (k.editable || k.defaultPrevented || k.ctrlKey || k.altKey || k.metaKey || k.repeat || k.isComposing) {
      this.pressed = [];
      return { kind: 'none' };
    }
    const fast = gap < this.options.burstGapMs;
    const continues = this.pressed.length > 0 && gap <= this.options.sequenceMs && !fast;
    const seq = continues ? [...this.pressed, k.key] : [k.key];
    // A key hard on the heels of another (a gun) can neither start nor finish a shortcut.
    if (fast) {
      this.pressed = [];
      return { kind: 'none' };
    }
    const exact = this.shortcuts.find((s) => same(s.keys, seq));
    if (exact) {
      this.pressed = [];
      this.candidate = { action: exact.action, at: k.time + this.options.quietMs };
      return { kind: 'candidate', ...this.candidate };
    }
    if (this.shortcuts.some((s) => startsWith(s.keys, seq))) {
      this.pressed = seq;
      return { kind: 'prefix' };
    }
    // Not a shortcut; maybe this key alone starts one ("x" then "g" then "s").
    if (seq.length > 1 && this.shortcuts.some((s) => startsWith(s.keys, [k.key]))) {
      this.pressed = [k.key];
      return { kind: 'prefix' };
    }
    this.pressed = [];
    return { kind: 'none' };
  }

  /** The waiting shortcut's action if its quiet spell has passed undisturbed (then it is spent). */
  confirm(now: number): A | null {
    const c = this.candidate;
    if (!c || now < c.at) return null;
    this.candidate = null;
    return c.action;
  }

  reset(): void {
    this.pressed = [];
    this.candidate = null;
  }
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function startsWith(keys: string[], prefix: string[]): boolean {
  return prefix.length < keys.length && prefix.every((x, i) => keys[i] === x);
}
