// POST /api/order/po/{id}/receive/: validate the items, then receive each PO line into stock.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hashBarcode } from '../barcodeHash';
import { ErrorDetail } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { PurchaseOrderLineRow } from '../store';
import { bodyAsDict, fieldErrorBody, hasErrors, pkField, type FieldErrors } from '../validation';
import { allowed, decimalInput, FORBIDDEN, NOT_FOUND, optionalText, type Json } from './orderWriteInputs';
import { PO_STATUS } from './orderStatus';
import { receiveLineItem } from './stockReceipt';

interface ReceiveItem {
  line: PurchaseOrderLineRow;
  location: number | null;
  quantity: number;
  quantityText: string;
  batch: string;
  serials: string;
  status: number;
  packaging: string;
  note: string;
  barcode: string;
}

const STOCK_STATUS = [10, 50, 55, 60, 65, 70, 75];

export function receivePurchaseOrder(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const order = store.purchaseOrders.get(Number(req.params.pk));
  if (!order) return jsonResponse(404, NOT_FOUND);
  if (!allowed(sim, req, 'purchaseorderlineitem', 'add')) return jsonResponse(403, FORBIDDEN);
  const parsed = bodyAsDict(req.body);
  if (!parsed.ok) return jsonResponse(400, fieldErrorBody(parsed.errors));
  const data = parsed.data;
  const errors: Record<string, unknown> = {};

  const topErrors: FieldErrors = {};
  const location = pkField(data, 'location', topErrors, (pk) => store.stockLocations.has(pk), {
    required: false,
    allowNull: true,
  });
  const globalLocation = location.present ? location.pk : null;
  if (globalLocation !== null && store.stockLocations.get(globalLocation)?.structural) {
    topErrors.location = [new ErrorDetail('Cannot select a structural location', 'invalid')];
  }

  const items: ReceiveItem[] = [];
  if (!('items' in data)) errors.items = ['This field is required.'];
  else if (!Array.isArray(data.items))
    errors.items = {
      non_field_errors: [`Expected a list of items but got type "${typeof data.items === 'string' ? 'str' : 'dict'}".`],
    };
  else {
    const itemErrors: Json[] = [];
    let anyItemError = false;
    for (const raw of data.items as unknown[]) {
      const fieldErrors: FieldErrors = {};
      const itemDict = bodyAsDict(raw ?? null);
      if (!itemDict.ok) {
        itemErrors.push(fieldErrorBody(itemDict.errors));
        anyItemError = true;
        continue;
      }
      const item = itemDict.data;
      const linePk = pkField(item, 'line_item', fieldErrors, (pk) => store.poLines.has(pk), {
        required: true,
        allowNull: false,
      });
      const line = linePk.present && linePk.pk !== null ? store.poLines.get(linePk.pk) : undefined;
      if (line && line.order !== order.pk)
        fieldErrors.line_item = [new ErrorDetail('Line item does not match purchase order', 'invalid')];
      const itemLocation = pkField(item, 'location', fieldErrors, (pk) => store.stockLocations.has(pk), {
        required: false,
        allowNull: true,
      });
      const quantity = decimalInput(item, 'quantity', fieldErrors, true);
      if (quantity !== undefined && quantity <= 0)
        fieldErrors.quantity = [new ErrorDetail('Quantity must be greater than zero', 'invalid')];
      const batch = optionalText(item, 'batch_code', fieldErrors, '', 100);
      const serials = optionalText(item, 'serial_numbers', fieldErrors, '');
      const statusRaw = 'status' in item ? item.status : 10;
      const status = typeof statusRaw === 'number' ? statusRaw : Number(statusRaw);
      if (!STOCK_STATUS.includes(status))
        fieldErrors.status = [new ErrorDetail(`"${String(statusRaw)}" is not a valid choice.`, 'invalid_choice')];
      const packaging = optionalText(item, 'packaging', fieldErrors, '', 50);
      const note = optionalText(item, 'note', fieldErrors, '');
      const barcode = item.barcode === null ? '' : optionalText(item, 'barcode', fieldErrors, '');
      if (barcode && store.findByBarcodeHash('stockitem', hashBarcode(barcode))) {
        fieldErrors.barcode = [new ErrorDetail('Barcode is already in use', 'invalid')];
      }
      if (hasErrors(fieldErrors) || !line || quantity === undefined) {
        itemErrors.push(fieldErrorBody(fieldErrors));
        anyItemError = true;
        continue;
      }
      itemErrors.push({});
      items.push({
        line,
        location: itemLocation.present ? itemLocation.pk : null,
        quantity,
        quantityText: quantity.toFixed(5),
        batch,
        serials,
        status,
        packaging,
        note,
        barcode,
      });
    }
    if (anyItemError) errors.items = itemErrors;
  }
  Object.assign(errors, fieldErrorBody(topErrors));
  if (Object.keys(errors).length > 0) return jsonResponse(400, errors);

  if (items.length === 0) return jsonResponse(400, { non_field_errors: ['Line items must be provided'] });
  const barcodes = items.map((i) => i.barcode).filter((b) => b !== '');
  if (new Set(barcodes).size !== barcodes.length)
    return jsonResponse(400, { non_field_errors: ['Supplied barcode values must be unique'] });
  for (const item of items) {
    if (item.location === null && globalLocation === null && item.line.destination === null) {
      return jsonResponse(400, { location: ['Destination location must be specified'] });
    }
  }
  if (order.status !== PO_STATUS.PLACED) {
    return jsonResponse(400, { non_field_errors: ["Lines can only be received against an order marked as 'PLACED'"] });
  }

  for (const item of items) {
    receiveLineItem(sim, {
      order,
      line: item.line,
      location: item.location ?? globalLocation ?? item.line.destination,
      quantity: item.quantity,
      barcode: item.barcode,
      status: item.status,
      batch: item.batch,
      packaging: item.packaging || null,
    });
  }
  return jsonResponse(201, {
    items: items.map((i) => ({
      line_item: i.line.pk,
      location: i.location,
      quantity: i.quantityText,
      batch_code: i.batch,
      serial_numbers: i.serials,
      status: i.status,
      packaging: i.packaging,
      note: i.note,
      barcode: i.barcode,
    })),
    location: globalLocation,
  });
}
