import { describe, expect, it } from 'vitest';
import { capitalise } from './text.ts';

describe('kit words', () => {
  it('capitalises the first letter only', () => {
    expect(capitalise('stock item')).toBe('Stock item');
    expect(capitalise('')).toBe('');
  });
});
