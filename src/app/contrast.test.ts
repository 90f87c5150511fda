import { describe, expect, it } from 'vitest';
import { contrastRatio, darken, luminance, readable } from './contrast.ts';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Mantine's gray-6 "dimmed" on white, as axe reports it.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    // Order does not matter.
    expect(contrastRatio('#228be6', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#228be6'), 10);
  });

  it('darken keeps the hue and lowers the luminance', () => {
    expect(darken('#2b8a3e', 0)).toBe('#2b8a3e');
    expect(darken('#2b8a3e', 1)).toBe('#000000');
    expect(luminance(darken('#2b8a3e', 0.2))).toBeLessThan(luminance('#2b8a3e'));
  });

  it('readable returns the colour unchanged when it already passes', () => {
    expect(readable('#495057', ['#ffffff'])).toBe('#495057');
  });

  it('readable deepens a failing colour just enough, against every background', () => {
    // Mantine's yellow-9 on yellow-1 / yellow-2 (2.7:1): the light badge of "No match".
    const c = readable('#e67700', ['#fff3bf', '#ffec99']);
    expect(contrastRatio(c, '#fff3bf')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(c, '#ffec99')).toBeGreaterThanOrEqual(4.5);
    // Just enough: one step less dark would fail.
    expect(c).not.toBe('#000000');
  });

  it('readable can lighten for dark backgrounds', () => {
    const c = readable('#828282', ['#2e2e2e'], 4.5, 'white');
    expect(contrastRatio(c, '#2e2e2e')).toBeGreaterThanOrEqual(4.5);
  });

  it('rejects what is not a hex colour', () => {
    expect(() => luminance('red')).toThrow(/rrggbb/);
  });
});
