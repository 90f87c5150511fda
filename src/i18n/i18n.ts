/**
 * The one i18next instance. Catalogues are JSON per language and area (locales/<lang>/<area>.json),
 * each its own lazily loaded chunk: only the language in use is fetched, never English "as fallback"
 * (the catalogue check guarantees every shipped language is complete).
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { chooseLanguage, LANGUAGES, matchLanguage, SOURCE_LANGUAGE, type Language } from './languages.ts';
import { loadPickedLanguage, savePickedLanguage } from './languageStore.ts';
import { CORE_NAMESPACES, NAMESPACES, type Namespace } from './namespaces.ts';

const catalogues = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

/** i18next backend reading the bundled catalogue chunks (no network beyond the app's own files). */
const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = catalogues[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(null, {}); // an area with no catalogue yet: its keys show as keys, and the check fails
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error.message : String(error), false),
    );
  },
};

export const i18n = i18next.createInstance();
i18n.use(chunkBackend).use(initReactI18next);

/** Where the language comes from (see chooseLanguage); the picker and the server sync change it. */
const sources: { picked: Language | null; server: string | null } = { picked: null, server: null };
const listeners = new Set<() => void>();

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}

function followHtmlLang(language: string): void {
  // Screen readers pick their voice, and CSS hyphenation its dictionary, from <html lang>.
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export interface InitOptions {
  /** Force a language (tests); otherwise picked > server > browser > English. */
  language?: Language;
  /** Areas to load up front; default the core ones (workflows load with their page). */
  namespaces?: readonly Namespace[];
}

let ready: Promise<void> | null = null;

/**
 * `{{count, number}}` with one Intl.NumberFormat per language. i18next's own keeps a formatter per
 * distinct set of t() values (its cache key is the whole options object), so a shift of scans made
 * a new NumberFormat for nearly every sentence (the soak's heap diff: ~100 in 9 minutes). The
 * catalogues use the plain `number` format only; the i18n check keeps it so.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
function formatNumberIn(value: unknown, lng: string | undefined): string {
  const locale = lng ?? SOURCE_LANGUAGE;
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return typeof value === 'number' ? format.format(value) : String(value);
}

/** Load the active language's core catalogues; await it before the first render. */
export function initI18n(options: InitOptions = {}): Promise<void> {
  sources.picked = loadPickedLanguage();
  const language = options.language ?? chooseLanguage({ ...sources, browser: browserLanguages() });
  ready ??= i18n
    .init({
      lng: language,
      supportedLngs: [...LANGUAGES],
      fallbackLng: false,
      load: 'currentOnly',
      ns: [...(options.namespaces ?? CORE_NAMESPACES)],
      defaultNS: 'common',
      fallbackNS: false,
      interpolation: { escapeValue: false }, // React escapes; the app never renders raw HTML
      react: { useSuspense: true },
    })
    .then(() => {
      i18n.services.formatter?.add('number', formatNumberIn);
      followHtmlLang(i18n.language);
      i18n.on('languageChanged', (lng) => {
        followHtmlLang(lng);
        listeners.forEach((notify) => notify());
      });
    });
  return ready;
}

/** The language in use now. */
export function activeLanguage(): Language {
  return matchLanguage(i18n.language) ?? SOURCE_LANGUAGE;
}

/** The language picked in Settings on this device, or null (browser / InvenTree decides). */
export function pickedLanguage(): Language | null {
  return sources.picked;
}

function apply(): Promise<unknown> {
  const next = chooseLanguage({ ...sources, browser: browserLanguages() });
  listeners.forEach((notify) => notify());
  return next === i18n.language ? Promise.resolve() : i18n.changeLanguage(next);
}

/** Settings' picker: a language wins over the browser and InvenTree; null goes back to them. */
export function pickLanguage(language: Language | null): Promise<unknown> {
  sources.picked = language;
  savePickedLanguage(language);
  return apply();
}

/** The signed-in InvenTree user's language (API ≥ 318: `profile.language`); null when none. */
export function setServerLanguage(tag: string | null | undefined): Promise<unknown> {
  const value = tag || null;
  if (value === sources.server) return Promise.resolve();
  sources.server = value;
  return apply();
}

/** For useSyncExternalStore: told when the language or the picked choice changes. */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export { NAMESPACES };
