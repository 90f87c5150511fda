/**
 * A USB/Bluetooth scanner gun as the page sees it: one keydown per character in one quick burst,
 * GS/RS/EOT as the Ctrl combos guns send (Ctrl+] / Ctrl+^ / Ctrl+D), capitals with Shift, then the
 * terminator. The keys are dispatched inside the page in one synchronous loop: page.keyboard's
 * round trips leave 20–600 ms between keys on a shared two-core machine, far slower than any gun,
 * and the wedge (rightly) takes that for a person typing. A real gun's key events carry the time
 * the OS saw them, so a busy page does not stretch its gaps either.
 */
import type { Page } from '@playwright/test';

const GS = '\u001d';
const RS = '\u001e';
const EOT = '\u0004';

interface Key {
  key: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
}

function keyFor(ch: string): Key {
  if (ch === GS) return { key: ']', code: 'BracketRight', ctrlKey: true, shiftKey: false };
  if (ch === RS) return { key: '^', code: 'Digit6', ctrlKey: true, shiftKey: true };
  if (ch === EOT) return { key: 'd', code: 'KeyD', ctrlKey: true, shiftKey: false };
  const upper = ch >= 'A' && ch <= 'Z';
  const code = /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : '';
  return { key: ch, code, ctrlKey: false, shiftKey: upper };
}

export interface GunOptions {
  /** Key that ends the scan (guns send Enter or Tab). */
  terminator?: 'Enter' | 'Tab';
  /** Leave the focused element focused (default: blur it, so the burst lands page-wide). */
  keepFocus?: boolean;
  /** gunAll: pause between scans, as between a gun's labels (default: one turn of the event loop). */
  gapMs?: number;
  /**
   * Scan a code again, at once, when the page did not take it as a scan (its terminator was not
   * claimed), as a picker does when a label does not beep; up to 5 tries. Default: send it once.
   */
  rescanUntaken?: boolean;
}

/** Send one scan as a gun would. */
export async function gun(page: Page, text: string, options: GunOptions = {}): Promise<void> {
  await gunAll(page, [text], options);
}

/**
 * Send several scans, one after another, in one call into the page: a burst of labels costs one
 * test action (with tracing on, every action snapshots the whole page, a growing log included).
 * The page gets a turn of its event loop between scans, as it would between real labels.
 * Returns, per code, whether the page took it as a scan: the page-wide gun capture claims the
 * terminator of a scan it recognised (preventDefault), synchronously, inside the dispatch.
 */
export async function gunAll(page: Page, texts: string[], options: GunOptions = {}): Promise<boolean[]> {
  const scans = texts.map((text) => [...text].map(keyFor));
  const end: Key = {
    key: options.terminator ?? 'Enter',
    code: options.terminator ?? 'Enter',
    ctrlKey: false,
    shiftKey: false,
  };
  return page.evaluate(
    async ({ scans, end, keepFocus, gapMs, rescanUntaken }) => {
      if (!keepFocus) (document.activeElement as HTMLElement | null)?.blur();
      const target = document.activeElement ?? document.body;
      // Guns hold Shift for capitals. It also takes any first-key work of the page (listeners set
      // up lazily) out of the burst: a synthetic event's time is when it is created, so a slow
      // first handler would stretch the gap, where a real gun's keys carry the time the OS saw them.
      const shift = {
        key: 'Shift',
        code: 'ShiftLeft',
        ctrlKey: false,
        shiftKey: true,
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      target.dispatchEvent(new KeyboardEvent('keydown', shift));
      target.dispatchEvent(new KeyboardEvent('keyup', shift));
      await new Promise((r) => setTimeout(r, 50));
      // A starved machine (CPU quota throttling) can stop the page for 100 ms and more between two
      // keys of one code; the event times would then show a gap no gun makes and the page would
      // rightly split the code or take it for typing. Such a code is not sent on: its keys so far
      // are left to lapse (no terminator, so never a scan) and it is typed again from the start.
      const STALL_MS = 60;
      const taken: boolean[] = [];
      for (const keys of scans) {
        let claimed = false;
        for (let attempt = 0; ; attempt++) {
          let previous: number | null = null;
          let stalled = false;
          for (const k of [...keys, end]) {
            const init = { ...k, bubbles: true, cancelable: true, composed: true };
            const down = new KeyboardEvent('keydown', init);
            if (previous !== null && down.timeStamp - previous > STALL_MS && attempt < 5) {
              stalled = true;
              break;
            }
            previous = down.timeStamp;
            // dispatchEvent is false when a handler called preventDefault: for the terminator,
            // the gun capture saying "this was a scan".
            const free = target.dispatchEvent(down);
            if (k === end) claimed = !free;
            target.dispatchEvent(new KeyboardEvent('keyup', init));
          }
          if (stalled) {
            // Let the partial code lapse (longer than the capture's gap limit) before retyping it.
            await new Promise((r) => setTimeout(r, 300));
            continue;
          }
          if (claimed || !rescanUntaken || attempt >= 5) break;
        }
        taken.push(claimed);
        await new Promise((r) => setTimeout(r, gapMs));
      }
      return taken;
    },
    {
      scans,
      end,
      keepFocus: options.keepFocus ?? false,
      gapMs: options.gapMs ?? 0,
      rescanUntaken: options.rescanUntaken ?? false,
    },
  );
}
