/** The languages StockScan ships, and how a browser's or InvenTree's language tag maps onto them. */

export const LANGUAGES = ['en', 'de', 'zh-Hans'] as const;
export type Language = (typeof LANGUAGES)[number];
export const SOURCE_LANGUAGE: Language = 'en';

/** Each language's own name, shown in the picker in that language (a lost user still finds theirs). */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  'zh-Hans': '中文（简体）',
};

/**
 * A BCP 47 tag ("de-AT", "zh-CN", "zh_Hans", InvenTree's "zh-hans") → a shipped language, or null.
 * Traditional Chinese (zh-TW, zh-HK, zh-Hant) is not Simplified: it falls through to the next choice.
 */
export function matchLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const parts = tag.trim().replace(/_/g, '-').toLowerCase().split('-');
  const [base] = parts;
  if (base === 'en') return 'en';
  if (base === 'de') return 'de';
  if (base === 'zh') {
    if (parts.includes('hant') || parts.includes('tw') || parts.includes('hk') || parts.includes('mo')) return null;
    return 'zh-Hans';
  }
  return null;
}

export interface LanguageSources {
  /** The user's choice in Settings (remembered in localStorage); wins over everything. */
  picked?: string | null;
  /** The InvenTree user's language (server mode, when the server has one). */
  server?: string | null;
  /** navigator.languages, most preferred first. */
  browser?: readonly string[];
}

/** Picked in Settings > InvenTree user's language > the browser's languages in order > English. */
export function chooseLanguage({ picked, server, browser = [] }: LanguageSources): Language {
  for (const tag of [picked, server, ...browser]) {
    const hit = matchLanguage(tag);
    if (hit) return hit;
  }
  return SOURCE_LANGUAGE;
}
