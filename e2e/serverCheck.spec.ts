/**
 * Server check on /health (and its summary in Settings): what will work on this server for the
 * signed-in user. Demo mode for admin and reader (switched in Settings), and server mode against
 * the simulation over HTTP (cross-origin, CORS), where the same user gives the same picture.
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, shoot, waitForDemo, navTo } from './appHelpers.ts';
import { openServerMode, resetSim } from './serverHelpers.ts';
import { at } from './sizes.ts';

test.beforeEach(({ context }) => gunStation(context));

function line(page: Page, id: string) {
  return page.getByTestId(`check-${id}`);
}

/** Waits for the check to finish (rights and plugins read), then returns each line's status. */
async function statuses(page: Page): Promise<Record<string, string | null>> {
  const panel = page.getByTestId('server-check');
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  await expect(line(page, 'scan')).not.toHaveAttribute('data-status', 'unknown');
  await expect(line(page, 'plugin-inventreebarcode')).not.toHaveAttribute('data-status', 'unknown');
  await expect(line(page, 'store-results')).not.toHaveAttribute('data-status', 'unknown');
  const ids = await panel
    .locator('[data-testid^="check-"][data-status]')
    .evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-testid')?.slice('check-'.length) ?? '', el.getAttribute('data-status')]),
    );
  return Object.fromEntries(ids);
}

const ADMIN_PICTURE = {
  cors: 'ready',
  'api-version': 'ready',
  scan: 'ready',
  generate: 'ready',
  link: 'ready',
  receive: 'ready',
  'add-to-order': 'ready',
  allocate: 'ready',
  stock: 'ready',
  history: 'ready',
  'history-delete': 'ready',
  'plugin-inventreebarcode': 'ready',
  'plugin-digikeyplugin': 'ready',
  'plugin-mouserplugin': 'ready',
  'plugin-lcscplugin': 'ready',
  'plugin-tmeplugin': 'ready',
  // The demo dataset starts with BARCODE_STORE_RESULTS off.
  'store-results': 'not-ready',
};

const READER_PICTURE = {
  ...ADMIN_PICTURE,
  link: 'not-ready',
  receive: 'not-ready',
  'add-to-order': 'not-ready',
  allocate: 'not-ready',
  stock: 'not-ready',
  history: 'not-ready',
  'history-delete': 'not-ready',
};

async function expectReaderDetails(page: Page): Promise<void> {
  await expect(line(page, 'receive')).toContainText(
    'reader cannot receive supplier labels into stock: missing Purchase Orders: change and Stock Items: add.',
  );
  await expect(line(page, 'receive')).toContainText(
    "What an admin changes: Give reader's group the role Purchase Orders: change and Stock Items: add",
  );
  await expect(line(page, 'store-results')).toContainText('What an admin changes: Turn on "Store Barcode Results"');
}

test.describe('demo mode', () => {
  test(
    'admin: everything ready but stored scans; Settings sums it up',
    at('phone', 'desktop'),
    async ({ page }, testInfo) => {
      await page.goto('/health');
      await waitForDemo(page, 'admin', false);
      expect(await statuses(page)).toEqual(ADMIN_PICTURE);
      await expect(page.getByTestId('check-section-rights')).toContainText('Rights of admin');
      await expect(line(page, 'api-version')).toContainText('API version 291: supported.');
      await shoot(page, testInfo, 'server-check-demo-admin');

      await navTo(page, 'Settings');
      const summary = page.getByTestId('server-check-summary');
      await expect(summary).toContainText('16 ready');
      await expect(summary).toContainText('1 not ready');
      await expect(summary).toContainText('Not ready: Scans stored.');
    },
  );

  test(
    'reader: can scan, cannot receive; the picture changes with the demo user',
    at('desktop'),
    async ({ page }, testInfo) => {
      await page.goto('/settings');
      await waitForDemo(page, 'admin', false);
      await page.getByRole('combobox', { name: 'Demo user' }).click();
      await page.getByRole('option', { name: /^reader/ }).click();
      await expect(page.getByTestId('connection-indicator')).toContainText('reader');
      await expect(page.getByTestId('server-check-summary')).toContainText('9 ready');
      await shoot(page, testInfo, 'server-check-settings-demo-reader');

      await page.getByRole('link', { name: /details and what an admin changes/i }).click();
      expect(await statuses(page)).toEqual(READER_PICTURE);
      await expectReaderDetails(page);
      await shoot(page, testInfo, 'server-check-demo-reader');
    },
  );
});

test.describe('server mode (the simulation over HTTP)', () => {
  test.beforeEach(({ request }) => resetSim(request));

  test(
    'admin: the server is reached across origins and every right is there',
    at('desktop'),
    async ({ page, request }, testInfo) => {
      await openServerMode(page, request, '/health', 'admin');
      expect(await statuses(page)).toEqual(ADMIN_PICTURE);
      await expect(line(page, 'cors')).toContainText('The server answers and the browser lets StockScan read it.');
      await shoot(page, testInfo, 'server-check-server-admin');
    },
  );

  test(
    'reader: the same picture as in demo mode, with what an admin changes',
    at('desktop'),
    async ({ page, request }, testInfo) => {
      await openServerMode(page, request, '/health', 'reader');
      expect(await statuses(page)).toEqual(READER_PICTURE);
      await expectReaderDetails(page);
      await shoot(page, testInfo, 'server-check-server-reader');
    },
  );
});
