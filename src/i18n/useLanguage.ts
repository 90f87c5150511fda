/** React side of the language: re-render on change, and the formatting helpers bound to it. */
import { useSyncExternalStore } from 'react';
import { activeLanguage, pickedLanguage, pickLanguage, subscribeLanguage } from './i18n.ts';
import * as format from './format.ts';
import type { Language } from './languages.ts';

export interface LanguageState {
  /** The language in use. */
  language: Language;
  /** The one picked in Settings, or null (browser / InvenTree decides). */
  picked: Language | null;
  pick: (language: Language | null) => Promise<unknown>;
}

const snapshot = () => `${activeLanguage()}|${pickedLanguage() ?? ''}`;

export function useLanguage(): LanguageState {
  useSyncExternalStore(subscribeLanguage, snapshot, snapshot);
  return { language: activeLanguage(), picked: pickedLanguage(), pick: pickLanguage };
}

/** The Intl helpers; the component re-renders when the language changes. */
export function useFormat(): typeof format {
  useLanguage();
  return format;
}
