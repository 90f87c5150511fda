// The four supplier barcode plugins of InvenTree v291, in registry order after InvenTreeBarcode:
// DigiKeyPlugin, LCSCPlugin, MouserPlugin, TMEPlugin (BEHAVIOUR.md 1.6, 1.8).
import { pyStrip } from '../barcodeHash';
import type { BarcodePlugin, PluginContext, SupplierBarcodePlugin } from '../plugins/pluginTypes';
import { parseEciaBarcode, parseMouserBarcode } from './eciaBarcode';
import { parseLcscBarcode } from './lcscBarcode';
import type { ParsedFields } from './supplierFields';
import { detectSupplier, findSupplierParts } from './supplierLookup';
import { parseTmeBarcode } from './tmeBarcode';

export interface SupplierPluginSpec {
  name: string;
  slug: string;
  defaultSupplierName: string;
  parse(barcode: string): ParsedFields;
}

export const SUPPLIER_PLUGIN_SPECS: readonly SupplierPluginSpec[] = [
  { name: 'DigiKeyPlugin', slug: 'digikeyplugin', defaultSupplierName: 'DigiKey', parse: parseEciaBarcode },
  { name: 'LCSCPlugin', slug: 'lcscplugin', defaultSupplierName: 'LCSC', parse: parseLcscBarcode },
  { name: 'MouserPlugin', slug: 'mouserplugin', defaultSupplierName: 'Mouser', parse: parseMouserBarcode },
  { name: 'TMEPlugin', slug: 'tmeplugin', defaultSupplierName: 'TME', parse: parseTmeBarcode },
];

/** A supplier plugin as the simulation runs it: the chain's `scan` plus field extraction. */
export interface SimSupplierPlugin extends SupplierBarcodePlugin {
  extractFields(barcode: string): ParsedFields;
}

/** No SKU and no MPN key at all (an empty string still counts as present). */
export function lacksPartNumbers(fields: ParsedFields): boolean {
  return fields.supplier_part_number === undefined && fields.manufacturer_part_number === undefined;
}

export function createSupplierPlugin(spec: SupplierPluginSpec): SimSupplierPlugin {
  const extractFields = (barcode: string) => spec.parse(pyStrip(barcode));
  return {
    kind: 'supplier',
    name: spec.name,
    slug: spec.slug,
    defaultSupplierName: spec.defaultSupplierName,
    extractFields,
    scan(barcode: string, sim: PluginContext) {
      const fields = extractFields(barcode);
      if (lacksPartNumbers(fields)) return null;
      const supplier = detectSupplier(sim.store, spec.slug, spec.defaultSupplierName);
      const parts = findSupplierParts(
        sim.store,
        fields.supplier_part_number,
        supplier,
        fields.manufacturer_part_number,
      );
      if (parts.length > 1) return { error: 'Found multiple matching supplier parts for barcode' };
      if (parts.length === 0) return null;
      return { supplierpart: sim.matchObject('supplierpart', parts[0]!.pk) };
    },
  };
}

export function createSupplierPlugins(): SimSupplierPlugin[] {
  return SUPPLIER_PLUGIN_SPECS.map(createSupplierPlugin);
}

export function isSimSupplierPlugin(plugin: BarcodePlugin): plugin is SimSupplierPlugin {
  return (plugin as Partial<SimSupplierPlugin>).kind === 'supplier';
}
