// The supplier plugins (DigiKey, LCSC, Mouser, TME) come from src/mock/supplier/ (SIM-ORDERS).
// This is the single place that wires them into the chain, after InvenTreeBarcode.
import type { BarcodePlugin } from './plugins/pluginTypes';
import { createSupplierPlugins as createSupplierBarcodePlugins } from './supplier/supplierPlugins';

export function createSupplierPlugins(): BarcodePlugin[] {
  return createSupplierBarcodePlugins();
}
