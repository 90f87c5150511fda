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

export { gun } from './gun.ts';

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
