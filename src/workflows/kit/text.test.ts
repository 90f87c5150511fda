import { describe, expect, it } from 'vitest';
import { capitalise, formatQuantity } from './text.ts';

describe('kit words', () => {
  it('formats quantities as people write them', () => {
    expect(formatQuantity(10)).toBe('10');
    expect(formatQuantity(2.5)).toBe('2.5');
    expect(formatQuantity(1 / 3)).toBe('0.33333');
  });
  it('capitalises the first letter only', () => {
    expect(capitalise('stock item')).toBe('Stock item');
    expect(capitalise('')).toBe('');
  });
});
