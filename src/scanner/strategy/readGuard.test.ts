import { describe, expect, it } from 'vitest';
import { ReadGuard, STRONG_LINE_COUNT, VOTE_WINDOW_FRAMES } from './readGuard.ts';

const ean = { text: '9780804816632', format: 'EAN_13' as const };

describe('ReadGuard', () => {
  it('accepts 2D codes and linear codes read on many lines at once', () => {
    const g = new ReadGuard();
    expect(g.judge({ text: 'hello', format: 'QR_CODE', lineCount: 0, passId: 'a' }, 1)).toBe('accept');
    expect(g.judge({ ...ean, lineCount: STRONG_LINE_COUNT, passId: 'a' }, 1)).toBe('accept');
  });

  it('holds a weak linear read until a different pass reads the same text', () => {
    const g = new ReadGuard();
    expect(g.judge({ ...ean, lineCount: 2, passId: 'cheap' }, 1)).toBe('pending');
    // The same pass again (e.g. the same striped texture on the next frame) is no confirmation.
    expect(g.judge({ ...ean, lineCount: 2, passId: 'cheap' }, 2)).toBe('pending');
    expect(g.judge({ ...ean, lineCount: 3, passId: 'sharpen' }, 3)).toBe('accept');
  });

  it('does not let a different text confirm', () => {
    const g = new ReadGuard();
    expect(g.judge({ ...ean, lineCount: 2, passId: 'a' }, 1)).toBe('pending');
    expect(g.judge({ text: '5030159003930', format: 'EAN_13', lineCount: 2, passId: 'b' }, 1)).toBe('pending');
  });

  it('forgets sightings older than the vote window', () => {
    const g = new ReadGuard();
    g.judge({ ...ean, lineCount: 2, passId: 'a' }, 1);
    g.prune(2 + VOTE_WINDOW_FRAMES);
    expect(g.judge({ ...ean, lineCount: 2, passId: 'b' }, 2 + VOTE_WINDOW_FRAMES)).toBe('pending');
  });

  it('rejects implausible text outright, even when strong', () => {
    const g = new ReadGuard();
    expect(g.judge({ text: '9780804816633', format: 'EAN_13', lineCount: 40, passId: 'a' }, 1)).toBe('reject');
  });
});
