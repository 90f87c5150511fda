import { useCallback, useSyncExternalStore } from 'react';
import { PAGES } from '../routes.tsx';
import { DEFAULT_KIOSK_SETTINGS, parseKioskSettings, type KioskSettings } from './kioskSettings.ts';

/** localStorage key: kiosk mode belongs to the device, like the theme. */
export const KIOSK_SETTINGS_KEY = 'stockscan.kiosk.v1';
const PATHS = PAGES.map((p) => p.path);
const listeners = new Set<() => void>();
let cache: { raw: string | null; value: KioskSettings } | null = null;

function read(): KioskSettings {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(KIOSK_SETTINGS_KEY);
  } catch {
    return cache?.value ?? DEFAULT_KIOSK_SETTINGS;
  }
  if (cache && cache.raw === raw) return cache.value;
  cache = { raw, value: parseKioskSettings(raw, PATHS) };
  return cache.value;
}

function write(patch: Partial<KioskSettings>): void {
  const raw = JSON.stringify({ ...read(), ...patch });
  try {
    localStorage.setItem(KIOSK_SETTINGS_KEY, raw);
  } catch {
    // Storage blocked: keep it for this page at least.
  }
  cache = { raw, value: parseKioskSettings(raw, PATHS) };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === KIOSK_SETTINGS_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useKioskSettings(): [KioskSettings, (patch: Partial<KioskSettings>) => void] {
  const settings = useSyncExternalStore(subscribe, read, () => DEFAULT_KIOSK_SETTINGS);
  const update = useCallback((patch: Partial<KioskSettings>) => write(patch), []);
  return [settings, update];
}

export const KIOSK_PAGE_PATHS = PATHS;
