/**
 * The installable app's name in the language in use: <link rel="manifest"> points at
 * manifest.<lang>.webmanifest (public/), which the browser reads when the app is installed.
 */
import { activeLanguage, subscribeLanguage } from '../../i18n/i18n.ts';
import type { Language } from '../../i18n/languages.ts';

export const MANIFESTS: Record<Language, string> = {
  en: '/manifest.webmanifest',
  de: '/manifest.de.webmanifest',
  'zh-Hans': '/manifest.zh-Hans.webmanifest',
};

export function followManifestLanguage(): () => void {
  const apply = () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    const href = MANIFESTS[activeLanguage()];
    if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
  };
  apply();
  return subscribeLanguage(apply);
}
