// The soak station: the built app in kiosk mode on the Scan page, in server mode against the
// simulation over HTTP, with the probe installed; and the things that happen to it during a shift
// (gun bursts, the network dropping, someone wandering off). Shared by soakBench.mjs and
// e2e/soak.spec.ts; every step waits for states the page shows, never for a duration.
import { readProbe, soakProbe } from './probe.mjs';

export const CONNECTION_KEY = 'stockscan.connection.v1';
export const KIOSK_KEY = 'stockscan.kiosk.v1';
export const STATION = '/scan?station=soak';
/** The kiosk's shortest idle time (src/app/kiosk/kioskSettings.ts MIN_IDLE_SECONDS). */
export const IDLE_SECONDS = 10;

/** A token from the simulation, as the app's sign-in gets one (admin / inventree). */
export async function simToken(simUrl) {
  const basic = Buffer.from('admin:inventree').toString('base64');
  const res = await fetch(`${simUrl}/api/user/token/`, { headers: { Authorization: `Basic ${basic}` } });
  if (!res.ok) throw new Error(`simulation token: HTTP ${res.status}`);
  return (await res.json()).token;
}

/** The barcodes the simulation accepted (valid token) since it started, in arrival order. */
export async function simBarcodes(simUrl) {
  return (await simRequests(simUrl)).filter((r) => r.accepted && r.path === '/api/barcode/').map(barcodeOf);
}

/** Every barcode POST the simulation received, in arrival order. */
async function simRequests(simUrl) {
  const res = await fetch(`${simUrl}/__sim/requests`);
  if (!res.ok) throw new Error(`simulation request log: HTTP ${res.status}`);
  return res.json();
}

function barcodeOf(request) {
  try {
    return JSON.parse(request.body).barcode;
  } catch {
    return null;
  }
}

/**
 * Set the context up as the kiosk tablet (server mode, kiosk on, the station page) and open the
 * station. Returns once the camera shows frames and the scanner-gun capture is attached.
 */
export async function openStation(context, page, { appOrigin, simUrl, token }) {
  await context.addInitScript(soakProbe);
  await context.addInitScript(
    ({ connection, kiosk, value, settings }) => {
      // Only the first load: later loads see what the app itself stored.
      if (!sessionStorage.getItem('soak.seeded')) {
        localStorage.setItem(connection, value);
        localStorage.setItem(kiosk, settings);
        sessionStorage.setItem('soak.seeded', '1');
      }
    },
    {
      connection: CONNECTION_KEY,
      value: JSON.stringify({ mode: 'server', baseUrl: simUrl, token, demoUser: 'admin' }),
      kiosk: KIOSK_KEY,
      settings: JSON.stringify({ enabled: true, home: STATION, idleSeconds: IDLE_SECONDS }),
    },
  );
  await page.goto(`${appOrigin}${STATION}`);
  await stationReady(page);
}

/** The station page is up: scan field, gun capture, and a camera track that shows frames. */
export async function stationReady(page, timeout = 120_000) {
  await page.getByTestId('scan-input').first().waitFor({ timeout });
  await page.getByText('Scanner gun ready').first().waitFor({ timeout });
  await page.waitForFunction(
    () => window.__soak?.liveTracks() === 1 && [...document.querySelectorAll('video')].some((v) => v.readyState >= 2),
    undefined,
    { timeout, polling: 250 },
  );
}

export const probe = (page) => page.evaluate(readProbe);

/**
 * Wait until every scan the page accepted has its final outcome; returns the still-open count. The
 * camera reads on meanwhile, so a scan accepted after the moment all were done is not counted (it
 * was: a label read between the wait and a second look made a spurious "still open"); after the
 * timeout, only scans open for longer than `fresh` ms count.
 */
export async function settle(page, timeout = 90_000, fresh = 10_000) {
  try {
    await page.waitForFunction(() => window.__soak && window.__soak.open.size === 0, undefined, {
      timeout,
      polling: 250,
    });
    return 0;
  } catch {
    /* counted below */
  }
  const left = await page.evaluate(
    (fresh) =>
      [...(window.__soak?.open ?? new Map())]
        .filter(([, entry]) => performance.now() - entry.t0 > fresh)
        .map(([key]) => key),
    fresh,
  );
  if (left.length) console.log(`  still open: ${left.slice(0, 5).join('; ')}`);
  return left.length;
}

/**
 * The probe's counts at a moment when every scan the page had accepted had its final outcome, read
 * in that same moment (the camera reads on, so a later look may find a scan just accepted).
 */
export async function settledCounts(page, timeout = 90_000) {
  const handle = await page.waitForFunction(
    () => {
      const s = window.__soak;
      if (!s || s.open.size > 0) return false;
      return {
        open: s.open.size,
        accepted: s.accepted,
        finals: s.finals,
        liveTracks: s.liveTracks(),
        maxLiveTracks: s.maxLiveTracks,
      };
    },
    undefined,
    { timeout, polling: 250 },
  );
  return handle.jsonValue();
}

/** Wait until the page has accepted `n` more scans than `from` (camera or gun). */
export async function scansAccepted(page, from, n, timeout = 180_000) {
  await page.waitForFunction(
    ({ target }) => (window.__soak?.accepted ?? 0) >= target,
    { target: from + n },
    {
      timeout,
      polling: 250,
    },
  );
}

/**
 * A scanner gun: each code typed as one burst of key events inside the page, the terminator Enter.
 * A code whose keys the busy page stretched (a gap no gun makes) is typed again from the start, as
 * e2e/gun.ts does. Returns, per code, whether the page took it as a scan (claimed the Enter).
 */
export async function gunBurst(page, codes) {
  return page.evaluate(async (codes) => {
    const keyFor = (ch) => {
      const upper = ch >= 'A' && ch <= 'Z';
      const code = /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : /\d/.test(ch) ? `Digit${ch}` : '';
      return { key: ch, code, ctrlKey: false, shiftKey: upper };
    };
    document.activeElement?.blur?.();
    const target = document.activeElement ?? document.body;
    const shift = { key: 'Shift', code: 'ShiftLeft', shiftKey: true, bubbles: true, cancelable: true, composed: true };
    target.dispatchEvent(new KeyboardEvent('keydown', shift));
    target.dispatchEvent(new KeyboardEvent('keyup', shift));
    await new Promise((r) => setTimeout(r, 50));
    const end = { key: 'Enter', code: 'Enter', ctrlKey: false, shiftKey: false };
    const taken = [];
    for (const text of codes) {
      const keys = [...text].map(keyFor);
      let claimed = false;
      for (let attempt = 0; attempt < 6; attempt++) {
        let previous = null;
        let stalled = false;
        for (const k of [...keys, end]) {
          const init = { ...k, bubbles: true, cancelable: true, composed: true };
          const down = new KeyboardEvent('keydown', init);
          if (previous !== null && down.timeStamp - previous > 60 && attempt < 5) {
            stalled = true;
            break;
          }
          previous = down.timeStamp;
          const free = target.dispatchEvent(down);
          if (k === end) claimed = !free;
          target.dispatchEvent(new KeyboardEvent('keyup', init));
        }
        if (!stalled && claimed) break;
        // Let the partial code lapse before typing it again (a picker scanning again).
        await new Promise((r) => setTimeout(r, 300));
      }
      taken.push(claimed);
      await new Promise((r) => setTimeout(r, 150));
    }
    return taken;
  }, codes);
}

/** Demo stock items the gun scans by their InvenTree-style labels, plus an unknown code per burst. */
const GUN_ITEMS = [330, 231, 225, 1002, 995, 716, 717, 718, 714, 991, 715, 148, 720, 722];

export function gunCodes(burst, size = 5) {
  const codes = [];
  for (let i = 0; i < size - 1; i++) codes.push(`INV-SI${GUN_ITEMS[(burst * (size - 1) + i) % GUN_ITEMS.length]}`);
  codes.push(`SOAK-GUN-${String(burst + 1).padStart(4, '0')}`);
  return codes;
}

/**
 * The network goes away: wait until the page has accepted `scans` more scans (they wait in the
 * offline queue, or fail as offline), or `timeout`, then it comes back. True when they were.
 */
export async function networkDrop(context, page, { scans = 3, timeout = 60_000 } = {}) {
  const from = await page.evaluate(() => window.__soak?.accepted ?? 0);
  await context.setOffline(true);
  try {
    await scansAccepted(page, from, scans, timeout);
    return true;
  } catch {
    // The camera may not have read anything new meanwhile; the drop still happened.
    return false;
  } finally {
    await context.setOffline(false);
  }
}

/**
 * Someone takes the tablet to another page (History) and leaves it; the kiosk brings it back to the
 * station after its idle time. The picker taps History once every scan so far has its outcome (the
 * check and the tap in one task of the page). The camera reads on until the Scan page is gone, so a
 * scan may still be accepted in between: its lookup was sent (it reached the server, whose answer
 * no page is left to show: "in flight") or it was not (lost). `simUrl` lets that be checked.
 * Returns { lost, inFlight }.
 */
export async function wanderOff(page, simUrl) {
  const sent = simUrl ? (await simRequests(simUrl)).length : 0;
  const openAtTap = await page.evaluate(async () => {
    const s = window.__soak;
    const until = performance.now() + 90_000;
    while (s.open.size > 0 && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
    const open = s.open.size;
    document.querySelector('a[href="/history"]').click();
    return open;
  });
  await page.waitForURL((url) => url.pathname === '/history', { timeout: 60_000 });
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
  // Scans the Scan page accepted after the tap, before it went: none of them can end in its log now.
  const left = await page.evaluate(() => {
    const keys = [...window.__soak.open.keys()];
    for (const k of keys) window.__soak.open.delete(k);
    return keys;
  });
  let inFlight = 0;
  if (left.length && simUrl) {
    const after = (await simRequests(simUrl)).slice(sent).map((r) => barcodeOf(r));
    for (const key of left) {
      const text = key.slice(key.indexOf('|') + 1);
      const i = after.indexOf(text);
      if (i >= 0) {
        after.splice(i, 1);
        inFlight += 1;
      }
    }
  }
  if (left.length)
    console.log(`  open when the Scan page went: ${left.join('; ')} (${inFlight} had reached the server)`);
  await page.waitForURL((url) => url.pathname === '/scan', { timeout: (IDLE_SECONDS + 120) * 1000 });
  await stationReady(page);
  return { lost: openAtTap + left.length - inFlight, inFlight };
}

/** One sample: heap after a forced GC, DOM, listeners, camera tracks, storage, and the probe. */
export async function sample(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const p = await probe(page);
  const storage = await page.evaluate(async () => {
    const e = await navigator.storage?.estimate?.();
    return { usage: e?.usage ?? 0, indexedDB: e?.usageDetails?.indexedDB ?? null };
  });
  return {
    at: Date.now(),
    heapMB: m.JSHeapUsedSize / 1048576,
    nodes: m.Nodes,
    listeners: m.JSEventListeners,
    documents: m.Documents,
    idbKB: (storage.indexedDB ?? storage.usage) / 1024,
    ...p,
  };
}
