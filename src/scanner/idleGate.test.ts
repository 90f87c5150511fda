import { describe, expect, it } from 'vitest';
import { IdleGate, moved, thumbOf } from './idleGate.ts';

describe('idle gate', () => {
  it('thumbnail luminance weighs green most, as the eye does', () => {
    const t = thumbOf(new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]));
    expect([...t]).toEqual([255, 0, 149, 28]);
  });

  it('motion is one cell changing by the level; noise spread over all cells is not', () => {
    const still = new Uint8Array(768).fill(120);
    const noisy = still.map((v, i) => v + (i % 5) - 2);
    const label = Uint8Array.from(still);
    label[300] = 200;
    expect(moved(still, noisy, 12)).toBe(false);
    expect(moved(still, label, 12)).toBe(true);
    expect(moved(still, new Uint8Array(10), 12)).toBe(true);
  });

  it('paces a still picture only after the empty decodes, and a read resets it', () => {
    const gate = new IdleGate({ emptyDecodes: 2, idleIntervalMs: 200, motionLevel: 12 });
    const desk = () => new Uint8Array(4).fill(90);
    // Only the frame whose empty answer may start idling needs its thumbnail.
    expect(gate.watching).toBe(false);
    gate.sent(0, null);
    gate.answered(false);
    expect(gate.wants(33, desk)).toBe(true);
    expect(gate.watching).toBe(true);
    gate.sent(33, desk());
    gate.answered(false);
    expect(gate.idle).toBe(true);
    expect(gate.wants(66, desk)).toBe(false);
    expect(gate.wants(233, desk)).toBe(true);
    gate.answered(true);
    expect(gate.idle).toBe(false);
  });
});
