import { describe, expect, it } from 'vitest';
import { i18n } from './i18n.ts';
import { formatDate, formatNumber } from './format.ts';
import { chooseLanguage, matchLanguage } from './languages.ts';

describe('language choice', () => {
  it('maps browser and InvenTree tags onto the shipped languages', () => {
    expect(matchLanguage('de-AT')).toBe('de');
    expect(matchLanguage('zh-CN')).toBe('zh-Hans');
    expect(matchLanguage('zh_Hans')).toBe('zh-Hans'); // InvenTree's spelling
    expect(matchLanguage('zh-TW')).toBeNull(); // Traditional is not Simplified
    expect(matchLanguage('fr')).toBeNull();
  });

  it('picked > InvenTree user > browser languages in order > English', () => {
    expect(chooseLanguage({ picked: 'zh-Hans', server: 'de', browser: ['en-US'] })).toBe('zh-Hans');
    expect(chooseLanguage({ picked: null, server: 'de', browser: ['zh-CN'] })).toBe('de');
    expect(chooseLanguage({ server: null, browser: ['fr-FR', 'zh-TW', 'de-CH'] })).toBe('de');
    expect(chooseLanguage({ browser: ['fr-FR'] })).toBe('en');
  });
});

describe('tests run in English', () => {
  it('without any setup in the test', () => {
    expect(i18n.language).toBe('en');
    expect(i18n.t('health:summary.ready', { count: 1000 })).toBe('1,000 ready');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatDate(new Date(2026, 11, 4))).toBe('12/04/2026');
  });
});
