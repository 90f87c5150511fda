// The latency bench's breakdown of one run (from the page's probe record `t`, with the frame
// loop's trace in t.frames) and the medians of each step over a case's runs.
import { percentile } from './benchHarness.mjs';

/**
 * Where one run's time went, in ms after the barcode frame was presented: the frame loop picked
 * up a barcode frame (`attempt`), the worker answered on it (`answer`), the first read of the code
 * (a weak-check code: the first frame on which a confirmation pass ran, i.e. a read waited for a
 * second opinion), the accepted read (`agreed`, with the number of barcode frames decoded up to
 * it and whether the second opinion came from the same frame), scan shown, result shown.
 * A weak-check code's first read is the frame where it was held for a second camera frame (or, in
 * a build without that rule, the first frame on which a same-frame confirmation pass ran).
 */
export function breakdown(t) {
  const code = (t.frames ?? []).filter((f) => f.presentedAt >= t.codeEnter - 0.5);
  const rel = (v) => (v === undefined || v === null ? null : v - t.codeEnter);
  const first = code[0];
  const firstRead = code.find((f) => f.read || f.held || f.passes.some((p) => p.id.includes('+')));
  const acceptedAt = code.findIndex((f) => f.read);
  const accepted = code[acceptedAt];
  return {
    attempt: rel(first?.grabAt),
    sent: rel(first?.sentAt),
    answer: rel(first?.answeredAt),
    firstRead: rel(firstRead?.answeredAt),
    agreed: rel(accepted?.answeredAt),
    framesToAgree: acceptedAt + 1,
    sameFrame: accepted ? accepted === firstRead : null,
    pass: accepted?.read.engine ?? null,
    workerMs: code.slice(0, acceptedAt + 1).map((f) => Math.round(f.workerMs)),
    scan: rel(t.scanShown),
    result: rel(t.resultShown),
  };
}

export function describeBreakdown(b) {
  const ms = (v) => (v === null ? '–' : v.toFixed(0));
  return (
    `attempt ${ms(b.attempt)}, answer ${ms(b.answer)}, first read ${ms(b.firstRead)}, agreed ${ms(b.agreed)} ` +
    `(frame ${b.framesToAgree}${b.sameFrame ? ', same frame' : ''}, ${b.pass}; worker ${b.workerMs.join('+')} ms), ` +
    `scan ${ms(b.scan)}, result ${ms(b.result)}`
  );
}

/** Median of each step of the breakdown: a load-independent picture of where the time goes. */
export function stepMedians(samples) {
  const steps = [
    ['presented→attempt', (b) => b.attempt],
    ['attempt→answer', (b) => diff(b.answer, b.attempt)],
    // Part of attempt→answer: drawing the video frame and reading its pixels on the main thread.
    ['grab (attempt→sent)', (b) => diff(b.sent ?? null, b.attempt)],
    ['answer→first read', (b) => diff(b.firstRead, b.answer)],
    ['first read→agreed', (b) => diff(b.agreed, b.firstRead)],
    ['agreed→scan shown', (b) => diff(b.scan, b.agreed)],
    ['scan→result shown', (b) => diff(b.result, b.scan)],
  ];
  const parts = steps.map(([label, f]) => {
    const v = samples
      .map((s) => f(s.breakdown))
      .filter((x) => x !== null)
      .sort((a, b) => a - b);
    return `${label} ${v.length ? percentile(v, 50).toFixed(0) : '–'}`;
  });
  const frames = samples.map((s) => s.breakdown.framesToAgree).sort((a, b) => a - b);
  const same = samples.filter((s) => s.breakdown.sameFrame).length;
  return `${parts.join(', ')}; frames decoded to the accepted read: median ${percentile(frames, 50)}, accepted on one frame in ${same}/${samples.length}`;
}

function diff(a, b) {
  return a === null || b === null ? null : a - b;
}
