import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from './i18n.ts';

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

describe('{{count, number}} in messages', () => {
  it('formats in the language in use, with one Intl.NumberFormat per language however many sentences', async () => {
    await i18n.changeLanguage('de');
    expect(i18n.t('kit:waiting.scan', { count: 1000 })).toContain('1.000');
    const made = vi.spyOn(Intl, 'NumberFormat');
    for (let n = 2; n < 50; n++) i18n.t('kit:waiting.label', { count: n * 1000 });
    expect(i18n.t('kit:waiting.label', { count: 12345 })).toContain('12.345');
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
    await i18n.changeLanguage('en');
    expect(i18n.t('kit:waiting.label', { count: 12345 })).toContain('12,345');
  });
});
