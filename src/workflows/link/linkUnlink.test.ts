import { describe, expect, it } from 'vitest';
import { type LinkState, fromScan, initialLinkState, linkStep } from './linkMachine.ts';
import { transcript, reply, answerOf, scan, item231, item325 } from './testing/linkReplies.ts';

describe('unlink', () => {
  function unlinkThrough(target: { model: 'stockitem' | 'part'; pk: number }, name: string): LinkState {
    let s = initialLinkState({ target });
    s = linkStep(s, { type: 'askUnlink' }).state;
    expect(s.confirmingUnlink).toBe(true);
    const step = linkStep(s, { type: 'confirmUnlink' });
    expect(step.effect).toEqual({ kind: 'unlink', target });
    expect(transcript(name).request.body).toEqual({ [target.model]: target.pk });
    return linkStep(step.state, reply(step.state, answerOf(name))).state;
  }

  it('asks for confirmation and can be cancelled', () => {
    let s = linkStep(initialLinkState({ target: item231 }), { type: 'askUnlink' }).state;
    s = linkStep(s, { type: 'cancelUnlink' }).state;
    expect(s.confirmingUnlink).toBe(false);
    expect(linkStep(initialLinkState(), { type: 'askUnlink' }).state.confirmingUnlink).toBe(false);
  });

  it('unlinks a stock item (061) and a part (067)', () => {
    expect(unlinkThrough(item231, '061-unlink-stockitem').outcome).toEqual({ kind: 'unlinked', target: item231 });
    expect(unlinkThrough({ model: 'part', pk: 69 }, '067-unlink-part').outcome).toEqual({
      kind: 'unlinked',
      target: { model: 'part', pk: 69 },
    });
  });

  it('an item without a custom barcode still reports success (066)', () => {
    expect(unlinkThrough(item325, '066-unlink-no-barcode-assigned').outcome).toEqual({
      kind: 'unlinked',
      target: item325,
    });
  });

  it('403 explains the missing right (060)', () => {
    const out = unlinkThrough(item231, '060-unlink-other-user-forbidden').outcome;
    expect(out).toMatchObject({ kind: 'error', reason: 'forbidden' });
    expect((out as { message: string }).message).toContain('stock_stockitem');
  });

  it('a nonexistent object is named (065)', () => {
    expect(unlinkThrough({ model: 'stockitem', pk: 999999 }, '065-unlink-bad-pk').outcome).toMatchObject({
      kind: 'error',
      reason: 'notFound',
    });
  });

  it('the server-side "missing data" and "multiple fields" errors are shown (063, 064)', () => {
    for (const name of ['063-unlink-no-target', '064-unlink-multiple-targets']) {
      let s = linkStep(initialLinkState({ target: item231 }), { type: 'confirmUnlink' }).state;
      s = linkStep(s, reply(s, answerOf(name))).state;
      expect(s.outcome?.kind).toBe('error');
    }
    let s = linkStep(initialLinkState({ target: item231 }), { type: 'confirmUnlink' }).state;
    s = linkStep(s, reply(s, answerOf('064-unlink-multiple-targets'))).state;
    expect(s.outcome).toMatchObject({ message: expect.stringContaining('Multiple conflicting fields') });
  });
});

describe('link: kept in the offline queue', () => {
  it('a queued link is a finished step: the barcode is used up and the next scan is linked at once', () => {
    let step = linkStep(initialLinkState({ target: item231 }), { type: 'scan', scan: scan('ACME-1') });
    step = linkStep(step.state, { type: 'scan', scan: scan('ACME-2') });
    step = linkStep(step.state, { type: 'queued', id: 'q1', reason: 'You are offline.' });
    expect(step.state.outcome).toEqual({
      kind: 'queued',
      target: item231,
      barcode: 'ACME-1',
      queueId: 'q1',
      reason: 'You are offline.',
    });
    expect(step.effect).toEqual({ kind: 'link', barcode: 'ACME-2', target: item231 });
    expect(fromScan({ type: 'queued', id: 'q1', reason: null }, step)).toBe(true);
    step = linkStep(step.state, { type: 'queued', id: 'q2', reason: null });
    expect(step.effect).toBeNull();
    expect(step.state).toMatchObject({ inFlight: null, barcode: null, queue: [] });
  });

  it('a confirmed pending barcode that is queued is no longer pending; an unlink is never "queued"', () => {
    let s = linkStep(initialLinkState({ target: item231, barcode: 'ACME-9' }), { type: 'confirmLink' }).state;
    s = linkStep(s, { type: 'queued', id: 'q1', reason: null }).state;
    expect(s.barcode).toBeNull();
    expect(s.outcome).toMatchObject({ kind: 'queued', barcode: 'ACME-9' });
    const unlinking = linkStep(initialLinkState({ target: item231 }), { type: 'confirmUnlink' }).state;
    expect(linkStep(unlinking, { type: 'queued', id: 'q2', reason: null }).state).toBe(unlinking);
  });
});
