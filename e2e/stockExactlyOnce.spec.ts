/**
 * Moves are not idempotent: in server mode against the simulation over HTTP, a move whose answer
 * was lost after the server acted, a move made offline, and a burst of 30 moves queued offline are
 * each applied exactly once (read back from the simulation: location and tracking entries carrying
 * the move's operation id), in scan order. The reader's 403 names the missing right.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { gunStation, shoot } from './appHelpers.ts';
import { gun, gunAll } from './gun.ts';
import { openServerMode, resetSim, simToken } from './serverHelpers.ts';
import { SIM_URL } from './servers.ts';

test.describe.configure({ timeout: 240_000 });

test.beforeEach(async ({ request, context }) => {
  await gunStation(context);
  await resetSim(request);
});

async function simGet(request: APIRequestContext, path: string): Promise<{ status: number; body: unknown }> {
  const res = await request.get(`${SIM_URL}${path}`, {
    headers: { Authorization: `Token ${await simToken(request)}` },
  });
  return { status: res.status(), body: await res.json() };
}

/** The item's tracking entries written by StockScan moves (operation id in notes). */
async function moveEntries(
  request: APIRequestContext,
  pk: number,
): Promise<{ pk: number; notes: string; tracking_type: number }[]> {
  const { body } = await simGet(request, `/api/stock/track/?item=${pk}`);
  return (body as { pk: number; notes: string; tracking_type: number }[]).filter((t) =>
    /^StockScan move [0-9a-f]+/.test(t.notes),
  );
}

async function locationOf(request: APIRequestContext, pk: number): Promise<number> {
  return ((await simGet(request, `/api/stock/${pk}/`)).body as { location: number }).location;
}

test('an answer lost after the server acted: the move is found in tracking, not sent again', async ({
  page,
  request,
}) => {
  await openServerMode(page, request, '/stock/move?location=14');
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
  let transfers = 0;
  await page.route(`${SIM_URL}/api/stock/transfer/`, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    transfers += 1;
    if (transfers > 1) return route.fallback();
    // The server receives and applies the move; the connection drops before the answer arrives.
    await route.fetch();
    await route.abort('connectionreset');
  });
  await gun(page, 'INV-SI408');
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  await expect(page.getByTestId('queued-outcome-result')).toContainText('answer was lost');
  expect(await locationOf(request, 408)).toBe(14);
  expect(await moveEntries(request, 408)).toHaveLength(1);
  expect(transfers).toBe(1);
});

test('offline then online: the move is kept, then applied once', async ({ page, context, request }) => {
  await openServerMode(page, request, '/stock/move?location=14');
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
  await context.setOffline(true);
  await gun(page, 'INV-SI408');
  await expect(page.getByTestId('move-row-408')).toHaveAttribute('data-status', 'queued');
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'queued');
  expect(await moveEntries(request, 408)).toHaveLength(0);
  await context.setOffline(false);
  await expect(page.getByTestId('queued-outcome')).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  expect(await locationOf(request, 408)).toBe(14);
  expect(((await simGet(request, '/api/stock/408/')).body as { quantity: number }).quantity).toBe(145);
  expect(await moveEntries(request, 408)).toHaveLength(1);
});

test('a burst of 30 moves queued offline is applied once each, in scan order', async ({
  page,
  context,
  request,
}, testInfo) => {
  const pks = [
    330, 231, 225, 1002, 995, 716, 717, 718, 714, 991, 715, 148, 720, 722, 719, 721, 168, 149, 724, 725, 723, 170, 151,
    150, 169, 727, 726, 728, 153, 152,
  ];
  await openServerMode(page, request, '/stock/move?location=14');
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
  await context.setOffline(true);
  await gunAll(
    page,
    pks.map((pk) => `INV-SI${pk}`),
  );
  for (const pk of pks) await expect(page.getByTestId(`move-row-${pk}`)).toHaveAttribute('data-status', 'queued');
  await shoot(page, testInfo, 'stock-move-burst-offline');
  await context.setOffline(false);
  await expect(page.getByTestId('session-log-entry').filter({ hasText: 'sent from the queue' })).toHaveCount(30, {
    timeout: 180_000,
  });
  const order: number[] = [];
  for (const pk of pks) {
    expect(await locationOf(request, pk)).toBe(14);
    const entries = await moveEntries(request, pk);
    expect(entries).toHaveLength(1);
    order.push(entries[0]!.pk);
  }
  expect(order).toEqual([...order].sort((a, b) => a - b));
});

test('the read-only user is told which right is missing (403)', async ({ page, request }, testInfo) => {
  await openServerMode(page, request, '/stock/move?location=14', 'reader');
  await expect(page.getByText('Scanner gun ready')).toBeVisible();
  await gun(page, 'INV-SI408');
  const outcome = page.getByTestId('move-outcome');
  await expect(outcome).toHaveAttribute('data-kind', 'error');
  await expect(outcome).toContainText('lacks the “Stock: add (change stock items)” right');
  expect(await locationOf(request, 408)).toBe(3);
  await shoot(page, testInfo, 'stock-move-reader');
});
