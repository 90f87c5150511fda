/**
 * Scan history end to end, demo mode, at desktop and tablet sizes. The storage switch is turned on
 * from the page, scans are made as admin and reader, then: paging, sorting, filters, the drawer,
 * failures grouped by barcode, delete one, delete a selection and delete all matching (each after a
 * confirm with the count, checked against the simulation), and the reader's view without delete
 * controls.
 */
import { expect, test, type Page } from '@playwright/test';
import { waitForSignedIn } from './poHelpers.ts';
import { shoot, sim } from './workflowHelpers.ts';
import { at } from './sizes.ts';

/** Scan as a demo user straight against the simulation (through the page's service worker). */
async function scanAs(page: Page, user: string, password: string, barcodes: string[]): Promise<void> {
  await page.evaluate(
    async ({ user, password, barcodes }) => {
      const t = await fetch('/api/user/token/', { headers: { Authorization: `Basic ${btoa(`${user}:${password}`)}` } });
      const { token } = (await t.json()) as { token: string };
      for (const barcode of barcodes) {
        await fetch('/api/barcode/', {
          method: 'POST',
          headers: { Authorization: `Token ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ barcode }),
        });
      }
    },
    { user, password, barcodes },
  );
}

async function historyCount(page: Page, query = ''): Promise<number> {
  const answer = await sim(page, 'GET', `/api/barcode/history/?limit=1${query}`);
  expect(answer.status).toBe(200);
  return (answer.body as { count: number }).count;
}

/** Turn storage on from the page, then make 30 scans: 18 successes (admin), 12 failures (8 × one code, reader). */
async function fillHistory(page: Page): Promise<void> {
  await page.goto('/history');
  await waitForSignedIn(page);
  await expect(page.getByTestId('history-storage-state')).toHaveText('off', { timeout: 40_000 });
  await page.getByTestId('history-storage-switch').click({ force: true });
  await expect(page.getByTestId('history-storage-state')).toHaveText('on');
  const stored = await sim(page, 'GET', '/api/settings/global/BARCODE_STORE_RESULTS/');
  expect((stored.body as { value: string }).value).toBe('True');
  // Demo stock items 2–19 exist (there is no stock item 1).
  const hits = Array.from({ length: 18 }, (_, i) => `{"stockitem": ${i + 2}}`);
  await scanAs(page, 'admin', 'inventree', hits);
  await scanAs(page, 'reader', 'readonly', [
    ...Array.from({ length: 8 }, () => 'SHELF-A1'),
    'X-1',
    'X-2',
    'X-3',
    'X-4',
  ]);
  expect(await historyCount(page)).toBe(30);
  // Straight after the burst: each answer came only once the demo had saved its change.
  await page.reload();
  await waitForSignedIn(page);
}

const rowsOf = (page: Page) => page.getByTestId('history-table').locator('tr:has(td)');

// Two cores shared by a team: these flows make dozens of requests through the service worker.
test.describe.configure({ timeout: 180_000 });

test.describe('scan history (staff)', () => {
  test('storage switch, paging, sorting, filters, drawer, groups', async ({ page }, testInfo) => {
    await fillHistory(page);
    await expect(page.getByText('1–25 of 30')).toBeVisible();
    await expect(rowsOf(page)).toHaveCount(25);
    await shoot(page, testInfo, 'history-page1');

    // Paging: page 2 holds the 5 oldest.
    await page.getByRole('button', { name: '2', exact: true }).click();
    await expect(rowsOf(page)).toHaveCount(5);
    await expect(page.getByText('26–30 of 30')).toBeVisible();

    // Page size 10.
    await page.getByRole('button', { name: '25' }).click();
    await page.getByRole('menuitem', { name: '10', exact: true }).click();
    await expect(rowsOf(page)).toHaveCount(10);
    await expect(page.getByText('1–10 of 30')).toBeVisible();

    // Sorting by result, ascending: failures first.
    const resultHeader = page.getByRole('button', { name: /^Result/ });
    await resultHeader.click();
    if (!(await page.getByRole('button', { name: 'Result Sorted ascending' }).isVisible())) await resultHeader.click();
    await expect(page.getByRole('button', { name: 'Result Sorted ascending' })).toBeVisible();
    await expect(rowsOf(page).first().getByTestId('history-result')).toHaveText('Failed');
    await resultHeader.click();
    await expect(page.getByRole('button', { name: 'Result Sorted descending' })).toBeVisible();
    await expect(rowsOf(page).first().getByTestId('history-result')).toHaveText('Success');

    // Result filter and user filter.
    await page.getByTestId('history-result-filter').getByText('Failed').click();
    await expect(page.getByText('1–10 of 12')).toBeVisible();
    await page.getByTestId('history-user-filter').fill('adm');
    await page.getByRole('option', { name: 'admin' }).click();
    await expect(page.getByText('No scans match these filters')).toBeVisible();
    await page.getByTestId('history-user-filter').fill('rea');
    await page.getByRole('option', { name: 'reader' }).click();
    await expect(page.getByText('1–10 of 12')).toBeVisible();

    // Barcode text: filtered in the app, and the page says so.
    await page.getByTestId('history-text-filter').fill('shelf');
    await expect(page.getByText('1–8 of 8')).toBeVisible();
    await expect(page.getByTestId('history-client-filter-note')).toContainText(
      'cannot search scan history on the server',
    );
    await shoot(page, testInfo, 'history-filtered');

    // Drawer: every field, the repr-free response, link offered for an unmatched code.
    await rowsOf(page).first().click();
    const drawer = page.getByRole('dialog');
    await expect(drawer).toContainText('SHELF-A1');
    await expect(drawer).toContainText('reader');
    await expect(drawer.getByTestId('history-drawer-response')).toContainText(
      '"error": "No match found for barcode data"',
    );
    await expect(drawer.getByTestId('history-link')).toHaveAttribute('href', '/link?barcode=SHELF-A1');
    await drawer.getByTestId('history-scan-again').click();
    await expect(drawer.getByTestId('history-rescan-result')).toContainText('No match found');
    await shoot(page, testInfo, 'history-drawer-failure');
    await page.keyboard.press('Escape');

    // A successful so-allocate-like row: the stored Python repr is shown as structure.
    await page.getByTestId('history-text-filter').fill('');
    await page.getByTestId('history-result-filter').getByText('Succeeded').click();
    await page.getByTestId('history-user-filter').fill('adm');
    await page.getByRole('option', { name: 'admin' }).click();
    await expect(page.getByText('1–10 of 18')).toBeVisible();
    await rowsOf(page).first().click();
    await expect(page.getByRole('dialog').getByTestId('history-drawer-response')).toContainText(
      /"pk": \d+,\s+"api_url": "\/api\/stock\/\d+\/"/,
    );
    await expect(page.getByRole('dialog').getByTestId('history-drawer-response')).not.toContainText("{'pk'");
    await page.keyboard.press('Escape');

    // Failures grouped by barcode: the 8 filled scans plus the drawer's "scan again" (by admin).
    await page.getByTestId('history-groups-tab').click();
    const first = page.getByTestId('history-group').first();
    await expect(first).toContainText('SHELF-A1');
    await expect(first).toContainText('seen 9 times, never matched');
    await expect(first).toContainText('admin, Ronald Reader (reader)');
    await shoot(page, testInfo, 'history-groups');
  });

  test(
    'delete one, a selection, and all matching, each after a confirm with the count',
    at('desktop'),
    async ({ page }, testInfo) => {
      await fillHistory(page);
      // The confirm closes when the delete is answered; it stays open with the error if it failed.
      // Waited for before the next click, which the open dialog would otherwise block until timeout.
      const confirmDialog = page.getByRole('dialog', { name: 'Delete scan history' });

      // One, from the drawer.
      await rowsOf(page).first().click();
      await page.getByRole('dialog').getByTestId('history-delete-one').click();
      await expect(page.getByTestId('history-delete-confirm-text')).toHaveText(
        'Delete 1 scan from the history? This cannot be undone.',
      );
      await page.getByTestId('history-delete-confirm').click();
      await expect(confirmDialog).toBeHidden();
      await expect.poll(() => historyCount(page)).toBe(29);
      await expect(page.getByText('1–25 of 29')).toBeVisible();

      // A selection of three.
      for (const i of [0, 1, 2]) await rowsOf(page).nth(i).getByRole('checkbox').check();
      await page.getByTestId('history-delete-selected').click();
      await expect(page.getByTestId('history-delete-confirm-text')).toHaveText(
        'Delete 3 scans from the history? This cannot be undone.',
      );
      await shoot(page, testInfo, 'history-confirm');
      await page.getByTestId('history-delete-confirm').click();
      await expect(confirmDialog).toBeHidden();
      await expect.poll(() => historyCount(page)).toBe(26);
      await expect(page.getByText('1–25 of 26')).toBeVisible();

      // Everything matching "Failed": the button offers the count of the filtered rows (not, while
      // they load, the previous view's total).
      await page.getByTestId('history-result-filter').getByText('Failed').click();
      const failed = await historyCount(page, '&result=false');
      await expect(page.getByTestId('history-delete-matching')).toHaveText(`Delete all matching (${failed})`);
      await page.getByTestId('history-delete-matching').click();
      await expect(page.getByTestId('history-delete-confirm-text')).toHaveText(
        `Delete ${failed} scans from the history? This cannot be undone.`,
      );
      await page.getByTestId('history-delete-confirm').click();
      await expect(confirmDialog).toBeHidden();
      await expect.poll(() => historyCount(page, '&result=false')).toBe(0);
      await expect(page.getByText('No scans match these filters')).toBeVisible();
      expect(await historyCount(page)).toBe(26 - failed);
    },
  );
});

test.describe('scan history (non-staff)', () => {
  test('the reader sees the history and settings but no delete controls', at('tablet'), async ({ page }, testInfo) => {
    await fillHistory(page);
    await page.goto('/settings');
    await page.getByRole('combobox', { name: 'Demo user' }).click();
    await page.getByRole('option', { name: /^reader/ }).click();
    await expect(page.getByTestId('connection-indicator')).toContainText('reader');
    await page.goto('/history');
    await waitForSignedIn(page, 'reader');
    await expect(page.getByText('1–25 of 30')).toBeVisible();
    await expect(page.getByTestId('history-staff-actions')).toHaveCount(0);
    await expect(page.getByTestId('history-table').getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByTestId('history-storage-switch')).toHaveCount(0);
    await expect(page.getByTestId('history-storage')).toContainText('Only staff can change these settings.');
    await rowsOf(page).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByTestId('history-delete-one')).toHaveCount(0);
    await shoot(page, testInfo, 'history-reader');
  });
});
