// The InvenTreeBarcode plugin (BEHAVIOUR.md 1.7): short barcodes, JSON barcodes, linked hashes.
import { BARCODE_MODEL_LABELS, type BarcodeModelLabel } from '../barcodeModels';
import { hashBarcode } from '../barcodeHash';
import { parseJsonBarcode, parseShortBarcode, pyIntForPk, type InternalBarcodeFormat } from '../internalBarcode';
import { findPluginSetting, materializePluginSetting } from '../settingsStore';
import { SimulatedServerError } from '../serverError';
import type { BarcodePlugin, PluginContext, PluginScanResult } from './pluginTypes';

export const INVENTREE_BARCODE_SLUG = 'inventreebarcode';

/**
 * Server code reads plugin settings through get_setting(), which creates a missing row (so its pk
 * appears): every scan reads SHORT_BARCODE_PREFIX, generate reads INTERNAL_BARCODE_FORMAT. This is
 * what puts INTERNAL_BARCODE_FORMAT at pk 4 in the transcripts (after the prefix and two
 * SUPPLIER_ID rows).
 */
function readSetting(sim: PluginContext, key: string, fallback: string): string {
  const row = findPluginSetting(sim.store, INVENTREE_BARCODE_SLUG, key);
  if (!row) return fallback;
  materializePluginSetting(sim.store, row);
  return row.value ?? '';
}

export function shortBarcodePrefix(sim: PluginContext): string {
  return readSetting(sim, 'SHORT_BARCODE_PREFIX', 'INV-');
}

export function internalBarcodeFormat(sim: PluginContext): InternalBarcodeFormat {
  return readSetting(sim, 'INTERNAL_BARCODE_FORMAT', 'json') === 'short' ? 'short' : 'json';
}

/** An object lookup by pk; SQLite cannot take integers beyond 64 bits (OverflowError, 500 in v291). */
function exists(sim: PluginContext, label: BarcodeModelLabel, pk: number): boolean {
  if (Math.abs(pk) >= 2 ** 63)
    throw new SimulatedServerError('OverflowError', 'Python int too large to convert to SQLite INTEGER');
  return sim.store.barcodeTable(label).has(pk);
}

function match(sim: PluginContext, label: BarcodeModelLabel, pk: number): PluginScanResult {
  return { [label]: sim.matchObject(label, pk) };
}

export const inventreeBarcodePlugin: BarcodePlugin = {
  name: 'InvenTreeBarcode',
  slug: INVENTREE_BARCODE_SLUG,
  scan(barcode, sim) {
    // 1. Short format. An unknown two-character code ends the scan at once (no JSON, no hash).
    const short = parseShortBarcode(barcode, shortBarcodePrefix(sim));
    if (short.kind === 'unknown-code') return null;
    if (short.kind === 'short' && exists(sim, short.label, short.pk)) {
      return match(sim, short.label, short.pk);
    }

    // 2. JSON object: the first label (model order) whose value is an existing pk.
    const json = parseJsonBarcode(barcode);
    if (json) {
      for (const label of BARCODE_MODEL_LABELS) {
        if (!(label in json)) continue;
        const pk = pyIntForPk(json[label]);
        if (pk !== null && exists(sim, label, pk)) return match(sim, label, pk);
      }
    }

    // 3. A custom barcode linked to an object: its hash, models in order.
    const hash = hashBarcode(barcode);
    for (const label of BARCODE_MODEL_LABELS) {
      const row = sim.store.findByBarcodeHash(label, hash);
      if (row) return match(sim, label, row.pk);
    }
    return null;
  },
};
