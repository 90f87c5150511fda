import { useCallback, useSyncExternalStore } from 'react';
import {
  DEFAULT_SCANNER_SETTINGS,
  loadScannerSettings,
  saveScannerSettings,
  subscribeScannerSettings,
  type ScannerSettings,
} from './scannerSettings.ts';

/** The scanner settings and a setter that persists a partial change (shared by every component). */
export function useScannerSettings(): [ScannerSettings, (patch: Partial<ScannerSettings>) => void] {
  const settings = useSyncExternalStore(
    subscribeScannerSettings,
    () => loadScannerSettings(),
    () => DEFAULT_SCANNER_SETTINGS,
  );
  const update = useCallback((patch: Partial<ScannerSettings>) => {
    saveScannerSettings(patch);
  }, []);
  return [settings, update];
}
