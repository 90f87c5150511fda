import { describe, expect, it } from 'vitest';
import { ALL_FORMATS } from './engines/formatNames.ts';
import {
  DEFAULT_SCANNER_SETTINGS,
  SCANNER_SETTINGS_KEY,
  loadScannerSettings,
  parseScannerSettings,
  saveScannerSettings,
  subscribeScannerSettings,
  type SettingsStorage,
} from './scannerSettings.ts';

function memoryStorage(initial: Record<string, string> = {}): SettingsStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => (k in data ? data[k]! : null),
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

describe('scanner settings', () => {
  it('defaults: sound, vibration and flash on, 2 s window, automatic engine, every format, camera on', () => {
    expect(DEFAULT_SCANNER_SETTINGS).toEqual({
      cameraDeviceId: null,
      sound: true,
      vibration: true,
      flash: true,
      duplicateWindowMs: 2000,
      engine: 'auto',
      formats: [...ALL_FORMATS],
      wedge: true,
      cameraOnOpen: true,
    });
    expect(parseScannerSettings(null)).toEqual(DEFAULT_SCANNER_SETTINGS);
  });

  it('garbage in storage gives the defaults', () => {
    for (const raw of ['not json', '[]', 'null', '42', '"x"']) {
      expect(parseScannerSettings(raw)).toEqual(DEFAULT_SCANNER_SETTINGS);
    }
  });

  it('each bad field falls back alone; the good ones are kept', () => {
    const s = parseScannerSettings(
      JSON.stringify({
        cameraDeviceId: 'abc',
        sound: 'yes',
        vibration: false,
        duplicateWindowMs: -5,
        engine: 'quagga',
        cameraOnOpen: 'no',
      }),
    );
    expect(s.cameraDeviceId).toBe('abc');
    expect(s.sound).toBe(true);
    expect(s.vibration).toBe(false);
    expect(s.duplicateWindowMs).toBe(2000);
    expect(s.engine).toBe('auto');
    expect(s.cameraOnOpen).toBe(true);
    expect(parseScannerSettings(JSON.stringify({ cameraOnOpen: false })).cameraOnOpen).toBe(false);
  });

  it('unknown formats are dropped, duplicates merged, and an empty list means every format', () => {
    expect(
      parseScannerSettings(JSON.stringify({ formats: ['QR_CODE', 'MAXICODE', 'QR_CODE', 'EAN_13'] })).formats,
    ).toEqual(['QR_CODE', 'EAN_13']);
    expect(parseScannerSettings(JSON.stringify({ formats: [] })).formats).toEqual([...ALL_FORMATS]);
    expect(parseScannerSettings(JSON.stringify({ formats: 'QR_CODE' })).formats).toEqual([...ALL_FORMATS]);
  });

  it('saves a partial change, keeps the rest, and reads it back', () => {
    const storage = memoryStorage();
    saveScannerSettings({ cameraDeviceId: 'cam-2', sound: false }, storage);
    saveScannerSettings({ duplicateWindowMs: 3500 }, storage);
    expect(JSON.parse(storage.data[SCANNER_SETTINGS_KEY]!)).toMatchObject({
      cameraDeviceId: 'cam-2',
      sound: false,
      duplicateWindowMs: 3500,
    });
    const loaded = loadScannerSettings(storage);
    expect(loaded).toMatchObject({ cameraDeviceId: 'cam-2', sound: false, vibration: true, duplicateWindowMs: 3500 });
    // Unchanged storage gives the same object (React's external store needs that).
    expect(loadScannerSettings(storage)).toBe(loaded);
  });

  it('an invalid change is not stored as is', () => {
    const storage = memoryStorage();
    const s = saveScannerSettings({ duplicateWindowMs: 1e9 }, storage);
    expect(s.duplicateWindowMs).toBe(2000);
  });

  it('notifies subscribers on save', () => {
    const storage = memoryStorage();
    let calls = 0;
    const off = subscribeScannerSettings(() => calls++);
    saveScannerSettings({ flash: false }, storage);
    off();
    saveScannerSettings({ flash: true }, storage);
    expect(calls).toBe(1);
  });

  it('storage that throws (blocked) still gives settings', () => {
    const broken: SettingsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadScannerSettings(broken)).toEqual(DEFAULT_SCANNER_SETTINGS);
    expect(saveScannerSettings({ sound: false }, broken).sound).toBe(false);
  });
});
