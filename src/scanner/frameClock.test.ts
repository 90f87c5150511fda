import { describe, expect, it } from 'vitest';
import { FrameClock } from './frameClock.ts';

describe('FrameClock (when the camera next frame is due)', () => {
  it('knows nothing until two frames were presented', () => {
    const c = new FrameClock();
    expect(c.nextDue()).toBeNull();
    c.presented(100);
    expect(c.nextDue()).toBeNull();
    c.presented(133);
    expect(c.nextDue()).toBe(166);
  });

  it('a skipped callback (double gap) or a jittery short gap does not change the interval', () => {
    const c = new FrameClock();
    for (const at of [0, 33, 67, 133, 160, 200, 233]) c.presented(at);
    expect(c.interval()).toBe(33);
    expect(c.nextDue()).toBe(266);
  });
});
