/** Receive's device setting: "confirm the quantity before booking" (off unless chosen on this device). */
import { createDeviceSettingsStore } from '../../scanner/deviceSettingsStore.ts';

export interface ReceiveSettings {
  confirmQuantity: boolean;
}

export const RECEIVE_SETTINGS_KEY = 'stockscan.receive.v1';

/** Anything stored that is not `{ "confirmQuantity": true }` reads as off. */
export function parseReceiveSettings(raw: string | null): ReceiveSettings {
  try {
    const v: unknown = raw === null ? null : JSON.parse(raw);
    return {
      confirmQuantity: typeof v === 'object' && v !== null && (v as Record<string, unknown>).confirmQuantity === true,
    };
  } catch {
    return { confirmQuantity: false };
  }
}

export const receiveSettingsStore = createDeviceSettingsStore(RECEIVE_SETTINGS_KEY, parseReceiveSettings);
