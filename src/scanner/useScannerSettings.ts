import { useDeviceSettings } from './deviceSettingsStore.ts';
import { scannerSettingsStore, type ScannerSettings } from './scannerSettings.ts';

/** The scanner settings and a setter that persists a partial change (shared by every component). */
export function useScannerSettings(): [ScannerSettings, (patch: Partial<ScannerSettings>) => void] {
  return useDeviceSettings(scannerSettingsStore);
}
