/**
 * Undo from the session log's row, demo mode (issue #20): each action says what will happen before
 * anything is sent, then the simulation's data shows it undone. Shots of the row and the confirm step.
 */
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { gunStation, shoot, waitForDemo } from './appHelpers.ts';
import { gun } from './gun.ts';
import { sim } from './workflowHelpers.ts';
import { LABEL_LINE1, received } from './poHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 180_000 });

/** On a phone every control is a thumb's size (issue #20): at least 44 × 44 px. */
async function thumbSized(testInfo: TestInfo, controls: Locator[]): Promise<void> {
  if (testInfo.project.name !== 'phone') return;
  for (const control of controls) {
    const box = await control.boundingBox();
    expect(box, `${control} is on screen`).not.toBeNull();
    expect(Math.round(box!.width), `${control} width`).toBeGreaterThanOrEqual(44);
    expect(Math.round(box!.height), `${control} height`).toBeGreaterThanOrEqual(44);
  }
}

const finds = async (page: Page, barcode: string) => (await sim(page, 'POST', '/api/barcode/', { barcode })).status;

test('link, then Unlink from its log row: the confirm text first, then the barcode is gone', async ({
  page,
}, testInfo) => {
  await page.goto('/link?model=stockitem&pk=12');
  await waitForDemo(page);
  await gun(page, 'UNDO-REEL-0001');
  const row = page.getByTestId('session-log-entry').filter({ hasText: 'UNDO-REEL-0001' });
  await expect(row).toContainText('Linked to Stock item #12');
  expect(await finds(page, 'UNDO-REEL-0001')).toBe(200);
  await shoot(page, testInfo, 'undo-link-row');
  await thumbSized(testInfo, [row.getByTestId('log-action'), row.getByTestId('log-hide')]);

  await row.getByTestId('log-action').click();
  await expect(page.getByTestId('undo-confirm-text')).toContainText(
    'Removes the custom barcode UNDO-REEL-0001 from Stock item #12',
  );
  // Nothing is sent before the confirm.
  expect(await finds(page, 'UNDO-REEL-0001')).toBe(200);
  await shoot(page, testInfo, 'undo-link-confirm');
  const dialog = page.getByRole('dialog');
  await thumbSized(testInfo, [
    dialog.getByRole('button', { name: 'Cancel' }),
    page.getByTestId('undo-confirm'),
    dialog.locator('.mantine-Modal-close'),
  ]);
  await page.getByTestId('undo-confirm').click();
  await expect(row.getByTestId('log-undone')).toHaveText('Undone: Stock item #12 has no custom barcode now.');
  await expect(row.getByTestId('log-action')).toHaveCount(0);
  expect(await finds(page, 'UNDO-REEL-0001')).not.toBe(200);
});

test('allocate, then Delete allocation from its log row: the allocation is gone, the line back to 0', async ({
  page,
}, testInfo) => {
  // SO0002 with an open shipment made first, so the scan allocates at once.
  await page.goto('/sales/allocate');
  await waitForDemo(page);
  expect((await sim(page, 'POST', '/api/order/so/shipment/', { order: 2, reference: 'UNDO-1' })).status).toBe(201);
  await page.getByTestId('so-order').selectOption('2');
  await expect(page.getByTestId('so-line-2')).toContainText('Blue Chair');
  const allocations = async () =>
    (await sim(page, 'GET', '/api/order/so-allocation/?order=2')).body as {
      item: number;
      line: number;
      quantity: number;
    }[];

  // Stock item 231: 14 × Blue Chair, the part of line 2.
  await gun(page, '{"stockitem": 231}');
  const row = page.getByTestId('session-log-entry').filter({ hasText: '{"stockitem": 231}' });
  await expect(row).toContainText('Allocated 5 × Blue Chair');
  await expect(page.getByTestId('so-line-2-allocated')).toHaveText('5');
  expect((await allocations()).map((r) => [r.item, r.line, r.quantity])).toEqual([[231, 2, 5]]);
  await shoot(page, testInfo, 'undo-allocate-row');

  await row.getByTestId('log-action').click();
  await expect(page.getByTestId('undo-confirm-text')).toHaveText(
    'Deletes the allocation of 5 × Blue Chair (stock item #231) on line #2, shipment UNDO-1: the stock is free again and the line needs it allocated again. Nothing is moved or shipped.',
  );
  // Nothing is sent before the confirm.
  expect(await allocations()).toHaveLength(1);
  await shoot(page, testInfo, 'undo-allocate-confirm');
  await page.getByTestId('undo-confirm').click();
  await expect(row.getByTestId('log-undone')).toHaveText(
    'Undone: the allocation of 5 from stock item #231 is deleted.',
  );
  await expect(row.getByTestId('log-action')).toHaveCount(0);
  expect(await allocations()).toEqual([]);
  await expect(page.getByTestId('so-line-2-allocated')).toHaveText('0');
});

test('move, then Move back from its log row: the item is at its old location again', async ({ page }, testInfo) => {
  await page.goto('/stock/move?location=14');
  await waitForDemo(page);
  const location = async () => ((await sim(page, 'GET', '/api/stock/408/')).body as { location: number }).location;
  // Item 408: 145 × 1551ABK in Storage Room B (location 3).
  await gun(page, 'INV-SI408');
  const row = page.getByTestId('session-log-entry').filter({ hasText: 'INV-SI408' });
  await expect(row).toContainText('Moved 1551ABK (#408) from Storage Room B');
  expect(await location()).toBe(14);
  await shoot(page, testInfo, 'undo-move-row');

  await row.getByTestId('log-action').click();
  await expect(page.getByTestId('undo-confirm-text')).toHaveText(
    'Moves 1551ABK (#408) from Location 0/Location 1/Location 2 back to Storage Room B.',
  );
  // Nothing is sent before the confirm.
  expect(await location()).toBe(14);
  await shoot(page, testInfo, 'undo-move-confirm');
  await page.getByTestId('undo-confirm').click();
  await expect(row.getByTestId('log-undone')).toHaveText('Undone: 1551ABK (#408) is back in Storage Room B.');
  await expect(row.getByTestId('log-action')).toHaveCount(0);
  expect(await sim(page, 'GET', '/api/stock/408/')).toMatchObject({ body: { location: 3, quantity: 145 } });
});

test('receive, then Correct quantity from its log row: the new item is counted, the line keeps its received', async ({
  page,
}, testInfo) => {
  await page.goto('/purchasing/receive?location=7');
  await waitForDemo(page);
  await gun(page, LABEL_LINE1);
  await expect(page.getByTestId('receive-outcome')).toContainText(
    'Received 100 × YAG1343TR-ND (R_100K_0402_1%) on PO0001 into Electronics Lab.',
  );
  expect(await received(page, 1, 1)).toBe(100);
  // InvenTree stored the label on the new stock item.
  const found = await sim(page, 'POST', '/api/barcode/', { barcode: LABEL_LINE1 });
  const pk = (found.body as { stockitem?: { pk: number } }).stockitem?.pk;
  expect(pk, 'the new stock item carries the label').toBeDefined();
  const quantity = async () => ((await sim(page, 'GET', `/api/stock/${pk}/`)).body as { quantity: number }).quantity;
  expect(await quantity()).toBe(100);
  const row = page.getByTestId('session-log-entry').first();
  await expect(row).toContainText('Received 100');
  await shoot(page, testInfo, 'undo-receive-row');

  await row.getByTestId('log-action').click();
  await expect(page.getByTestId('undo-confirm-text')).toContainText(
    'The order line keeps its received count: InvenTree cannot un-receive.',
  );
  const input = page.getByTestId('undo-input');
  await expect(input).toHaveValue('100');
  await input.fill('90');
  // Nothing is sent before the confirm.
  expect(await quantity()).toBe(100);
  await shoot(page, testInfo, 'undo-receive-confirm');
  await page.getByTestId('undo-confirm').click();
  await expect(row.getByTestId('log-undone')).toHaveText(
    `Corrected: stock item #${pk} counted to 90; the order line keeps its received count.`,
  );
  await expect(row.getByTestId('log-action')).toHaveCount(0);
  expect(await quantity()).toBe(90);
  // As real InvenTree: the line's received is read-only, only receiving raises it.
  expect(await received(page, 1, 1)).toBe(100);
});
