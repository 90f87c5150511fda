import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queueLogLine } from './queueLogLine.ts';
import {
  countQueue,
  createAction,
  expired,
  markSending,
  nextToSend,
  recover,
  retry,
  settle,
  type NewAction,
  type QueuedAction,
  type SendResult,
} from './queueMachine.ts';

const SERVER = 'https://inventree.example.com';
const input = (barcode: string, server = SERVER): NewAction => ({
  kind: 'scan',
  path: '/api/barcode/',
  body: { barcode },
  barcode,
  source: 'manual',
  format: null,
  at: 1,
  server,
  route: '/scan',
  context: '',
});

function queueOf(codes: string[], server = SERVER): QueuedAction[] {
  const items: QueuedAction[] = [];
  for (const [i, code] of codes.entries()) items.push(createAction(items, input(code, server), `id${i}`, 0));
  return items;
}

const replace = (items: QueuedAction[], item: QueuedAction) => items.map((i) => (i.id === item.id ? item : i));
const done: SendResult = { kind: 'done', outcome: { tone: 'success', result: 'Stock item #12' } };
const offline: SendResult = {
  kind: 'unreachable',
  maybeReached: false,
  problem: { message: 'You are offline.', nextStep: null },
};
const lost: SendResult = {
  kind: 'unreachable',
  maybeReached: true,
  problem: { message: 'Cannot reach the server.', nextStep: null },
};
const refused: SendResult = {
  kind: 'failed',
  problem: {
    message: 'The InvenTree server failed with an internal error (TypeError).',
    nextStep: 'Try a different input.',
  },
};
const expiredToken: SendResult = {
  kind: 'auth',
  problem: { message: 'Your sign-in token has been revoked on the server.', nextStep: 'Sign in again.' },
};

describe('offline queue state machine', () => {
  it('numbers actions in arrival order and sends the oldest first, one at a time', () => {
    let items = queueOf(['A', 'B', 'C']);
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3]);
    const first = nextToSend(items, SERVER)!;
    expect(first.barcode).toBe('A');
    items = replace(items, markSending(first, 1));
    expect(nextToSend(items, SERVER)).toBeNull();
    items = replace(items, settle(items[0]!, done, 2));
    expect(nextToSend(items, SERVER)?.barcode).toBe('B');
  });

  it('never sends to another server than the one it was scanned for', () => {
    const items = queueOf(['A'], 'https://other.example.com');
    expect(nextToSend(items, SERVER)).toBeNull();
  });

  it('no answer: back to queued; uncertain only when the request may have arrived', () => {
    const [a] = queueOf(['A']) as [QueuedAction];
    const off = settle(markSending(a, 1), offline, 2);
    expect(off).toMatchObject({ status: 'queued', uncertain: false, attempts: 1 });
    expect(queueLogLine(off)).toEqual({ tone: 'queued', result: 'Waiting to be sent (You are offline)' });
    expect(settle(markSending(a, 1), lost, 2)).toMatchObject({ status: 'queued', uncertain: true });
  });

  it('a 401 keeps it queued (nothing was done) until a new sign-in', () => {
    const [a] = queueOf(['A']) as [QueuedAction];
    const s = settle(markSending(a, 1), expiredToken, 2);
    expect(s).toMatchObject({ status: 'queued', uncertain: false });
    expect(s.problem?.message).toMatch(/revoked/);
  });

  it('a refusal is failed and shown, never dropped; retry puts it back, keeping its place', () => {
    const [a] = queueOf(['A']) as [QueuedAction];
    const f = settle(markSending(a, 1), refused, 2);
    expect(f.status).toBe('failed');
    expect(queueLogLine(f)).toEqual({
      tone: 'error',
      result: 'Not sent: The InvenTree server failed with an internal error (TypeError). Try a different input.',
    });
    expect(nextToSend([f], SERVER)).toBeNull();
    const again = retry(f, 3);
    expect(again).toMatchObject({ status: 'queued', seq: 1 });
    expect(again.outcome).toBeUndefined();
  });

  it('a failed action does not hold up the ones behind it', () => {
    let items = queueOf(['A', 'B']);
    items = replace(items, settle(markSending(items[0]!, 1), refused, 2));
    expect(nextToSend(items, SERVER)?.barcode).toBe('B');
  });

  it('after a reload, an action left "sending" is queued again as uncertain', () => {
    const items = queueOf(['A', 'B']);
    const cut = replace(items, markSending(items[0]!, 1));
    const back = recover(cut, 5);
    expect(back[0]).toMatchObject({ status: 'queued', uncertain: true, attempts: 1 });
    expect(back[1]).toBe(cut[1]);
  });

  it('done outcomes say they came from the queue; old done actions expire, waiting ones never', () => {
    const [a, b] = queueOf(['A', 'B']) as [QueuedAction, QueuedAction];
    const d = settle(markSending(a, 1), done, 1000);
    expect(queueLogLine(d)).toEqual({ tone: 'success', result: 'Stock item #12 (sent from the queue)' });
    expect(expired([d, b], 1000 + 13 * 3600_000)).toEqual([d.id]);
    expect(expired([d, b], 1000 + 3600_000)).toEqual([]);
  });

  it('property: whatever the answers, every action is sent in order, at most once after a definite answer, and none is lost', () => {
    const outcome = fc.constantFrom<SendResult>(done, offline, lost, refused, expiredToken);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.array(outcome, { minLength: 1, maxLength: 200 }),
        (n, answers) => {
          let items = queueOf(Array.from({ length: n }, (_, i) => `C${i}`));
          const sentOrder: string[] = [];
          const finished = new Set<string>();
          for (const answer of answers) {
            const next = nextToSend(items, SERVER);
            if (!next) break;
            // Never a second send of something already decided.
            expect(finished.has(next.id)).toBe(false);
            sentOrder.push(next.barcode);
            const settled = settle(markSending(next, 0), answer, 0);
            if (settled.status === 'done' || settled.status === 'failed') finished.add(next.id);
            items = replace(items, settled);
          }
          // First attempts follow scan order.
          const firsts = sentOrder.filter((c, i) => sentOrder.indexOf(c) === i);
          expect(firsts).toEqual([...firsts].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1))));
          const c = countQueue(items);
          expect(c.queued + c.sending + c.done + c.failed).toBe(n);
          expect(c.sending).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
