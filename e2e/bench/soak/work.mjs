// What each scan costs, in counts that a loaded machine does not change (--work): React commits and
// components rendered (a devtools-style hook installed before the app), the query cache's size, and
// the page's requests and response bytes per path; plus CPU profiles of a few scans early and late
// (--cpu-profile), compared by each function's share of the profiled time.

/** Installed before the app (context.addInitScript): counts React commits and rendered components. */
export function reactCounter() {
  if (window.__soakReact) return;
  const r = { commits: 0, rendered: 0, mounted: 0, roots: new Set() };
  window.__soakReact = r;
  // Function, class, forwardRef, memo, simple memo components: the ones whose render is user code.
  const COMPONENT = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  // Like React DevTools: only where a child pointer changed did React work in this commit.
  const walk = (next, prev) => {
    const stack = [[next, prev]];
    while (stack.length) {
      const [n, p] = stack.pop();
      if (COMPONENT.has(n.tag)) {
        if (!p) r.mounted += 1;
        else if ((n.flags & PERFORMED_WORK) !== 0) r.rendered += 1;
      }
      if (p && n.child === p.child) continue;
      for (let c = n.child; c; c = c.sibling) stack.push([c, c.alternate]);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject(renderer) {
      const id = this.renderers.size + 1;
      this.renderers.set(id, renderer);
      return id;
    },
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      r.commits += 1;
      r.roots.add(root);
      const current = root.current;
      walk(current, current.alternate);
    },
    checkDCE() {},
  };
}

/** Read in the page: the React counters, the fiber tree's size and the query cache's contents. */
export function readWork() {
  const r = window.__soakReact;
  if (!r) return null;
  let fibers = 0;
  let client = null;
  for (const root of r.roots) {
    const stack = [root.current];
    while (stack.length) {
      const f = stack.pop();
      fibers += 1;
      if (!client && f.memoizedProps?.client?.getQueryCache) client = f.memoizedProps.client;
      for (let c = f.child; c; c = c.sibling) stack.push(c);
    }
  }
  const queries = client ? client.getQueryCache().getAll() : [];
  const byKey = {};
  let observers = 0;
  for (const q of queries) {
    const k = String(q.queryKey?.[0] ?? '?');
    byKey[k] = (byKey[k] ?? 0) + 1;
    observers += q.getObserversCount();
  }
  const mutations = client ? client.getMutationCache().getAll().length : 0;
  return {
    commits: r.commits,
    rendered: r.rendered,
    mounted: r.mounted,
    fibers,
    queries: queries.length,
    queryObservers: observers,
    queryKeys: byKey,
    mutations,
  };
}

/** Requests and encoded response bytes per path (query string dropped), counted over CDP. */
export async function networkCounter(cdp) {
  const urls = new Map();
  const totals = new Map();
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.request.method === 'OPTIONS') return;
    const u = new URL(e.request.url);
    if (!u.pathname.startsWith('/api/')) return;
    urls.set(e.requestId, `${e.request.method} ${u.pathname.replace(/\/\d+\//g, '/N/')}`);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const key = urls.get(e.requestId);
    if (!key) return;
    urls.delete(e.requestId);
    const t = totals.get(key) ?? { n: 0, bytes: 0 };
    t.n += 1;
    t.bytes += e.encodedDataLength;
    totals.set(key, t);
  });
  return () => Object.fromEntries([...totals].map(([k, v]) => [k, { ...v }]));
}

/** Per-scan figures between two work readings (network totals and page readings). */
export function perScan(before, after, scans) {
  const d = (k) => (after.page[k] - before.page[k]) / Math.max(1, scans);
  const net = {};
  for (const [k, v] of Object.entries(after.net)) {
    const b = before.net[k] ?? { n: 0, bytes: 0 };
    if (v.n > b.n) net[k] = { perScan: (v.n - b.n) / Math.max(1, scans), bytesEach: (v.bytes - b.bytes) / (v.n - b.n) };
  }
  return {
    commits: d('commits'),
    rendered: d('rendered'),
    mounted: d('mounted'),
    layouts: d('layouts'),
    styles: d('styles'),
    fibers: after.page.fibers,
    queries: after.page.queries,
    queryKeys: after.page.queryKeys,
    net,
  };
}

/** Profile the page while it accepts `scans` scans; returns the CPU profile. */
export async function profileScans(page, cdp, scans, timeout = 300_000) {
  const from = await page.evaluate(() => window.__soak?.accepted ?? 0);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    await page.waitForFunction((target) => (window.__soak?.accepted ?? 0) >= target, from + scans, {
      timeout,
      polling: 500,
    });
  } catch {
    /* profile what there was */
  }
  const { profile } = await cdp.send('Profiler.stop');
  return profile;
}

/** Self time per function (name url:line), as a share of the non-idle profiled time. */
export function selfShares(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const cf = n.callFrame;
    const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
  }
  let busy = 0;
  for (const [k, v] of self) if (!k.startsWith('(idle)') && !k.startsWith('(program)')) busy += v;
  return { busyMs: busy / 1000, shares: new Map([...self].map(([k, v]) => [k, v / Math.max(1, busy)])) };
}

/** Lines comparing two profiles: busy time per scan and the functions whose share changed most. */
export function compareProfiles(early, late, scans, top = 15) {
  const a = selfShares(early);
  const b = selfShares(late);
  const keys = new Set([...a.shares.keys(), ...b.shares.keys()].filter((k) => !/^\((idle|program)\)/.test(k)));
  const rows = [...keys]
    .map((k) => ({ k, a: (a.shares.get(k) ?? 0) * 100, b: (b.shares.get(k) ?? 0) * 100 }))
    .sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b))
    .slice(0, top);
  return [
    `cpu profile: busy ${(a.busyMs / scans).toFixed(1)} ms/scan early, ${(b.busyMs / scans).toFixed(1)} ms/scan late (${scans} scans each)`,
    ...rows.map((r) => `  ${r.a.toFixed(1).padStart(5)}% → ${r.b.toFixed(1).padStart(5)}%  ${r.k}`),
  ];
}
