import { useMemo } from 'react';
import { createDeviceSettingsStore, useDeviceSettings } from '../../scanner/deviceSettingsStore.ts';
import { usePagePaths } from '../pagePaths.ts';
import { DEFAULT_KIOSK_SETTINGS, parseKioskSettings, validHome, type KioskSettings } from './kioskSettings.ts';

/** localStorage key: kiosk mode belongs to the device, like the theme. */
export const KIOSK_SETTINGS_KEY = 'stockscan.kiosk.v1';

/** Stored as parsed without the page list; the hook checks the home against the app's pages. */
export const kioskSettingsStore = createDeviceSettingsStore(KIOSK_SETTINGS_KEY, (raw) => parseKioskSettings(raw, null));

export function useKioskSettings(): [KioskSettings, (patch: Partial<KioskSettings>) => void] {
  const [stored, update] = useDeviceSettings(kioskSettingsStore);
  const paths = usePagePaths();
  const settings = useMemo(
    () => (validHome(stored.home, paths) ? stored : { ...stored, home: DEFAULT_KIOSK_SETTINGS.home }),
    [stored, paths],
  );
  return [settings, update];
}
