/**
 * The offline queue in server mode, against the simulation served over HTTP (in demo mode the
 * service worker answers even offline, so only server mode can lose its server): scans made while
 * the server cannot be reached wait on the device and reach the server exactly once, in scan order,
 * when it can — across a reload, across a token that expires mid-queue, and when an answer is lost
 * after the server acted. The session log shows each one queued, then what came of it.
 */
import { expect, test, type Page } from '@playwright/test';
import { gunStation, logEntries, manualScan, waitForOfflineShell } from './appHelpers.ts';
import { gunAll } from './gun.ts';
import { openServerMode, resetSim, revokeSimTokens, simAcceptedBarcodes, simBarcodeRequests } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';

test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ request, context }) => {
  // A scanner-gun station: no camera decoding the fake test picture (most of a core) beside the burst.
  await gunStation(context);
  await resetSim(request);
});

/** Stock items 2..(n+1) exist (found), the Q- codes do not (no match): both kinds of answer. */
const codes = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) =>
    (from + k) % 5 === 0 ? `INV-SI${from + k + 2}` : `Q-${String(from + k).padStart(3, '0')}`,
  );

const tone = (page: Page, t: string) => page.locator(`[data-testid="session-log-entry"][data-tone="${t}"]`);

/** The codes in the session log, oldest first (the order the page took them in). */
async function loggedCodes(page: Page): Promise<string[]> {
  const texts = await logEntries(page).getByTestId('barcode-text').allInnerTexts();
  return texts.reverse();
}

/**
 * Fire the codes from the scanner gun: keys dispatched inside the page, one scan after another in
 * one test action (each action snapshots the page for the trace; one per code made a long burst
 * crawl as the log grew), then wait for all their log lines. Synthetic key events are stamped when
 * created, so on a starved machine a stall in the middle of one code can stretch it past the gun's
 * gap limit and the page rightly takes it for typing; such a code is scanned again at once, as a
 * picker does when a label does not beep (the page claims a scan's terminator as it takes it; no
 * waiting for a log that is merely slow to render, which used to re-scan codes already taken).
 * Returns the codes in the order the page took them.
 */
async function scanAll(page: Page, list: string[]): Promise<string[]> {
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
  const before = await loggedCodes(page);
  const claimed = await gunAll(page, list, { rescanUntaken: true });
  expect(
    list.filter((_, i) => !claimed[i]),
    'codes the page never took as a scan',
  ).toEqual([]);
  await expect(logEntries(page)).toHaveCount(before.length + list.length);
  const taken = (await loggedCodes(page)).slice(before.length);
  expect([...taken].sort()).toEqual([...list].sort());
  return taken;
}

test('offline mid-burst: 50 scans, back online, all 50 reach the server once and in order', async ({
  page,
  context,
  request,
}) => {
  await openServerMode(page, request);
  const online = codes(0, 10);
  await scanAll(page, online);
  await expect(logEntries(page)).toHaveCount(10);
  await expect(tone(page, 'pending')).toHaveCount(0);

  await context.setOffline(true);
  const offline = await scanAll(page, codes(10, 40));
  await expect(logEntries(page)).toHaveCount(50);
  await expect(tone(page, 'queued')).toHaveCount(40);
  await expect(page.getByTestId('scan-queued')).toContainText('kept on this device');
  await expect(page.getByTestId('offline-queue-counts')).toHaveText('40 waiting to be sent');
  // Online lookups run side by side (continuous scanning), so they may reach the server in any order.
  expect((await simAcceptedBarcodes(request)).sort()).toEqual([...online].sort());

  await context.setOffline(false);
  await expect(tone(page, 'queued')).toHaveCount(0, { timeout: 60_000 });
  await expect(tone(page, 'sending')).toHaveCount(0);
  await expect(page.getByTestId('offline-queue-status')).toBeHidden();
  await expect(logEntries(page).filter({ hasText: '(sent from the queue)' })).toHaveCount(40);
  await expect(page.getByTestId('session-log-summary')).toHaveText('50 scans: 10 found, 40 not found');
  // The newest scan's card took its answer from the queue (Q-049, unless a rescanned code came last).
  const newest = offline[offline.length - 1]!;
  await expect(newest.startsWith('Q-') ? page.getByTestId('no-match') : page.getByTestId('object-title')).toBeVisible();
  if (newest.startsWith('Q-')) await expect(page.getByTestId('no-match')).toContainText(newest);

  // The queue sends one at a time: each queued scan exactly once, in the order it was scanned.
  expect((await simAcceptedBarcodes(request)).slice(online.length)).toEqual(offline);
});

test('a reload while offline keeps the queue; it is sent once, in order, when the network returns', async ({
  page,
  context,
  request,
}) => {
  await openServerMode(page, request);
  await waitForOfflineShell(page);
  await context.setOffline(true);
  const list = await scanAll(page, codes(1, 12));
  await expect(tone(page, 'queued')).toHaveCount(12);

  await page.reload();
  // The log comes back from the device's storage, oldest scan at the bottom.
  await expect(tone(page, 'queued')).toHaveCount(12);
  await expect(logEntries(page).last()).toContainText(list[0]!);
  await expect(page.getByTestId('offline-queue-counts')).toHaveText('12 waiting to be sent');
  expect(await simAcceptedBarcodes(request)).toEqual([]);

  await context.setOffline(false);
  await expect(tone(page, 'queued')).toHaveCount(0, { timeout: 60_000 });
  await expect(logEntries(page).filter({ hasText: '(sent from the queue)' })).toHaveCount(12);
  expect(await simAcceptedBarcodes(request)).toEqual(list);

  // Reloading again sends nothing twice.
  await page.reload();
  await expect(page.getByTestId('connection-indicator')).toContainText('admin');
  await manualScan(page, 'INV-SI12');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  expect(await simAcceptedBarcodes(request)).toEqual([...list, 'INV-SI12']);
});

test('a token that expires mid-queue: sign in again on the page and the queue carries on', async ({
  page,
  context,
  request,
}) => {
  await openServerMode(page, request);
  await context.setOffline(true);
  const list = await scanAll(page, codes(20, 8));
  await expect(tone(page, 'queued')).toHaveCount(8);

  await revokeSimTokens(request);
  await context.setOffline(false);
  const prompt = page.getByTestId('reauth-prompt');
  await expect(prompt).toContainText('revoked');
  // The 401 changed nothing on the server; all 8 still wait.
  await expect(tone(page, 'queued')).toHaveCount(8);
  expect(await simAcceptedBarcodes(request)).toEqual([]);

  await prompt.getByRole('textbox', { name: 'Username' }).fill('admin');
  await prompt.getByRole('textbox', { name: 'Password' }).fill('inventree');
  await prompt.getByRole('button', { name: 'Sign in again' }).click();
  await expect(tone(page, 'queued')).toHaveCount(0, { timeout: 60_000 });
  await expect(logEntries(page)).toHaveCount(8);
  expect(await simAcceptedBarcodes(request)).toEqual(list);
  // Exactly one refused attempt (the one that met the revoked token).
  expect((await simBarcodeRequests(request)).filter((r) => !r.accepted)).toHaveLength(1);
});

test('an answer lost after the server acted: the scan is sent again safely and shown once', async ({
  page,
  request,
}) => {
  await openServerMode(page, request);
  let dropped = false;
  await page.route(`${SIM_URL}/api/barcode/`, async (route) => {
    if (dropped || route.request().method() !== 'POST') return route.fallback();
    dropped = true;
    // The server receives and answers the request; the connection drops before the answer arrives.
    await route.fetch();
    await route.abort('connectionreset');
  });
  await manualScan(page, 'INV-SI12');
  await expect(logEntries(page)).toHaveCount(1);
  await expect(logEntries(page).first()).toHaveAttribute('data-tone', 'success', { timeout: 60_000 });
  await expect(logEntries(page).first()).toContainText('Stock item #12 (sent from the queue)');
  await expect(page.getByTestId('object-title')).toHaveText('R_1K_0805_1%');
  // A lookup is safe to repeat (README: which actions are safe to retry): the server saw it twice.
  expect(await simAcceptedBarcodes(request)).toEqual(['INV-SI12', 'INV-SI12']);
});
