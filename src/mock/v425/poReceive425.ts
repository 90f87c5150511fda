// POST /api/barcode/po-receive/ as API 425 answers it (BarcodePOReceive + SupplierBarcodeMixin.
// scan_receive_item, upstream 770f7a292): optional supplier / line_item / auto_allocate; a label
// whose supplier, order or line the plugin cannot match gets no plugin match (not an order error);
// the order need not be placed when found from the label; lineitem always carries pk, quantity,
// supplier_part, purchase_order and location.
import { hashBarcode } from '../barcodeHash';
import type { ApiRequest, ApiResponse } from '../apiTypes';
import { logBarcodeScan, stringifiedError, success, validateBarcodeRequest, type Json } from '../orders/barcodeRequest';
import { PO_STATUS } from '../orders/orderStatus';
import { partDefaultLocation, receiveLineItem } from '../orders/stockReceipt';
import { ErrorDetail } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { CompanyRow, LocationRow, PurchaseOrderLineRow, PurchaseOrderRow } from '../store';
import { isSimSupplierPlugin, type SimSupplierPlugin } from '../supplier/supplierPlugins';
import { detectSupplier } from '../supplier/supplierLookup';
import { barcodeField, pkField, type FieldErrors } from '../validation';
import { inventreeBarcodePlugin425 } from './plugins425';
import { findOrder425, findSupplierPart425 } from './plugins425';

export const NO_PLUGIN_MATCH = 'No plugin match for supplier barcode';

interface ReceiveInput {
  barcode: string;
  supplier: CompanyRow | null;
  order: PurchaseOrderRow | null;
  location: LocationRow | null;
  line: PurchaseOrderLineRow | null;
  autoAllocate: boolean;
}

/** DRF BooleanField. */
function booleanField(data: Json, key: string, errors: FieldErrors): boolean {
  if (!(key in data)) return true;
  const raw = data[key];
  const truthy = [true, 1, '1', 'true', 'True', 'TRUE', 'yes', 'on', 'y', 't'];
  const falsy = [false, 0, '0', 'false', 'False', 'FALSE', 'no', 'off', 'n', 'f'];
  if (truthy.includes(raw as never)) return true;
  if (falsy.includes(raw as never)) return false;
  errors[key] = [new ErrorDetail('Must be a valid boolean.', 'invalid')];
  return true;
}

/** scan_receive_item of one supplier plugin: null when the label is not its to receive. */
function scanReceiveItem(sim: Simulation, plugin: SimSupplierPlugin, input: ReceiveInput): Json | null {
  const store = sim.store;
  const fields = plugin.extractFields(input.barcode);
  const own = detectSupplier(store, plugin.slug, plugin.defaultSupplierName);
  const supplier = input.supplier ?? own;
  if (!supplier) return null;
  const order = input.order ?? findOrder425(store, fields, own);
  if (!order || order.supplier !== supplier.pk) return null;
  const supplierPart = findSupplierPart425(store, fields, own);
  if (!supplierPart) return null;

  let line = input.line;
  if (!line) {
    const lines = store.poLines.filter((l) => l.order === order.pk && l.part === supplierPart.pk);
    line = lines.length === 1 ? lines[0]! : null;
  }
  if (!line) return null;
  if (line.part !== supplierPart.pk) return { error: 'Supplier part does not match line item' };
  if (line.received >= line.quantity) return { error: 'Line item is already completed' };

  const part = store.parts.get(supplierPart.part);
  const locationPk =
    input.location?.pk ??
    line.destination ??
    (order.destination as number | null) ??
    (part ? partDefaultLocation(store, part) : null);
  const labelQuantity = fields.quantity;
  const actionRequired = !input.autoAllocate || locationPk === null || labelQuantity === undefined;
  const quantity = labelQuantity === undefined ? Math.max(line.quantity - line.received, 0) : Number(labelQuantity);

  const response: Json = {
    lineitem: { pk: line.pk, quantity, supplier_part: supplierPart.pk, purchase_order: order.pk, location: locationPk },
  };
  if (actionRequired) {
    response.action_required = 'Further information required to receive line item';
    return response;
  }
  receiveLineItem(sim, { order, line, location: locationPk, quantity, barcode: input.barcode });
  response.success = 'Received purchase order line item';
  return response;
}

export function poReceive425(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const validated = validateBarcodeRequest<ReceiveInput>(req, sim, (data, errors) => {
    const barcode = barcodeField(data, errors);
    const supplierField = pkField(data, 'supplier', errors, (pk) => store.companies.has(pk), {
      required: false,
      allowNull: true,
    });
    const supplier =
      supplierField.present && supplierField.pk !== null ? (store.companies.get(supplierField.pk) ?? null) : null;
    let order: PurchaseOrderRow | null = null;
    const po = pkField(data, 'purchase_order', errors, (pk) => store.purchaseOrders.has(pk), {
      required: false,
      allowNull: true,
    });
    if (po.present && po.pk !== null) {
      order = store.purchaseOrders.get(po.pk) ?? null;
      if (order && order.status !== PO_STATUS.PLACED)
        errors.purchase_order = [new ErrorDetail('Purchase order has not been placed', 'invalid')];
    }
    let location: LocationRow | null = null;
    const loc = pkField(data, 'location', errors, (pk) => store.stockLocations.has(pk), {
      required: false,
      allowNull: true,
    });
    if (loc.present && loc.pk !== null) {
      location = store.stockLocations.get(loc.pk) ?? null;
      if (location?.structural) errors.location = [new ErrorDetail('Cannot select a structural location', 'invalid')];
    }
    const lineField = pkField(data, 'line_item', errors, (pk) => store.poLines.has(pk), {
      required: false,
      allowNull: true,
    });
    const line = lineField.present && lineField.pk !== null ? (store.poLines.get(lineField.pk) ?? null) : null;
    const autoAllocate = booleanField(data, 'auto_allocate', errors);
    return barcode === undefined ? undefined : { barcode, supplier, order, location, line, autoAllocate };
  });
  if (!validated.ok) return validated.response;
  const input = validated.value;
  // The view takes the order's destination when no location was given.
  if (!input.location && input.order && input.order.destination !== null) {
    input.location = store.stockLocations.get(input.order.destination) ?? null;
  }

  const response: Json = { barcode_data: input.barcode, barcode_hash: hashBarcode(input.barcode) };
  const internal = inventreeBarcodePlugin425.scan(input.barcode, sim);
  if (internal && 'stockitem' in internal) {
    response.error = 'Item has already been received';
    logBarcodeScan(req, sim, response, false);
    return stringifiedError(response);
  }

  let chosen: SimSupplierPlugin | null = null;
  let pluginResponse: Json | null = null;
  for (const plugin of sim.plugins) {
    if (!isSimSupplierPlugin(plugin)) continue;
    const result = scanReceiveItem(sim, plugin, input);
    if (result === null) continue;
    if ('error' in result) {
      if (!pluginResponse) {
        pluginResponse = result;
        chosen = plugin;
      }
      continue;
    }
    pluginResponse = result;
    chosen = plugin;
    break;
  }
  response.plugin = chosen ? chosen.name : null;
  if (pluginResponse) Object.assign(response, pluginResponse);
  if (!chosen) response.error = NO_PLUGIN_MATCH;

  logBarcodeScan(req, sim, response, 'success' in response);
  if ('error' in response) return stringifiedError(response);
  return success(response);
}
