import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './e2e/camera.ts';
import { APP_PORT, APP_URL, SIM_BASE_PORT, SIM_SERVERS } from './e2e/servers.ts';
import { projectFilter } from './e2e/sizes.ts';

/**
 * End-to-end tests run the BUILT app (`vite build` first; `npm run test:e2e` does both) under
 * `vite preview`, in Debian's Chromium (never a downloaded browser). The simulation also runs as a
 * real HTTP server on another port for server-mode tests (cross-origin, preflight, token header).
 * Camera tests pick their .y4m per describe via `test.use({ launchOptions })` (see e2e/camera.ts).
 */

// E2E_OUT_DIR: serve a build from elsewhere than dist/ (`vite build --outDir …`), so a local run is
// not disturbed by another build rewriting dist/ meanwhile.
const OUT_DIR = process.env.E2E_OUT_DIR;

// Default picture is Chromium's test pattern; camera specs add --use-file-for-fake-video-capture.
const chromium = { executablePath: CHROMIUM, args: CHROMIUM_FLAGS };

const webServer = [
  {
    command: `npx vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort${OUT_DIR ? ` --outDir ${OUT_DIR}` : ''}`,
    url: APP_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
  ...(existsSync('e2e/simServer.ts')
    ? [
        {
          // One simulation per parallel worker (see e2e/servers.ts).
          command: `npx tsx e2e/simServer.ts --port ${SIM_BASE_PORT} --count ${SIM_SERVERS}`,
          url: `http://127.0.0.1:${SIM_BASE_PORT}/api/`,
          reuseExistingServer: !process.env.CI,
          timeout: 120_000,
        },
      ]
    : []),
];

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './e2e/globalSetup.ts',
  fullyParallel: false,
  // Two shared cores: more workers only make camera decoding slower.
  workers: process.env.CI ? 2 : 1,
  // One retry in CI only: camera and key-timing tests depend on a machine that may be busy.
  retries: process.env.CI ? 1 : 0,
  // A pass on a retry is listed by e2e/flakyReporter.ts; E2E_FAIL_ON_FLAKY=1 makes it fail the run.
  failOnFlakyTests: process.env.E2E_FAIL_ON_FLAKY === '1',
  timeout: 120_000,
  // Shared 2-core machines: the demo's simulation chunk alone takes seconds to parse under load.
  expect: { timeout: 30_000 },
  reporter: [['list'], ...(process.env.CI ? [['html', { open: 'never' }] as const] : []), ['./e2e/flakyReporter.ts']],
  use: {
    baseURL: APP_URL,
    launchOptions: chromium,
    permissions: ['camera'],
    // Tracing snapshots the page at every action, a cost that grows with the page: in CI only the
    // retry of a failed test is traced; locally every failure keeps its trace.
    trace: process.env.CI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
  },
  webServer,
  projects: [
    {
      name: 'phone',
      ...projectFilter('phone'),
      use: {
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
      },
    },
    {
      name: 'tablet',
      ...projectFilter('tablet'),
      use: { browserName: 'chromium', viewport: { width: 820, height: 1180 }, hasTouch: true },
    },
    {
      name: 'desktop',
      ...projectFilter('desktop'),
      use: { browserName: 'chromium', viewport: { width: 1366, height: 900 } },
    },
  ],
});
