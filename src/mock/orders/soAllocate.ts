// POST /api/barcode/so-allocate/ (BEHAVIOUR.md 2.7): allocate a scanned stock item to a pending
// sales order, finding the line and the shipment when they are not given.
import type { ApiRequest, ApiResponse } from '../apiTypes';
import { ErrorDetail, pyRepr, type PyDecimal } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { SalesOrderLineRow, SalesOrderRow, SalesOrderShipmentRow, StockItemRow, Store } from '../store';
import { barcodeField, integerField, pkField } from '../validation';
import { logBarcodeScan, scanBarcode, stringifiedError, success, validateBarcodeRequest } from './barcodeRequest';
import { SO_OPEN, SO_STATUS } from './orderStatus';
import { dbDecimal, decimalValue } from './pyDecimal';
import { allocateStock } from './stockAllocation';

/** `str(exc.detail['error'])` of a ValidationError({'error': msg}): the list repr. */
function errorDetailRepr(message: string): string {
  return pyRepr([new ErrorDetail(message, 'invalid')]);
}

/** The part and its template ancestors (`get_ancestors(include_self=True)` of the variant tree). */
function partWithAncestors(store: Store, partPk: number): Set<number> {
  const found = new Set<number>();
  let pk: number | null = partPk;
  while (pk !== null && !found.has(pk)) {
    found.add(pk);
    pk = store.parts.get(pk)?.variant_of ?? null;
  }
  return found;
}

function isSerialized(item: StockItemRow): boolean {
  return item.serial !== null && String(item.serial).trim() !== '' && item.quantity === 1;
}

export function unallocatedQuantity(item: StockItemRow): number {
  return Math.max(item.quantity - (item.allocated ?? 0), 0);
}

interface SoAllocateInput {
  barcode: string;
  order: SalesOrderRow;
  line: SalesOrderLineRow | null;
  shipment: SalesOrderShipmentRow | null;
  quantity: number | undefined;
}

export function soAllocate(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const validated = validateBarcodeRequest<SoAllocateInput>(req, sim, (data, errors) => {
    const barcode = barcodeField(data, errors);
    let order: SalesOrderRow | undefined;
    const so = pkField(data, 'sales_order', errors, (pk) => store.salesOrders.has(pk), {
      required: true,
      allowNull: false,
    });
    if (so.present && so.pk !== null) {
      order = store.salesOrders.get(so.pk);
      // API 425 (flavour) accepts any open order and says "not open".
      const open = sim.flavour?.allocateToOpenOrders;
      if (order && !(open ? SO_OPEN : [SO_STATUS.PENDING]).includes(order.status)) {
        errors.sales_order = [new ErrorDetail(`Sales order is not ${open ? 'open' : 'pending'}`, 'invalid')];
      }
    }
    const lineField = pkField(data, 'line', errors, (pk) => store.soLines.has(pk), {
      required: false,
      allowNull: true,
    });
    const line = lineField.present && lineField.pk !== null ? (store.soLines.get(lineField.pk) ?? null) : null;
    const shipmentField = pkField(data, 'shipment', errors, (pk) => store.soShipments.has(pk), {
      required: false,
      allowNull: true,
    });
    const shipment =
      shipmentField.present && shipmentField.pk !== null ? (store.soShipments.get(shipmentField.pk) ?? null) : null;
    if (shipment && shipment.delivery_date !== null)
      errors.shipment = [new ErrorDetail('Shipment has already been delivered', 'invalid')];
    const quantity = integerField(data, 'quantity', errors, false);
    return barcode !== undefined && order ? { barcode, order, line, shipment, quantity } : undefined;
  });
  if (!validated.ok) return validated.response;
  const { barcode, order } = validated.value;

  let response = scanBarcode(sim, barcode);
  let item: StockItemRow | undefined;
  if (response.plugin === null) {
    response.error = 'No matching plugin found for barcode data';
  } else {
    const match = response.stockitem as { pk?: unknown } | undefined;
    item = typeof match?.pk === 'number' ? store.stockItems.get(match.pk) : undefined;
    if (!item) response.error = 'Barcode does not match an existing stock item';
  }
  if ('error' in response || !item) {
    logBarcodeScan(req, sim, response, false);
    return stringifiedError(response);
  }

  // Line item: the given one, else the one line of the order for this part (or a template of it).
  let line = validated.value.line;
  let shipment: SalesOrderShipmentRow | null = null;
  let failed: string | null = null;
  if (!line) {
    const parts = partWithAncestors(store, item.part);
    const candidates = store.soLines.filter(
      (l) => l.order === order.pk && parts.has(l.part) && l.shipped <= l.quantity,
    );
    if (candidates.length > 1) failed = errorDetailRepr('Multiple matching line items found');
    else if (candidates.length === 0) failed = errorDetailRepr('No matching line item found');
    else line = candidates[0]!;
  }
  if (!failed) {
    const given = validated.value.shipment;
    if (given) {
      if (given.order !== order.pk) failed = errorDetailRepr('Shipment does not match sales order');
      else shipment = given;
    } else {
      const open = store.soShipments.filter((s) => s.order === order.pk && s.delivery_date === null);
      shipment = open.length === 1 ? open[0]! : null;
    }
  }
  if (!failed && line && line.part !== item.part) failed = 'Stock item does not match line item';
  if (failed || !line) {
    response.error = failed;
    logBarcodeScan(req, sim, response, false);
    return stringifiedError(response);
  }

  let quantity: number | PyDecimal;
  if (isSerialized(item)) quantity = 1;
  else if (validated.value.quantity !== undefined) quantity = validated.value.quantity;
  else quantity = dbDecimal(Math.min(line.quantity - line.shipped, unallocatedQuantity(item)));
  const amount = typeof quantity === 'number' ? quantity : decimalValue(quantity);

  response = {
    ...response,
    stock_item: item.pk,
    part: item.part,
    sales_order: order.pk,
    line_item: line.pk,
    shipment: shipment ? shipment.pk : null,
    quantity,
  };
  if (unallocatedQuantity(item) < amount) {
    response.error = 'Insufficient stock available';
    // InvenTree logs `'success' in response`: false on 291; API 425 keeps the plugin's success key.
    logBarcodeScan(req, sim, response, 'success' in response);
    return stringifiedError(response);
  }
  if (shipment) {
    allocateStock(sim, { item, line, shipment, quantity: amount });
    response.success = 'Stock item allocated to sales order';
  }
  // Without a single open shipment v291 answers 200 and allocates nothing.
  logBarcodeScan(req, sim, response, 'success' in response);
  return success(response);
}
