/**
 * Receiving against a purchase order end to end, demo mode, on the demo dataset's placed order
 * PO0001 (DigiKey). Scanner gun: a DigiKey label (GS/RS/EOT sent as a gun sends them) with no
 * location asks for the location only; scanning a location label sets it and completes the
 * receipt; the next label is received at once; the same label again is "already received"; a
 * wrong-supplier order and an unknown code are explained. Each test checks the lines in the
 * simulation. The camera path is in poReceiveCamera.spec.ts (a fake camera needs its own browser).
 */
import { expect, test } from '@playwright/test';
import { gun, LABEL_LINE1, LABEL_LINE2, LABEL_LINE3, LOCATION_7, manual, received } from './poHelpers.ts';
import { shoot, waitForDemo } from './workflowHelpers.ts';
import { at } from './sizes.ts';
import { gunStation } from './appHelpers.ts';

// A scanner-gun station: the camera stays off (Settings), as these tests use the gun and the keyboard.
test.beforeEach(({ context }) => gunStation(context));

// Two cores shared by a team: these flows make dozens of requests through the service worker.
test.describe.configure({ timeout: 180_000 });

test.describe('PO receive (scanner gun and manual entry)', () => {
  test('label → location asked → location label → received; next label straight in; repeats and refusals in words', async ({
    page,
  }, testInfo) => {
    await page.goto('/purchasing/receive');
    await waitForDemo(page);
    const outcome = page.getByTestId('receive-outcome');
    await expect(page.getByTestId('receive-banner-summary')).toContainText('Order found from each label');
    await shoot(page, testInfo, 'po-receive-start');

    // A DigiKey label for line 1 of PO0001, no location chosen: InvenTree needs the location.
    await gun(page, LABEL_LINE1);
    await expect(outcome).toContainText(
      'Matched YAG1343TR-ND (R_100K_0402_1%) on PO0001. Nothing received yet: give the location.',
    );
    await expect(page.getByTestId('receipt-form')).toContainText('100 on the label');
    await expect(page.getByTestId('receive-line-1-received')).toHaveText('0');
    expect(await received(page, 1, 1)).toBe(0);
    await shoot(page, testInfo, 'po-receive-needs-location');

    // The location label sets the destination and completes the waiting receipt.
    await gun(page, LOCATION_7);
    await expect(outcome).toContainText('Received 100 × YAG1343TR-ND (R_100K_0402_1%) on PO0001 into Electronics Lab.');
    await expect(page.getByTestId('receive-banner-summary')).toContainText('into Electronics Lab');
    await expect(page).toHaveURL(/location=7/);
    await expect(page.getByTestId('receive-line-1-received')).toHaveText('100');
    expect(await received(page, 1, 1)).toBe(100);
    await expect(page.getByTestId('receipt-form')).toHaveCount(0);

    // The location stays: the next label is received at once.
    await gun(page, LABEL_LINE2);
    await expect(outcome).toContainText(
      'Received 250 × CRT0603-BY-1003ELFTR-ND (R_100K_0603_1%) on PO0001 into Electronics Lab.',
    );
    await expect(page.getByTestId('receive-line-2-received')).toHaveText('250');
    expect(await received(page, 1, 2)).toBe(250);
    await shoot(page, testInfo, 'po-receive-received');

    // The same label again: its barcode now belongs to the new stock item.
    await gun(page, LABEL_LINE1);
    await expect(outcome).toContainText('Already received');
    expect(await received(page, 1, 1)).toBe(100);

    // Typed by hand: not a supplier label, not an InvenTree barcode.
    await manual(page, 'HELLO-WORLD-42');
    await expect(outcome).toContainText('Not a supplier label InvenTree can read');

    // The session log says what came of each scan, newest first.
    const log = page.getByTestId('session-log-entry');
    await expect(log).toHaveCount(5);
    await expect(log.nth(1)).toContainText('Already received');
    await expect(log.nth(4)).toContainText('Needs the location');
    await shoot(page, testInfo, 'po-receive-log');
  });

  test(
    'an order chosen in the URL from another supplier: "wrong supplier", nothing received',
    at('tablet'),
    async ({ page }) => {
      // PO0002 is placed, from Paint by Numbers.
      await page.goto('/purchasing/receive?order=2&location=7');
      await waitForDemo(page);
      await expect(page.getByTestId('receive-banner-summary')).toContainText('Order PO0002');
      await gun(page, LABEL_LINE3);
      await expect(page.getByTestId('receive-outcome')).toContainText(
        'Wrong supplier: this DigiKey label is not from the supplier of the chosen purchase order',
      );
      expect(await received(page, 1, 3)).toBe(0);
    },
  );

  test('a label without a location, completed by choosing the location in the form', at('tablet'), async ({ page }) => {
    await page.goto('/purchasing/receive');
    await waitForDemo(page);
    await gun(page, LABEL_LINE3);
    const form = page.getByTestId('receipt-form');
    await expect(form).toBeVisible();
    await form.getByTestId('receipt-location').click();
    await page.getByRole('option', { name: 'Factory/Storage Room A' }).click();
    await form.getByTestId('receipt-submit').click();
    await expect(page.getByTestId('receive-outcome')).toContainText(
      'Received 5 × TNP2.20KDATR-ND (R_2.2K_0402_1%) on PO0001 into Factory/Storage Room A.',
    );
    expect(await received(page, 1, 3)).toBe(5);
    // The chosen location becomes the station's location.
    await expect(page).toHaveURL(/location=2/);
  });
});
