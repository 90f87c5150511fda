/**
 * Moving stock by scanning, demo mode, on the demo dataset (item 408: 145 × 1551ABK in Storage
 * Room B; item 173: 5000 × M2x4 SHCS). Scanner gun: a location label sets the destination, an item
 * label moves it whole, a typed quantity splits it, an item already there says so, "Move back" on
 * its log line moves it back, and a gun burst is moved in scan order. Every check reads the simulation's data. The
 * reader's 403 and exactly-once over HTTP are in stockExactlyOnce.spec.ts (server mode).
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, manualScan, shoot, waitForDemo } from './appHelpers.ts';
import { gun, gunAll } from './gun.ts';
import { sim } from './workflowHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 180_000 });

async function item(page: Page, pk: number): Promise<{ location: number; quantity: number } | null> {
  const r = await sim(page, 'GET', `/api/stock/${pk}/`);
  return r.status === 200 ? (r.body as { location: number; quantity: number }) : null;
}

test('location label, then item labels: whole move, split, already there, undo', async ({ page }, testInfo) => {
  await page.goto('/stock/move');
  await waitForDemo(page);
  const outcome = page.getByTestId('move-outcome');
  await shoot(page, testInfo, 'stock-move-start');

  await gun(page, 'INV-SI220');
  await expect(outcome).toContainText('Scan a location label first');

  await gun(page, '{"stocklocation": 14}');
  await expect(outcome).toContainText('Items you scan now move to Location 0/Location 1/Location 2.');
  await expect(page).toHaveURL(/location=14/);

  await gun(page, 'INV-SI408');
  await expect(outcome).toContainText('Moved 1551ABK (#408) from Storage Room B to Location 0/Location 1/Location 2.');
  await expect(page.getByTestId('move-row-408')).toHaveAttribute('data-status', 'moved');
  expect(await item(page, 408)).toMatchObject({ location: 14, quantity: 145 });

  // A partial move: the server splits 173 (5000) and the new item is not named in its answer.
  await page.getByTestId('move-quantity').fill('1000');
  await gun(page, '{"stockitem": 173}');
  await expect(outcome).toContainText(
    'Moved 1,000 of M2x4 SHCS (#173) from Storage Room B to Location 0/Location 1/Location 2.',
  );
  expect(await item(page, 173)).toMatchObject({ location: 3, quantity: 4000 });
  const at14 = (await sim(page, 'GET', '/api/stock/?location=14')).body as {
    pk: number;
    parent: number | null;
    quantity: number;
  }[];
  expect(at14.find((i) => i.parent === 173)).toMatchObject({ quantity: 1000 });
  // The same item again, typed by hand (manual entry).
  await manualScan(page, '{"stockitem": 408}');
  await expect(outcome).toContainText('is already in Location 0/Location 1/Location 2: nothing moved.');
  await shoot(page, testInfo, 'stock-move-after-split');
  // Each scan's log line says what came of that scan.
  const line = (text: string) => page.getByTestId('session-log-entry').filter({ hasText: text });
  await expect(line('INV-SI220')).toContainText('Scan a location label first');
  await expect(line('INV-SI408')).toContainText('Moved 1551ABK (#408) from Storage Room B');
  await expect(line('{"stockitem": 173}')).toContainText('Moved 1,000 of M2x4 SHCS (#173)');

  // Undo the whole move of 408 from its log line: the sentence first (nothing sent yet), then back to Storage Room B.
  await line('INV-SI408').getByTestId('log-action').click();
  await expect(page.getByTestId('undo-confirm-text')).toHaveText(
    'Moves 1551ABK (#408) from Location 0/Location 1/Location 2 back to Storage Room B.',
  );
  expect(await item(page, 408)).toMatchObject({ location: 14 });
  await page.getByTestId('undo-confirm').click();
  await expect(line('INV-SI408').getByTestId('log-undone')).toHaveText(
    'Undone: 1551ABK (#408) is back in Storage Room B.',
  );
  await expect(line('INV-SI408').getByTestId('log-action')).toHaveCount(0);
  await expect(outcome).toContainText('Moved 1551ABK (#408) back to Storage Room B.');
  await expect(page.getByTestId('move-row-408').first()).toHaveAttribute('data-status', 'undone');
  expect(await item(page, 408)).toMatchObject({ location: 3, quantity: 145 });
});

test('a gun burst is moved in scan order, once each', async ({ page }) => {
  await page.goto('/stock/move?location=14');
  await waitForDemo(page);
  const pks = [330, 231, 225, 1002, 995, 716, 717, 718];
  await gunAll(
    page,
    pks.map((pk) => `INV-SI${pk}`),
  );
  for (const pk of pks) await expect(page.getByTestId(`move-row-${pk}`)).toHaveAttribute('data-status', 'moved');
  const seen: number[] = [];
  for (const pk of pks) {
    expect(await item(page, pk)).toMatchObject({ location: 14 });
    const track = (await sim(page, 'GET', `/api/stock/track/?item=${pk}`)).body as { pk: number; notes: string }[];
    const mine = track.filter((t) => t.notes.startsWith('StockScan move '));
    expect(mine).toHaveLength(1);
    seen.push(mine[0]!.pk);
  }
  // Tracking entries are numbered in the order the server applied the moves: the scan order.
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
});
