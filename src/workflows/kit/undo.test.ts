import { describe, expect, it } from 'vitest';
import { mayStart, offered, sending, settled, undoFailureText } from './undo.ts';

const unlink = offered({ label: 'Unlink', confirm: 'Stock item #5 loses this barcode.', ref: 'stockitem:5' });
const correct = offered({
  label: 'Correct quantity',
  confirm: 'Counts stock item #9 to the quantity you enter.',
  ref: '9',
  ask: { label: 'Quantity', value: 100 },
});

describe('undo from a log line', () => {
  it('starts once: not while sending, not after done', () => {
    expect(mayStart(unlink, null)).toBe(true);
    expect(mayStart(sending(unlink), null)).toBe(false);
    const done = settled(sending(unlink), { kind: 'answered', value: 'Undone: barcode unlinked.' });
    expect(done).toMatchObject({ status: 'done', note: 'Undone: barcode unlinked.' });
    expect(mayStart(done, null)).toBe(false);
    expect(mayStart(undefined, null)).toBe(false);
  });

  it('a correction needs a number of zero or more', () => {
    expect(mayStart(correct, null)).toBe(false);
    expect(mayStart(correct, -1)).toBe(false);
    expect(mayStart(correct, Number.NaN)).toBe(false);
    expect(mayStart(correct, 0)).toBe(true);
    expect(mayStart(correct, 45)).toBe(true);
  });

  it('a refused undo says why and is offered again', () => {
    const failed = settled(sending(unlink), {
      kind: 'failed',
      failure: {
        status: 403,
        body: { detail: 'You do not have permission to perform this action.' },
        message: 'x',
        nextStep: null,
      },
    });
    expect(failed.status).toBe('failed');
    expect(failed.note).toMatch(/^Not undone: /);
    expect(mayStart(failed, null)).toBe(true);
  });

  it('uses the kit’s words for no answer, signed out and server errors, the server’s own reason otherwise', () => {
    const f = (status: number, body: unknown = null) => ({
      status,
      body,
      message: 'The server could not be reached.',
      nextStep: null,
    });
    expect(undoFailureText(f(0))).toBe('The server could not be reached.');
    expect(undoFailureText(f(401))).toBe('You are signed out. Sign in again in Settings.');
    expect(undoFailureText(f(500))).toBe('The server failed (HTTP 500). Nothing was undone.');
    expect(undoFailureText(f(400, { error: 'Could not unassign barcode' }))).toBe('Could not unassign barcode');
    expect(undoFailureText(f(403), { forbidden: 'Your user may not delete allocations.' })).toBe(
      'Your user may not delete allocations.',
    );
  });
});
