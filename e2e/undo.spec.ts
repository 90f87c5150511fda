/**
 * Undo from the session log's row, demo mode (issue #20): each action says what will happen before
 * anything is sent, then the simulation's data shows it undone. Shots of the row and the confirm step.
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, shoot, waitForDemo } from './appHelpers.ts';
import { gun } from './gun.ts';
import { sim } from './workflowHelpers.ts';

test.beforeEach(({ context }) => gunStation(context));
test.describe.configure({ timeout: 180_000 });

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

  await row.getByTestId('log-action').click();
  await expect(page.getByTestId('undo-confirm-text')).toContainText(
    'Removes the custom barcode UNDO-REEL-0001 from Stock item #12',
  );
  // Nothing is sent before the confirm.
  expect(await finds(page, 'UNDO-REEL-0001')).toBe(200);
  await shoot(page, testInfo, 'undo-link-confirm');
  await page.getByTestId('undo-confirm').click();
  await expect(row.getByTestId('log-undone')).toHaveText('Undone: Stock item #12 has no custom barcode now.');
  await expect(row.getByTestId('log-action')).toHaveCount(0);
  expect(await finds(page, 'UNDO-REEL-0001')).not.toBe(200);
});
