// The one send-or-queue rule every page uses: what goes to the queue, with which reason and doubt,
// and what stays the page's to read.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError.ts';
import type { NewAction } from './queueMachine.ts';
import { queueLogLine } from './queueLogLine.ts';
import { createAction } from './queueMachine.ts';
import { sendOrQueue, type WriteQueue } from './sendOrQueue.ts';

const input: Omit<NewAction, 'uncertain' | 'problem'> = {
  kind: 'po-receive',
  path: '/api/barcode/po-receive/',
  body: { barcode: 'LABEL', purchase_order: 1, location: 7 },
  barcode: 'LABEL',
  source: 'wedge',
  format: null,
  at: 1,
  server: 'http://inventree.test',
  route: '/purchasing/receive',
  context: 'PO0001, into Electronics Lab',
};

function fakeQueue(shouldQueue = false) {
  const stored: NewAction[] = [];
  const queue: WriteQueue = {
    shouldQueue: () => shouldQueue,
    enqueue: async (i) => {
      stored.push(i);
      return { id: `q${stored.length}` };
    },
  };
  return { queue, stored };
}

const fails = (e: unknown) => () => Promise.reject(e);

describe('sendOrQueue', () => {
  it('while the queue says so, the action is queued without a request', async () => {
    const { queue, stored } = fakeQueue(true);
    let called = false;
    const r = await sendOrQueue(queue, input, async () => (called = true));
    expect(r).toEqual({ queued: true, id: 'q1', reason: null });
    expect(called).toBe(false);
    expect(stored).toEqual([input]);
  });

  it('an answer, good or bad, is the caller’s; so are failures the queue does not take', async () => {
    const { queue, stored } = fakeQueue();
    expect(await sendOrQueue(queue, input, async () => 42)).toEqual({ queued: false, sent: 42 });
    const refused = new ApiError({ kind: 'http', status: 400, message: 'Item has already been received' });
    await expect(sendOrQueue(queue, input, fails(refused))).rejects.toBe(refused);
    const crash = new ApiError({ kind: 'http', status: 500, message: 'The server failed.' });
    await expect(sendOrQueue(queue, input, fails(crash))).rejects.toBe(crash);
    expect(stored).toEqual([]);
  });

  it('no answer, 502–504 and 401 are queued with why, and with doubt only when the request may have arrived', async () => {
    const { queue, stored } = fakeQueue();
    const timeout = new ApiError({
      kind: 'timeout',
      message: 'The server did not answer in time.',
      nextStep: 'Check the connection.',
    });
    expect(await sendOrQueue(queue, input, fails(timeout))).toEqual({
      queued: true,
      id: 'q1',
      reason: 'The server did not answer in time. Check the connection.',
    });
    expect(stored[0]).toMatchObject({ uncertain: true, problem: { message: 'The server did not answer in time.' } });
    await sendOrQueue(queue, input, fails(new ApiError({ kind: 'http', status: 503, message: 'Unavailable.' })));
    expect(stored[1]).toMatchObject({ uncertain: false });
    await sendOrQueue(
      queue,
      input,
      fails(new ApiError({ kind: 'http', status: 401, message: 'Your sign-in token has expired.' })),
    );
    expect(stored[2]).toMatchObject({ uncertain: false, problem: { message: 'Your sign-in token has expired.' } });
  });

  it('outside server mode, without a queue, or after the page went away, nothing is queued', async () => {
    const { queue, stored } = fakeQueue(true);
    const down = new ApiError({ kind: 'network', message: 'Cannot reach the server.' });
    await expect(sendOrQueue(queue, { ...input, server: '' }, fails(down))).rejects.toBe(down);
    await expect(sendOrQueue(null, input, fails(down))).rejects.toBe(down);
    await expect(sendOrQueue(fakeQueue().queue, null, fails(down))).rejects.toBe(down);
    const abort = new AbortController();
    abort.abort();
    const aborted = new ApiError({ kind: 'aborted', message: 'Cancelled.' });
    await expect(sendOrQueue(fakeQueue().queue, input, fails(aborted), abort.signal)).rejects.toBe(aborted);
    expect(stored).toEqual([]);
  });

  it('the log line says what a queued write was about', () => {
    const item = createAction([], input, 'id1', 0);
    expect(queueLogLine(item)).toEqual({
      tone: 'queued',
      result: 'Waiting to be sent when the server can be reached · PO0001, into Electronics Lab',
    });
  });
});
