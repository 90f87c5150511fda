/**
 * Which InvenTree the built-in demo pretends to be: 0.17 (API 291, the default) or 1.x (API 425).
 * Kept in localStorage and read once at boot (main.tsx starts the matching simulation); changing
 * it reloads the page, because the simulation's service worker answers for the whole page.
 */
export type DemoApiVersion = 291 | 425;

const KEY = 'stockscan.demoApiVersion';

export const DEMO_API_VERSIONS: { value: DemoApiVersion; label: string }[] = [
  { value: 291, label: 'InvenTree 0.17 (API 291)' },
  { value: 425, label: 'InvenTree 1.x (API 425)' },
];

export function loadDemoApiVersion(): DemoApiVersion {
  try {
    return localStorage.getItem(KEY) === '425' ? 425 : 291;
  } catch {
    return 291;
  }
}

export function saveDemoApiVersion(version: DemoApiVersion): void {
  try {
    localStorage.setItem(KEY, String(version));
  } catch {
    // Private windows may refuse storage: the demo stays on its default.
  }
}
