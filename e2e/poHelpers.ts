/**
 * Helpers for the purchasing and history specs: supplier labels for the demo dataset's placed order
 * PO0001 (DigiKey), and a scanner gun that sends GS/RS/EOT the way real guns do on a keyboard
 * wedge: as Ctrl+] / Ctrl+^ / Ctrl+D key events.
 */
import { expect, type Page } from '@playwright/test';
import { sim } from './workflowHelpers.ts';

const GS = '\u001d';
const RS = '\u001e';
const EOT = '\u0004';

/** An ECIA (ISO/IEC 15434) DigiKey label: SKU in P, our order reference in K, quantity in Q. */
export function digikeyLabel(sku: string, order: string, qty: number): string {
  return `[)>${RS}06${GS}P${sku}${GS}1K7712345${GS}K${order}${GS}Q${qty}${GS}4LPH${RS}${EOT}`;
}

/** Demo PO0001 (placed, DigiKey): line 1 = YAG1343TR-ND × 1000, line 2 = CRT0603-BY-1003ELFTR-ND × 4000, line 3 = TNP2.20KDATR-ND × 50. */
export const LABEL_LINE1 = digikeyLabel('YAG1343TR-ND', 'PO0001', 100);
export const LABEL_LINE2 = digikeyLabel('CRT0603-BY-1003ELFTR-ND', 'PO0001', 250);
export const LABEL_LINE3 = digikeyLabel('TNP2.20KDATR-ND', 'PO0001', 5);
/** Demo location 7, "Electronics Lab", as InvenTree prints its barcode. */
export const LOCATION_7 = '{"stocklocation": 7}';

/** How a gun's keyboard wedge sends each character: GS/RS/EOT as Ctrl+] / Ctrl+^ / Ctrl+D. */
function keyFor(ch: string): { key: string; code: string; ctrlKey: boolean; shiftKey: boolean } {
  if (ch === GS) return { key: ']', code: 'BracketRight', ctrlKey: true, shiftKey: false };
  if (ch === RS) return { key: '^', code: 'Digit6', ctrlKey: true, shiftKey: true };
  if (ch === EOT) return { key: 'd', code: 'KeyD', ctrlKey: true, shiftKey: false };
  const upper = ch >= 'A' && ch <= 'Z';
  const code = /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : '';
  return { key: ch, code, ctrlKey: false, shiftKey: upper };
}

/**
 * Type like a USB scanner gun: one keydown per character in one quick burst, control
 * characters as their Ctrl combos, then Enter, with nothing focused (the wedge listens page-wide).
 * The keys are dispatched inside the page: on these shared two-core machines page.keyboard's
 * round trips leave 100–600 ms between keys, far slower than any gun, and the wedge (rightly)
 * takes that for a person typing.
 */
export async function gun(page: Page, text: string): Promise<void> {
  const keys = [...text].map(keyFor);
  await page.evaluate((keys) => {
    (document.activeElement as HTMLElement | null)?.blur();
    const target = document.body;
    const send = (k: { key: string; code: string; ctrlKey: boolean; shiftKey: boolean }) =>
      target.dispatchEvent(new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true, composed: true }));
    // Guns hold Shift for capitals; the wedge ignores a bare modifier. In these runs the first key
    // event after the page sat idle did not reach the burst, so the burst opens with Shift.
    send({ key: 'Shift', code: 'ShiftLeft', ctrlKey: false, shiftKey: true });
    // One synchronous loop: even a 1 ms timer can stall past the wedge's 40 ms gap under load.
    for (const k of keys) send(k);
    send({ key: 'Enter', code: 'Enter', ctrlKey: false, shiftKey: false });
  }, keys);
}

/** Type into the page's manual entry field and submit. */
export async function manual(page: Page, text: string): Promise<void> {
  const field = page.getByRole('textbox', { name: /barcode/i });
  await field.fill(text);
  await field.press('Enter');
}

export interface PoLine {
  pk: number;
  part: number;
  quantity: number;
  received: number;
}

/** The order's lines as the simulation holds them. */
export async function poLines(page: Page, order: number): Promise<PoLine[]> {
  const answer = await sim(page, 'GET', `/api/order/po-line/?order=${order}`);
  expect(answer.status).toBe(200);
  return answer.body as PoLine[];
}

export async function received(page: Page, order: number, line: number): Promise<number> {
  return (await poLines(page, order)).find((l) => l.pk === line)?.received ?? Number.NaN;
}

/** Demo mode is up and the user signed in (for pages without a scanner, like the history). */
export async function waitForSignedIn(page: Page, user = 'admin'): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId('connection-indicator')).toContainText(user, { timeout: 30_000 });
}
