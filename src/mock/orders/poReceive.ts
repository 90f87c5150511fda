// POST /api/barcode/po-receive/ (BEHAVIOUR.md 2.6): receive a supplier label against a placed PO.
import { hashBarcode } from '../barcodeHash';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { inventreeBarcodePlugin } from '../plugins/inventreeBarcode';
import { ErrorDetail, PyDecimal } from '../pyRepr';
import { SimulatedServerError } from '../serverError';
import type { Simulation } from '../simulation';
import type { LocationRow, PurchaseOrderRow, SupplierPartRow } from '../store';
import { isSimSupplierPlugin, lacksPartNumbers, type SimSupplierPlugin } from '../supplier/supplierPlugins';
import { detectSupplier, findPurchaseOrders, findSupplierParts } from '../supplier/supplierLookup';
import { barcodeField, pkField } from '../validation';
import { logBarcodeScan, stringifiedError, success, validateBarcodeRequest, type Json } from './barcodeRequest';
import { PO_STATUS } from './orderStatus';
import { decimalValue, parsePyDecimal } from './pyDecimal';
import { partDefaultLocation, receiveLineItem } from './stockReceipt';

const ACTION_REQUIRED = 'Further information required to receive line item';

/** A plugin's answer: null (not mine), `{error}`, or the receive result. */
type ReceiveResult = Json | null;

/** Thrown where receive_line_item raises a Django ValidationError (answered as a 400). */
class ReceiveValidationError extends Error {
  constructor(readonly body: Json) {
    super('receive validation error');
  }
}

/** Python truthiness of the quantity after `Decimal(quantity)` (a string stays a string when empty). */
function isTruthy(quantity: PyDecimal | string | null): quantity is PyDecimal | string {
  if (quantity === null || quantity === '') return false;
  return typeof quantity === 'string' || decimalValue(quantity) !== 0;
}

/** SupplierBarcodeMixin.receive_purchase_order_item. */
function receivePurchaseOrderItem(
  sim: Simulation,
  supplierPart: SupplierPartRow,
  quantityText: string | undefined,
  order: PurchaseOrderRow,
  location: LocationRow | null,
  barcode: string,
): Json {
  const store = sim.store;
  let quantity: PyDecimal | string | null = quantityText ?? null;
  if (quantityText) quantity = parsePyDecimal(quantityText);

  const lines = store.poLines.filter(
    (l) => l.order === order.pk && l.part === supplierPart.pk && l.quantity > l.received,
  );
  let line = lines[0];
  if (lines.length === 1 || !isTruthy(quantity)) {
    // `line_items[0]` on an empty queryset.
    if (!line) throw new SimulatedServerError('IndexError', 'list index out of range');
  } else {
    const wanted = decimalValue(quantity as PyDecimal);
    line = lines.find((l) => l.quantity === wanted) ?? lines.find((l) => l.quantity > wanted) ?? lines[0];
  }
  if (!line) return { error: 'Failed to find pending line item for supplier part' };

  let locationPk: number | null = location ? location.pk : null;
  let noStockLocations = false;
  if (locationPk === null) {
    const part = store.parts.get(supplierPart.part);
    const partDefault = part ? partDefaultLocation(store, part) : null;
    if (line.destination !== null) locationPk = line.destination;
    else if (partDefault !== null) locationPk = partDefault;
    else if (store.stockLocations.size <= 1) {
      const only = store.stockLocations.all()[0];
      if (only) locationPk = only.pk;
      else noStockLocations = true;
    }
  }

  const lineitem: Json = { pk: line.pk, purchase_order: order.pk };
  if (isTruthy(quantity)) lineitem.quantity = quantity;
  if (locationPk !== null) lineitem.location = locationPk;

  if (!isTruthy(quantity) || (locationPk === null && !noStockLocations)) {
    return { lineitem, action_required: ACTION_REQUIRED };
  }
  const amount = decimalValue(quantity as PyDecimal);
  if (amount < 0) throw new ReceiveValidationError({ quantity: ['Quantity must be a positive number'] });
  const hash = hashBarcode(barcode);
  if (barcode && store.findByBarcodeHash('stockitem', hash)) {
    throw new ReceiveValidationError({ non_field_errors: ['Existing barcode found'] });
  }
  receiveLineItem(sim, { order, line, location: locationPk, quantity: amount, barcode });
  return { lineitem, success: 'Received purchase order line item' };
}

/** SupplierBarcodeMixin.scan_receive_item for one plugin. */
function scanReceiveItem(
  sim: Simulation,
  plugin: SimSupplierPlugin,
  barcode: string,
  givenOrder: PurchaseOrderRow | null,
  location: LocationRow | null,
): ReceiveResult {
  const store = sim.store;
  const fields = plugin.extractFields(barcode);
  if (lacksPartNumbers(fields)) return null;
  const supplier = detectSupplier(store, plugin.slug, plugin.defaultSupplierName);
  const parts = findSupplierParts(store, fields.supplier_part_number, supplier, fields.manufacturer_part_number);
  if (parts.length > 1) return { error: 'Found multiple matching supplier parts for barcode' };
  if (parts.length === 0) return null;

  let order = givenOrder;
  if (!order) {
    const orders = findPurchaseOrders(store, fields.customer_order_number, fields.supplier_order_number, supplier);
    // Python: `customer_order_number or supplier_order_number`, formatted with str() (None → 'None').
    const number = fields.customer_order_number || fields.supplier_order_number;
    const shown = number === undefined ? 'None' : number;
    if (orders.length > 1) return { error: `Found multiple purchase orders matching '${shown}'` };
    if (orders.length === 0) return { error: `No matching purchase order for '${shown}'` };
    order = orders[0]!;
  }
  if (supplier && order.supplier !== supplier.pk) return { error: 'Purchase order does not match supplier' };
  return receivePurchaseOrderItem(sim, parts[0]!, fields.quantity, order, location, barcode);
}

export function poReceive(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const validated = validateBarcodeRequest(req, sim, (data, errors) => {
    const barcode = barcodeField(data, errors);
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
    return barcode === undefined ? undefined : { barcode, order, location };
  });
  if (!validated.ok) return validated.response;
  const { barcode, order, location } = validated.value;

  const response: Json = { barcode_data: barcode, barcode_hash: hashBarcode(barcode) };

  // A label received before is stored on its stock item: the internal plugin finds it.
  const internal = inventreeBarcodePlugin.scan(barcode, sim);
  if (internal && 'stockitem' in internal) {
    response.error = 'Item has already been received';
    logBarcodeScan(req, sim, response, false);
    return stringifiedError(response);
  }

  let chosen: SimSupplierPlugin | null = null;
  let pluginResponse: Json | null = null;
  try {
    for (const plugin of sim.plugins) {
      if (!isSimSupplierPlugin(plugin)) continue;
      const result = scanReceiveItem(sim, plugin, barcode, order, location);
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
  } catch (error) {
    if (error instanceof ReceiveValidationError) return jsonResponse(400, error.body);
    throw error;
  }

  response.plugin = chosen ? chosen.name : null;
  if (pluginResponse) Object.assign(response, pluginResponse);
  if (!chosen) response.error = 'No match for supplier barcode';

  logBarcodeScan(req, sim, response, 'success' in response);
  if ('error' in response) return stringifiedError(response);
  return success(response);
}
