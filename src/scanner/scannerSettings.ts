/**
 * Scanner settings, kept in localStorage (deviceSettingsStore.ts) and validated with zod on every read:
 * a hand-edited or older value never breaks the scanner; each bad field falls back to its default on its own.
 */
import { z } from 'zod';
import type { BarcodeFormatName } from './decoderTypes.ts';
import { createDeviceSettingsStore, type DeviceSettingsStore, type SettingsStorage } from './deviceSettingsStore.ts';
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

const store = createDeviceSettingsStore(SCANNER_SETTINGS_KEY, parseScannerSettings);
export const scannerSettingsStore: DeviceSettingsStore<ScannerSettings> = store;

export const loadScannerSettings = (storage?: SettingsStorage | null): ScannerSettings => store.load(storage);
export const saveScannerSettings = (
  patch: Partial<ScannerSettings>,
  storage?: SettingsStorage | null,
): ScannerSettings => store.save(patch, storage);
/** Notified on every save here and on changes from other tabs. */
export const subscribeScannerSettings = (listener: () => void): (() => void) => store.subscribe(listener);

export type { SettingsStorage };
