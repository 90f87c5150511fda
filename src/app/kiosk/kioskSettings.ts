/**
 * Kiosk mode for a shared tablet (e.g. mounted at the goods-in door): the screen stays awake, and
 * after some idle time the app goes back to the station's page. Pure data and parsing here; the
 * store (localStorage) and the React side live next to it.
 */

export interface KioskSettings {
  enabled: boolean;
  /** Where the app returns: a page path with its query, e.g. "/purchasing/receive?order=3". */
  home: string;
  /** Seconds without a touch, key or scan before returning home. */
  idleSeconds: number;
}

export const MIN_IDLE_SECONDS = 10;
export const MAX_IDLE_SECONDS = 3600;

export const DEFAULT_KIOSK_SETTINGS: KioskSettings = { enabled: false, home: '/scan', idleSeconds: 60 };

/**
 * A home is one of the app's pages (optionally with a query): "/purchasing/receive?order=3" is,
 * "https://elsewhere/" or "/nowhere" is not (a kiosk must never be sent off the app). With no page
 * list (null), any same-origin path passes.
 */
export function validHome(home: string, pagePaths: readonly string[] | null): boolean {
  if (!home.startsWith('/') || home.startsWith('//')) return false;
  let url: URL;
  try {
    url = new URL(home, 'http://app.invalid');
  } catch {
    return false;
  }
  if (url.origin !== 'http://app.invalid' || url.hash) return false;
  return pagePaths === null || pagePaths.includes(url.pathname);
}

export function clampIdleSeconds(n: number): number {
  if (!Number.isFinite(n)) return DEFAULT_KIOSK_SETTINGS.idleSeconds;
  return Math.min(MAX_IDLE_SECONDS, Math.max(MIN_IDLE_SECONDS, Math.round(n)));
}

/** Whatever is stored, valid settings (bad parts fall back to the defaults). */
export function parseKioskSettings(raw: string | null, pagePaths: readonly string[] | null): KioskSettings {
  if (!raw) return { ...DEFAULT_KIOSK_SETTINGS };
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return { ...DEFAULT_KIOSK_SETTINGS };
  }
  if (typeof v !== 'object' || v === null) return { ...DEFAULT_KIOSK_SETTINGS };
  const r = v as Record<string, unknown>;
  return {
    enabled: r.enabled === true,
    home: typeof r.home === 'string' && validHome(r.home, pagePaths) ? r.home : DEFAULT_KIOSK_SETTINGS.home,
    idleSeconds:
      typeof r.idleSeconds === 'number' ? clampIdleSeconds(r.idleSeconds) : DEFAULT_KIOSK_SETTINGS.idleSeconds,
  };
}
