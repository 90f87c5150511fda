// The soak benchmark's table and summary, from the per-minute samples. Pure (no browser).
import { percentile } from '../benchHarness.mjs';

const r0 = (n) => (Number.isFinite(n) ? Math.round(n) : '-');
const r1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : '-');

/**
 * Warm-up excluded from the heap comparison: the decoder, caches and the first page of the log fill
 * up, and in runs of 10 minutes or more the station does each of its jobs once (warmupEvents), so
 * the code V8 compiles for a path first taken later is not counted as growth.
 */
export function warmupMinutes(minutes) {
  return minutes >= 10 ? 3 : minutes >= 3 ? 1 : 0;
}

/**
 * The jobs done once inside the warm-up (minutes from the start): History first, since the kiosk's
 * return starts the page's log afresh and it must be full again when the comparison starts; then a
 * network drop and a gun burst.
 */
export function warmupEvents(minutes) {
  if (minutes < 10) return [];
  return [
    { at: 0.3, kind: 'idle' },
    { at: 0.9, kind: 'offline' },
    { at: 1.4, kind: 'gun' },
  ];
}

/**
 * samples[i]: the sample at minute i (0 = station ready); each carries the latencies of the scans
 * finished since the one before. Returns the printed lines (table, comparisons, the last line).
 */
/**
 * A scan that ended within this long after a station event's end is counted as near it: a gun
 * burst's five lookups queue for a few seconds; after a drop the queue drains; a kiosk return
 * mounts the page again and restarts the camera and its decoder.
 */
export const AFTER_EVENT_MS = { gun: 10_000, 'network drop': 30_000, 'kiosk return': 45_000 };

/**
 * The scans of samples[from, to) split into those that ended during or just after a station event
 * (a kiosk return remounts the page and restarts camera and decoder; a drop drains the queue; a gun
 * burst queues five lookups) and the steady rest: their counts and p95s. `marks`: { kind, from, to }.
 */
export function splitByEvents(samples, from, to, marks) {
  const near = { ms: [], kinds: {} };
  const steady = [];
  for (const s of samples.slice(from, to)) {
    s.latencies.forEach((ms, i) => {
      const at = s.latencyAt?.[i];
      const m =
        at === undefined ? null : marks.find((e) => at >= e.from && at <= e.to + (AFTER_EVENT_MS[e.kind] ?? 30_000));
      if (m) {
        near.ms.push(ms);
        near.kinds[m.kind] = (near.kinds[m.kind] ?? 0) + 1;
      } else steady.push(ms);
    });
  }
  const p95 = (xs) =>
    r0(
      percentile(
        [...xs].sort((a, b) => a - b),
        95,
      ),
    );
  const kinds = Object.entries(near.kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  return `${steady.length} steady p95 ${p95(steady)} ms, ${near.ms.length} near an event${kinds ? ` (${kinds})` : ''} p95 ${p95(near.ms)} ms`;
}

export function soakReport({ minutes, samples, scans, lost, notes = [], marks = null }) {
  const lines = [];
  const head = [
    'min',
    'scans',
    'open',
    'heap MB',
    'dom',
    'nodes',
    'listeners',
    'tracks',
    'idb KB',
    'decode/s',
    'p95 ms',
    'page',
  ];
  const rows = samples.map((s, i) => {
    const prev = samples[i - 1];
    const seconds = prev ? (s.at - prev.at) / 1000 : NaN;
    const decode =
      prev && s.workerReplies >= prev.workerReplies ? (s.workerReplies - prev.workerReplies) / seconds : NaN;
    const lat = [...s.latencies].sort((a, b) => a - b);
    return [
      String(i),
      String(s.accepted),
      String(s.open),
      r1(s.heapMB),
      String(s.dom),
      String(s.nodes),
      String(s.listeners),
      `${s.liveTracks}/${s.maxLiveTracks}`,
      String(r0(s.idbKB)),
      r1(decode),
      lat.length ? String(r0(percentile(lat, 95))) : '-',
      s.path,
    ];
  });
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const fmt = (r) => r.map((v, c) => (c === r.length - 1 ? v : v.padStart(widths[c]))).join('  ');
  lines.push(fmt(head), ...rows.map(fmt));

  const w = Math.min(warmupMinutes(minutes), samples.length - 1);
  const start = samples[w];
  const end = samples[samples.length - 1];
  const growth = ((end.heapMB - start.heapMB) / start.heapMB) * 100;
  const all = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  // Start and end windows of the scan-to-result time: the first and last five minutes (or thirds).
  const span = Math.max(1, Math.min(5, Math.floor((samples.length - 1 - w) / 3)));
  const window = (from, to) =>
    samples
      .slice(from, to)
      .flatMap((s) => s.latencies)
      .sort((a, b) => a - b);
  const early = window(w + 1, w + 1 + span);
  const late = window(samples.length - span, samples.length);
  const maxTracks = Math.max(...samples.map((s) => s.maxLiveTracks));
  // A kiosk return resets the page's log, so the end can look small after a long climb: the peak says.
  const peak = samples.slice(w).reduce((a, b) => (b.heapMB > a.heapMB ? b : a));
  const peakDom = Math.max(...samples.slice(w).map((s) => s.dom));
  lines.push(
    ...notes,
    `warm-up ${w} min; heap ${r1(start.heapMB)} → ${r1(end.heapMB)} MB, listeners ${start.listeners} → ${end.listeners}, ` +
      `nodes ${start.nodes} → ${end.nodes}, most camera tracks live at once ${maxTracks}; ` +
      `after the warm-up the heap peaked at ${r1(peak.heapMB)} MB (minute ${samples.indexOf(peak)}), the DOM at ${peakDom} elements`,
    `scan-to-result p95: first ${span} min ${r0(percentile(early, 95))} ms (${early.length} scans), ` +
      `last ${span} min ${r0(percentile(late, 95))} ms (${late.length} scans); median overall ${r0(percentile(all, 50))} ms`,
    ...(marks
      ? [
          `  first ${span} min: ${splitByEvents(samples, w + 1, w + 1 + span, marks)}`,
          `  last ${span} min: ${splitByEvents(samples, samples.length - span, samples.length, marks)}`,
        ]
      : []),
    `soak ${minutes} min: scans ${scans}, lost ${lost}, heap start ${r1(start.heapMB)} MB end ${r1(end.heapMB)} MB ` +
      `(growth ${r1(growth)}%), dom start ${start.dom} end ${end.dom}, p95 result ms ${r0(percentile(all, 95))}`,
  );
  return lines;
}
