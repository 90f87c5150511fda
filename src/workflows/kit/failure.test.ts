import { describe, expect, it } from 'vitest';
import type { RequestFailure } from '../../api/httpAnswer.ts';
import { failureOutcome, serverReason, stockWriteFailure } from './failure.ts';

const failed = (status: number, body: unknown = null, message = 'Failed to fetch'): RequestFailure => ({
  status,
  body,
  message,
  nextStep: null,
});

describe('one failure mapping for every workflow', () => {
  it('no answer: the API layer’s sentence', () => {
    expect(failureOutcome(failed(0, null, 'The server did not answer in time.'))).toEqual({
      reason: 'network',
      status: 0,
      message: 'The server did not answer in time.',
    });
  });

  it('401 and 5xx with the workflow’s own words after the common ones', () => {
    const words = { afterSignIn: ', then scan the label again', afterServerError: 'Nothing was received.' };
    expect(failureOutcome(failed(401, { detail: 'Invalid token.' }), words)?.message).toBe(
      'You are signed out. Sign in again in Settings, then scan the label again.',
    );
    expect(failureOutcome(failed(401))?.message).toBe('You are signed out. Sign in again in Settings.');
    expect(failureOutcome(failed(503), words)).toEqual({
      reason: 'server',
      status: 503,
      message: 'The server failed (HTTP 503). Nothing was received.',
    });
    expect(failureOutcome(failed(500))?.message).toBe('The server failed (HTTP 500).');
  });

  it('403: the workflow’s words, else what errorMapping makes of the server’s reason', () => {
    const body = { error: 'You do not have the required permissions for stock_stockitem' };
    expect(failureOutcome(failed(403, body), { forbidden: 'May not.' })?.message).toBe('May not.');
    expect(failureOutcome(failed(403, body), { forbidden: (f) => serverReason(f.body) })?.message).toBe(body.error);
    const mapped = failureOutcome(failed(403, body));
    expect(mapped?.reason).toBe('forbidden');
    expect(mapped?.message).toContain('permission to change stock items');
  });

  it('404 only when the workflow has words for it; 400 is always the workflow’s', () => {
    expect(failureOutcome(failed(404, { detail: 'Not found.' }))).toBeNull();
    expect(failureOutcome(failed(404), { notFound: 'Gone.' })).toEqual({
      reason: 'notFound',
      status: 404,
      message: 'Gone.',
    });
    expect(failureOutcome(failed(400, { barcode: ['This field may not be blank.'] }))).toBeNull();
  });
});

describe('a refused stock write', () => {
  const words = { afterSignIn: ', then scan the label again', afterServerError: 'Nothing was moved.' };
  it('names the right a 403 lacks, and keeps the workflow words for 401 and 5xx', () => {
    expect(
      stockWriteFailure(failed(403, { detail: 'You do not have permission to perform this action.' }), words),
    ).toEqual({
      message:
        'Your InvenTree user may not change stock: it lacks the “Stock: add (change stock items)” right. Ask an administrator for it.',
      forbidden: true,
    });
    expect(stockWriteFailure(failed(401), words).message).toBe(
      'You are signed out. Sign in again in Settings, then scan the label again.',
    );
    expect(stockWriteFailure(failed(503), words).message).toBe('The server failed (HTTP 503). Nothing was moved.');
  });
  it("a 400 keeps the server's own message", () => {
    const f = failed(
      400,
      { quantity: ['Quantity must not exceed available stock quantity (145)'] },
      'Quantity must not exceed available stock quantity (145)',
    );
    expect(stockWriteFailure(f, words)).toEqual({ message: f.message, forbidden: false });
  });
});
