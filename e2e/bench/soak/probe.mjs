// Installed in the page before the app runs (context.addInitScript): what the soak benchmark counts
// without touching the app's code. Everything it keeps is bounded, so the probe itself does not
// grow the heap it helps to measure.
//  - camera tracks: getUserMedia is wrapped; the video tracks it handed out that are still live;
//  - decoding: messages the page's workers answer (the decoder worker answers once per frame);
//  - scans: session-log rows (data-testid="session-log-entry") seen by a MutationObserver, keyed by
//    their barcode text and scan time (a row re-rendered or re-mounted is the same scan). A row that
//    appears "pending"/"queued"/"sending" is open until its data-tone is a final outcome; the time in
//    between is its scan-to-result time (rows that waited in the offline queue are counted apart).

/** The page-side probe; a plain function so Playwright can serialise it. */
export function soakProbe() {
  if (window.__soak) return;
  const FINAL = new Set(['success', 'notFound', 'repeat', 'error', 'info']);
  const s = {
    tracks: [],
    maxLiveTracks: 0,
    gum: 0,
    workerReplies: 0,
    workersStarted: 0,
    /** key -> { t0, queued } of rows not yet final. */
    open: new Map(),
    /** Recent final keys (a ring), so a re-mounted final row is not counted again. */
    done: new Set(),
    doneOrder: [],
    accepted: 0,
    finals: 0,
    viaQueue: 0,
    /** Drained by every sample; latencyAt[i]: when latencies[i]'s scan ended (epoch ms). */
    latencies: [],
    latencyAt: [],
    wedgeRows: 0,
  };
  window.__soak = s;

  const live = () => {
    s.tracks = s.tracks.filter((t) => t.readyState === 'live');
    return s.tracks.length;
  };
  s.liveTracks = live;
  const md = navigator.mediaDevices;
  if (md?.getUserMedia) {
    const original = md.getUserMedia.bind(md);
    md.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      s.gum += 1;
      for (const t of stream.getVideoTracks()) {
        s.tracks.push(t);
        t.addEventListener('ended', () => live(), { once: true });
      }
      s.maxLiveTracks = Math.max(s.maxLiveTracks, live());
      return stream;
    };
  }
  // A track may be stopped (or another started) at any time: sample the count often.
  setInterval(() => {
    s.maxLiveTracks = Math.max(s.maxLiveTracks, live());
  }, 250);

  const NativeWorker = window.Worker;
  if (NativeWorker) {
    window.Worker = class extends NativeWorker {
      constructor(...args) {
        super(...args);
        s.workersStarted += 1;
        this.addEventListener('message', () => {
          s.workerReplies += 1;
        });
      }
    };
  }

  const keyOf = (row) => {
    const time = row.querySelector('time')?.getAttribute('datetime') ?? '';
    const text = row.querySelector('[data-testid="barcode-text"]')?.textContent ?? row.textContent?.slice(0, 80) ?? '';
    return `${time}|${text}`;
  };
  const finish = (key) => {
    s.done.add(key);
    s.doneOrder.push(key);
    if (s.doneOrder.length > 2000) s.done.delete(s.doneOrder.shift());
  };
  const see = (row) => {
    const tone = row.getAttribute('data-tone') ?? '';
    const key = keyOf(row);
    if (s.done.has(key)) return;
    const entry = s.open.get(key);
    if (!entry) {
      s.accepted += 1;
      if (row.textContent?.includes('Scanner')) s.wedgeRows += 1;
      if (FINAL.has(tone)) {
        s.finals += 1;
        finish(key);
        return;
      }
      s.open.set(key, { t0: performance.now(), queued: tone === 'queued' || tone === 'sending' });
      return;
    }
    if (tone === 'queued' || tone === 'sending') entry.queued = true;
    if (FINAL.has(tone)) {
      s.open.delete(key);
      s.finals += 1;
      finish(key);
      if (entry.queued) s.viaQueue += 1;
      else {
        s.latencies.push(performance.now() - entry.t0);
        s.latencyAt.push(Date.now());
      }
    }
  };
  const scan = (node) => {
    if (!(node instanceof Element)) return;
    if (node.matches('[data-testid="session-log-entry"]')) see(node);
    const inside = node.closest('[data-testid="session-log-entry"]');
    if (inside && inside !== node) see(inside);
    for (const row of node.querySelectorAll('[data-testid="session-log-entry"]')) see(row);
  };
  const start = () =>
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') scan(r.target);
        else {
          r.addedNodes.forEach(scan);
          if (r.target instanceof Element) {
            const row = r.target.closest('[data-testid="session-log-entry"]');
            if (row) see(row);
          }
        }
      }
    }).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: false,
      attributes: true,
      attributeFilter: ['data-tone'],
    });
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

/** Read (and drain) the probe's numbers; runs in the page. */
export function readProbe() {
  const s = window.__soak;
  if (!s) return null;
  const { latencies, latencyAt } = s;
  s.latencies = [];
  s.latencyAt = [];
  return {
    liveTracks: s.liveTracks(),
    maxLiveTracks: s.maxLiveTracks,
    gum: s.gum,
    workerReplies: s.workerReplies,
    workersStarted: s.workersStarted,
    accepted: s.accepted,
    finals: s.finals,
    viaQueue: s.viaQueue,
    open: s.open.size,
    openKeys: [...s.open.keys()].slice(0, 10),
    wedgeRows: s.wedgeRows,
    latencies,
    latencyAt,
    dom: document.getElementsByTagName('*').length,
    path: location.pathname + location.search,
  };
}
