/**
 * Boot: pick the backend from the remembered connection. Demo mode (the default) starts the
 * simulation's service worker BEFORE the first render, so the app's very first request is answered
 * by it; the simulation is a dynamic import, so MSW and the dataset stay out of the first chunk.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import type { DemoBackend } from './app/demoBackend.ts';
import { loadConnection } from './connection/connectionStore.ts';
import type { DemoControls } from './mock/browser.ts';
import { registerAppShell, SERVICE_WORKER_URL } from './app/pwa/registerAppShell.ts';
import { loadDemoApiVersion } from './app/demoApiVersion.ts';
import { i18n, initI18n } from './i18n/i18n.ts';
import { followManifestLanguage } from './app/pwa/manifestLanguage.ts';

function createDemoBackend(): DemoBackend {
  let controls: DemoControls | null = null;
  let starting: Promise<void> | null = null;
  let problem: string | null = null;
  return {
    isRunning: () => controls !== null,
    problem: () => problem,
    start() {
      if (controls) return Promise.resolve();
      starting ??= import('./mock/browser.ts')
        .then((m) => m.startDemo({ serviceWorkerUrl: SERVICE_WORKER_URL, apiVersion: loadDemoApiVersion() }))
        .then((c) => {
          controls = c;
          problem = null;
        })
        .catch((e: unknown) => {
          problem = demoStartProblem(e);
          throw e;
        })
        .finally(() => {
          starting = null;
        });
      return starting;
    },
    async stop() {
      controls?.stop();
      controls = null;
    },
    async reset() {
      if (!controls) await this.start();
      await controls?.reset();
    },
  };
}

/** Service workers (and so the demo) need a secure context, like the camera. */
function demoStartProblem(e: unknown): string {
  if (!window.isSecureContext || !('serviceWorker' in navigator)) {
    return i18n.t('app:boot.demoNeedsSecureContext');
  }
  const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
  return i18n.t('app:boot.demoFailed', { detail });
}

async function boot(): Promise<void> {
  const root = document.getElementById('root')!;
  // The app shell works offline in both modes; in demo mode MSW registers the same worker again.
  registerAppShell();
  // The active language's catalogues first (small chunks): the very first text is already in it.
  await initI18n();
  followManifestLanguage();
  const demo = createDemoBackend();
  if (loadConnection().mode === 'demo') {
    // Plain DOM while the simulation loads (React is not rendered yet).
    const note = document.createElement('p');
    note.textContent = i18n.t('app:boot.startingDemo');
    note.setAttribute('role', 'status');
    note.style.cssText = 'font-family:system-ui,sans-serif;text-align:center;margin-top:40vh;color:#868e96';
    root.replaceChildren(note);
    // A failed start is shown by the app (with a way to use a real server); never a blank page.
    await demo.start().catch(() => undefined);
  }
  root.replaceChildren();
  createRoot(root).render(
    <StrictMode>
      <App demo={demo} />
    </StrictMode>,
  );
}

void boot();
