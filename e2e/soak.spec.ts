/**
 * The soak benchmark's short version (npm run bench:soak is the long one): a kiosk Scan station in
 * server mode, the fake camera showing a changing sequence of real labels, a scanner-gun burst, the
 * network dropped and restored, the tablet left on History until the kiosk brings it back. Every
 * scan the page accepted reaches a final outcome, every gun code reaches the server, and there is
 * never more than one live camera track. Paced by counted scans and page states, not by time.
 */
import { expect, test } from '@playwright/test';
import { cameraVideo } from './camera.ts';
import { makeSoakVideo } from './bench/soak/video.mjs';
import {
  gunBurst,
  gunCodes,
  networkDrop,
  openStation,
  probe,
  scansAccepted,
  settle,
  settledCounts,
  simBarcodes,
  simToken,
  wanderOff,
} from './bench/soak/station.mjs';
import { APP_URL, SIM_URL } from './servers.ts';
import { resetSim } from './serverHelpers.ts';
import { at } from './sizes.ts';

const VIDEO = await makeSoakVideo(2, 5);
test.use(cameraVideo(VIDEO));
// About two minutes of scanning on an idle machine; a busy two-core machine takes several times that.
test.describe.configure({ timeout: 15 * 60_000 });

test(
  'a kiosk station loses no scan and keeps one camera track through a short shift',
  at('desktop'),
  async ({ page, context, request }) => {
    await resetSim(request);
    await openStation(context, page, { appOrigin: APP_URL, simUrl: SIM_URL, token: await simToken(SIM_URL) });

    // The camera reads the labels as they come (some found, some unknown, some again later).
    await scansAccepted(page, 0, 20);
    const codes = gunCodes(0);
    expect(await gunBurst(page, codes)).toEqual(codes.map(() => true));
    expect(await settle(page)).toBe(0);

    // The network goes while the camera goes on reading: those scans wait, then get their answer.
    expect(await networkDrop(context, page, { scans: 3, timeout: 5 * 60_000 })).toBe(true);
    expect(await settle(page, 5 * 60_000)).toBe(0);
    expect((await probe(page)).viaQueue).toBeGreaterThanOrEqual(1);

    // Left on History; the kiosk brings it back to the station, which scans on.
    expect((await wanderOff(page, SIM_URL)).lost).toBe(0);
    const back = (await probe(page)).accepted;
    await scansAccepted(page, back, 20);
    expect(await settle(page)).toBe(0);

    const end = await settledCounts(page);
    expect(end.open).toBe(0);
    expect(end.finals).toBe(end.accepted);
    expect(end.liveTracks).toBe(1);
    expect(end.maxLiveTracks).toBe(1);
    const received = await simBarcodes(SIM_URL);
    expect(codes.filter((c) => !received.includes(c))).toEqual([]);
  },
);
