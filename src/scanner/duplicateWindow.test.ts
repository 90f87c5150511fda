import { describe, expect, it } from 'vitest';
import { DuplicateWindow } from './duplicateWindow.ts';

describe('DuplicateWindow', () => {
  it('the camera seeing the same label frame after frame is one scan', () => {
    const w = new DuplicateWindow(2000);
    const verdicts = Array.from({ length: 50 }, (_, i) => w.check('INV-SI12', 'camera', 1000 + i * 100));
    expect(verdicts[0]).toBe('accept');
    expect(verdicts.slice(1).every((v) => v === 'suppress')).toBe(true);
  });

  it('the camera window slides: a label held in view stays suppressed past the window', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('X', 'camera', 0)).toBe('accept');
    expect(w.check('X', 'camera', 1500)).toBe('suppress');
    expect(w.check('X', 'camera', 3000)).toBe('suppress'); // 1.5 s after the last sighting
    expect(w.check('X', 'camera', 5100)).toBe('accept'); // out of view for 2.1 s, back again
  });

  it('the gun scanning a code twice in a row within the window is a repeat, after it a new scan', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('X', 'wedge', 0)).toBe('accept');
    expect(w.check('X', 'wedge', 800)).toBe('repeat');
    // Counted from the last accepted scan, so steady re-scanning still registers.
    expect(w.check('X', 'wedge', 2100)).toBe('accept');
  });

  it('a gun scan after other codes is deliberate, however fast (label, location, label, label again)', () => {
    const w = new DuplicateWindow(2000);
    const verdicts = ['LABEL-1', 'LOCATION-7', 'LABEL-2', 'LABEL-1'].map((text, i) => w.check(text, 'wedge', i * 100));
    expect(verdicts).toEqual(['accept', 'accept', 'accept', 'accept']);
    // Its own double trigger right after is still one scan.
    expect(w.check('LABEL-1', 'wedge', 350)).toBe('repeat');
  });

  it('a repeat does not end the run: the third trigger in a row is a repeat too', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('A', 'wedge', 0)).toBe('accept');
    expect(w.check('A', 'wedge', 100)).toBe('repeat');
    expect(w.check('A', 'wedge', 200)).toBe('repeat');
    expect(w.check('B', 'wedge', 300)).toBe('accept');
    expect(w.check('A', 'wedge', 400)).toBe('accept');
  });

  it('what is typed or read by the camera in between also makes the next gun scan deliberate', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('A', 'wedge', 0)).toBe('accept');
    expect(w.check('QTY-5', 'manual', 200)).toBe('accept');
    expect(w.check('A', 'wedge', 400)).toBe('accept');
    expect(w.check('B', 'camera', 600)).toBe('accept');
    expect(w.check('A', 'wedge', 800)).toBe('accept');
  });

  it('a label the camera keeps seeing is not a scan in between: the gun double trigger stays a repeat', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('ON-THE-BENCH', 'camera', 0)).toBe('accept');
    expect(w.check('A', 'wedge', 100)).toBe('accept');
    expect(w.check('ON-THE-BENCH', 'camera', 150)).toBe('suppress');
    expect(w.check('A', 'wedge', 200)).toBe('repeat');
  });

  it('the camera: a label still in view after another was read is not read again', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('A', 'camera', 0)).toBe('accept');
    expect(w.check('B', 'camera', 500)).toBe('accept');
    // A never left the view (seen again within 2 s of its last sighting): still the same scan.
    expect(w.check('A', 'camera', 900)).toBe('suppress');
    expect(w.check('A', 'camera', 2500)).toBe('suppress');
    // Out of view for more than the window, then shown again: a new scan.
    expect(w.check('A', 'camera', 4600)).toBe('accept');
  });

  it('a typed code always counts, and the camera then does not read it again', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('X', 'wedge', 0)).toBe('accept');
    expect(w.check('X', 'manual', 500)).toBe('accept');
    expect(w.check('X', 'manual', 600)).toBe('accept');
    expect(w.check('X', 'camera', 900)).toBe('suppress');
    expect(w.check('X', 'wedge', 1000)).toBe('repeat');
  });

  it('different texts do not interfere, even alternating', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('A', 'camera', 0)).toBe('accept');
    expect(w.check('B', 'camera', 50)).toBe('accept');
    expect(w.check('A', 'camera', 100)).toBe('suppress');
    expect(w.check('B', 'camera', 150)).toBe('suppress');
    expect(w.check('C', 'wedge', 160)).toBe('accept');
  });

  it('the camera does not re-report what the gun just scanned, and vice versa', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('X', 'wedge', 0)).toBe('accept');
    expect(w.check('X', 'camera', 300)).toBe('suppress');
    expect(w.check('Y', 'camera', 400)).toBe('accept');
    expect(w.check('Y', 'wedge', 900)).toBe('repeat');
  });

  it('is exact about text: case and control characters make a different code', () => {
    const w = new DuplicateWindow(2000);
    expect(w.check('abc', 'wedge', 0)).toBe('accept');
    expect(w.check('ABC', 'wedge', 10)).toBe('accept');
    expect(w.check('ab\u001dc', 'wedge', 20)).toBe('accept');
  });

  it('the window is configurable, and 0 turns it off', () => {
    const short = new DuplicateWindow(500);
    expect(short.check('X', 'wedge', 0)).toBe('accept');
    expect(short.check('X', 'wedge', 600)).toBe('accept');
    const off = new DuplicateWindow(0);
    expect(off.check('X', 'camera', 0)).toBe('accept');
    expect(off.check('X', 'camera', 1)).toBe('accept');
    const changed = new DuplicateWindow(2000);
    changed.check('X', 'wedge', 0);
    changed.windowMs = 100;
    expect(changed.check('X', 'wedge', 150)).toBe('accept');
  });

  it('forgets old texts so memory stays small, and clear() forgets all', () => {
    const w = new DuplicateWindow(1000);
    for (let i = 0; i < 100; i++) w.check(`code-${i}`, 'wedge', i * 10);
    w.check('last', 'wedge', 5000);
    expect(w.size).toBe(1);
    w.clear();
    expect(w.check('last', 'wedge', 5001)).toBe('accept');
    expect(w.check('last', 'wedge', 5002)).toBe('repeat');
  });
});
