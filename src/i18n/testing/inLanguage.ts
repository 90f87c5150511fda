/** For a describe block in another language: switches before its tests and back to English after. */
import { afterAll, beforeAll } from 'vitest';
import { i18n } from '../i18n.ts';
import type { Language } from '../languages.ts';

export function inLanguage(language: Language): void {
  beforeAll(() => i18n.changeLanguage(language));
  afterAll(() => i18n.changeLanguage('en'));
}
