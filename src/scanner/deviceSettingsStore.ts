/**
 * Settings that belong to this device (the scanner's, the kiosk's), kept in localStorage and
 * parsed on every read, so a hand-edited or older value never breaks the app. One store per key;
 * the storage is a parameter so tests use an in-memory one.
 */
import { useCallback, useSyncExternalStore } from 'react';

/** A small store over one storage (localStorage in the app, an in-memory one in tests). */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface DeviceSettingsStore<T extends object> {
  /** The stored settings; the same object while the stored text is unchanged (useSyncExternalStore needs that). */
  load(storage?: SettingsStorage | null): T;
  /** Merge a change into what is stored, parse it, store the result and notify. */
  save(patch: Partial<T>, storage?: SettingsStorage | null): T;
  /** Notified on every save here and on changes from other tabs. */
  subscribe(listener: () => void): () => void;
  /** The settings when there is no storage at all (server rendering). */
  readonly defaults: T;
}

export function defaultSettingsStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can throw when blocked (privacy mode, sandboxed iframe).
    return null;
  }
}

/** `parse` turns whatever is stored (any text, or null) into valid settings. */
export function createDeviceSettingsStore<T extends object>(
  key: string,
  parse: (raw: string | null) => T,
): DeviceSettingsStore<T> {
  const listeners = new Set<() => void>();
  let cache: { raw: string | null; value: T } | null = null;
  const defaults = parse(null);

  function load(storage: SettingsStorage | null = defaultSettingsStorage()): T {
    if (!storage) return cache?.value ?? parse(null);
    let raw: string | null = null;
    try {
      raw = storage.getItem(key);
    } catch {
      // Unreadable storage: keep what this page chose so far.
      return cache?.value ?? parse(null);
    }
    if (cache && cache.raw === raw) return cache.value;
    const value = parse(raw);
    cache = { raw, value };
    return value;
  }

  function save(patch: Partial<T>, storage: SettingsStorage | null = defaultSettingsStorage()): T {
    const next = parse(JSON.stringify({ ...load(storage), ...patch }));
    const raw = JSON.stringify(next);
    try {
      storage?.setItem(key, raw);
    } catch {
      // Quota or blocked storage: keep the choice for this page at least.
    }
    cache = { raw, value: next };
    for (const l of listeners) l();
    return next;
  }

  function subscribe(listener: () => void): () => void {
    listeners.add(listener);
    const onStorage = (e: StorageEvent) => {
      if (e.key === key || e.key === null) listener();
    };
    if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
    };
  }

  return { load, save, subscribe, defaults };
}

/** The store's settings and a setter that persists a partial change (shared by every component). */
export function useDeviceSettings<T extends object>(store: DeviceSettingsStore<T>): [T, (patch: Partial<T>) => void] {
  const settings = useSyncExternalStore(
    store.subscribe,
    () => store.load(),
    () => store.defaults,
  );
  const update = useCallback((patch: Partial<T>) => void store.save(patch), [store]);
  return [settings, update];
}
