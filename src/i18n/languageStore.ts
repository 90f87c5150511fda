/** The language picked in Settings, remembered on this device (localStorage). */
import { matchLanguage, type Language } from './languages.ts';

const KEY = 'stockscan.language';

export function loadPickedLanguage(): Language | null {
  try {
    return matchLanguage(globalThis.localStorage?.getItem(KEY));
  } catch {
    return null; // storage blocked (private mode): the browser's language applies
  }
}

/** null forgets the choice, so the browser's (or InvenTree's) language applies again. */
export function savePickedLanguage(language: Language | null): void {
  try {
    if (language) globalThis.localStorage?.setItem(KEY, language);
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // storage blocked: the choice lasts for this visit only
  }
}
