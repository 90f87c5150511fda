/**
 * Scanner settings, kept in localStorage and validated with zod on every read: a hand-edited or
 * older value never breaks the scanner; each bad field falls back to its default on its own.
 */
import { z } from 'zod';
import type { BarcodeFormatName } from './decoderTypes.ts';
import { DEFAULT_DUPLICATE_WINDOW_MS } from './duplicateWindow.ts';
import { ALL_FORMATS } from './engines/formatNames.ts';

// No compiled (eval) fast path: the Content-Security-Policy forbids eval, and zod's probe for it
// would be reported as a violation. These schemas are tiny; the interpreter is plenty.
z.config({ jitless: true });

export const SCANNER_SETTINGS_KEY = 'stockscan.scanner.v1';

/** Decoding strategy for the worker (DecodeStrategyName); 'auto' = the decoder's benchmarked default. */
export const ENGINE_CHOICES = ['auto', 'adaptive', 'zxing-wasm', 'zxing-js'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

const formatSchema = z.enum(ALL_FORMATS as [BarcodeFormatName, ...BarcodeFormatName[]]);

export const scannerSettingsSchema = z.object({
  /** Last chosen camera; null = let the browser pick (back camera preferred). */
  cameraDeviceId: z.string().min(1).nullable().catch(null),
  sound: z.boolean().catch(true),
  vibration: z.boolean().catch(true),
  flash: z.boolean().catch(true),
  /** Same text within this many ms is one scan; 0 turns the window off. */
  duplicateWindowMs: z.number().int().min(0).max(60_000).catch(DEFAULT_DUPLICATE_WINDOW_MS),
  engine: z.enum(ENGINE_CHOICES).catch('auto'),
  /** Formats the camera decodes; never empty (an empty list would silently read nothing). */
  formats: z
    .array(z.unknown())
    .transform((xs) => [...new Set(xs.filter((x): x is BarcodeFormatName => formatSchema.safeParse(x).success))])
    .pipe(z.array(formatSchema).min(1))
    .catch([...ALL_FORMATS]),
  /** Page-wide scanner-gun capture. */
  wedge: z.boolean().catch(true),
  /** Camera on as a scanning page opens; a gun station turns it off (battery, the camera light). */
  cameraOnOpen: z.boolean().catch(true),
});

export type ScannerSettings = z.infer<typeof scannerSettingsSchema>;

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = scannerSettingsSchema.parse({});

/** Parse whatever is stored (any JSON, or garbage) into valid settings. */
export function parseScannerSettings(raw: string | null): ScannerSettings {
  if (!raw) return { ...DEFAULT_SCANNER_SETTINGS, formats: [...DEFAULT_SCANNER_SETTINGS.formats] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = {};
  }
  const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
  return scannerSettingsSchema.parse(obj);
}

/** A small store over one storage (localStorage in the app, an in-memory one in tests). */
export interface SettingsStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): SettingsStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can throw when blocked (privacy mode, sandboxed iframe).
    return null;
  }
}

type Listener = () => void;
const listeners = new Set<Listener>();
let cache: { raw: string | null; value: ScannerSettings } | null = null;

export function loadScannerSettings(storage: SettingsStorage | null = defaultStorage()): ScannerSettings {
  if (!storage) return cache?.value ?? parseScannerSettings(null);
  let raw: string | null = null;
  try {
    raw = storage.getItem(SCANNER_SETTINGS_KEY);
  } catch {
    // Unreadable storage: keep what this page chose so far.
    return cache?.value ?? parseScannerSettings(null);
  }
  // Same object while unchanged, as useSyncExternalStore requires.
  if (cache && cache.raw === raw) return cache.value;
  const value = parseScannerSettings(raw);
  cache = { raw, value };
  return value;
}

export function saveScannerSettings(
  patch: Partial<ScannerSettings>,
  storage: SettingsStorage | null = defaultStorage(),
): ScannerSettings {
  const next = scannerSettingsSchema.parse({ ...loadScannerSettings(storage), ...patch });
  const raw = JSON.stringify(next);
  try {
    storage?.setItem(SCANNER_SETTINGS_KEY, raw);
  } catch {
    // Quota or blocked storage: keep the choice for this page at least.
  }
  cache = { raw, value: next };
  for (const l of listeners) l();
  return next;
}

/** Notified on every save here and on changes from other tabs. */
export function subscribeScannerSettings(listener: Listener): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === SCANNER_SETTINGS_KEY || e.key === null) listener();
  };
  if (typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}
