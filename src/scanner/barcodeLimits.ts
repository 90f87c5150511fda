/**
 * Moved to api/barcodeLimits.ts (an InvenTree rule, not a scanner one). This re-export keeps the
 * workflows' imports valid until they import api/ directly; delete it then.
 */
export { barcodeLength, MAX_BARCODE_LENGTH, refuseBarcode, type BarcodeRefusal } from '../api/barcodeLimits.ts';
