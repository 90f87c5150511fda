// The writes a client makes around the barcode order endpoints (transcripts 084-097, 125, and
// the follow-ups of action_required / po-allocate / shipment-less so-allocate): create a PO, add
// a PO line, issue (place) a PO, receive PO lines, create a sales order shipment.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hashBarcode } from '../barcodeHash';
import { ErrorDetail } from '../pyRepr';
import { globalSettingValue } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { PurchaseOrderLineRow, PurchaseOrderRow, SalesOrderShipmentRow } from '../store';
import { bodyAsDict, charField, fieldErrorBody, hasErrors, pkField, type FieldErrors } from '../validation';
import { companyBrief, locationBrief, partBrief, today } from './orderSerializers';
import { poLineBody, purchaseOrderBody } from './poSerializers';
import { salesOrderBody, shipmentBody } from './soSerializers';
import { PO_OPEN, PO_STATUS, poStatusText } from './orderStatus';
import { autoPurchasePrice } from './autoPricing';
import { decimalProduct } from './pyDecimal';
import { receiveLineItem, recountLines } from './stockReceipt';

type Json = Record<string, unknown>;

const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };
const NOT_FOUND = { detail: 'Not found.' };

/** RolePermission: the user's Django permission on the view's model (superusers always pass). */
function allowed(sim: Simulation, req: ApiRequest, model: string, action: string): boolean {
  const user = req.user;
  if (!user) return false;
  if (user.is_superuser) return true;
  const body = sim.store.userAuth.get(user.pk)?.rolesBody as { permissions?: Record<string, string[]> } | undefined;
  return body?.permissions?.[model]?.includes(action) ?? false;
}

/** Parses the dict body; returns the 400 for a non-dict body. */
function withBody(req: ApiRequest, build: (data: Json, errors: FieldErrors) => ApiResponse): ApiResponse {
  const dict = bodyAsDict(req.body);
  if (!dict.ok) return jsonResponse(400, fieldErrorBody(dict.errors));
  const errors: FieldErrors = {};
  const response = build(dict.data, errors);
  return hasErrors(errors) ? jsonResponse(400, fieldErrorBody(errors)) : response;
}

function optionalText(data: Json, key: string, errors: FieldErrors, fallback: string, maxLength?: number): string {
  if (!(key in data)) return fallback;
  return charField(data, key, errors, { required: false, allowBlank: true, maxLength }) ?? fallback;
}

/** DRF DecimalField input: a number or numeric string; returns undefined after recording an error. */
function decimalInput(data: Json, key: string, errors: FieldErrors, required: boolean): number | undefined {
  if (!(key in data)) {
    if (required) errors[key] = [new ErrorDetail('This field is required.', 'required')];
    return undefined;
  }
  const raw = data[key];
  if (raw === null) {
    errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
    return undefined;
  }
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    errors[key] = [new ErrorDetail('A valid number is required.', 'invalid')];
    return undefined;
  }
  return Number(text);
}

const TRUE_VALUES = new Set<unknown>([
  't',
  'T',
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'true',
  'True',
  'TRUE',
  'on',
  'On',
  'ON',
  '1',
  1,
  true,
]);
const FALSE_VALUES = new Set<unknown>([
  'f',
  'F',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'false',
  'False',
  'FALSE',
  'off',
  'Off',
  'OFF',
  '0',
  0,
  false,
]);

/** DRF BooleanField (not nullable) with a default. */
function booleanInput(data: Json, key: string, errors: FieldErrors, fallback: boolean): boolean {
  if (!(key in data)) return fallback;
  const raw = data[key];
  if (raw === null) errors[key] = [new ErrorDetail('This field may not be null.', 'null')];
  else if (TRUE_VALUES.has(raw)) return true;
  else if (FALSE_VALUES.has(raw)) return false;
  else errors[key] = [new ErrorDetail('Must be a valid boolean.', 'invalid')];
  return fallback;
}

/** `YYYY-MM-DD` date input (DateField); null allowed. */
function dateInput(data: Json, key: string, errors: FieldErrors): string | null {
  if (!(key in data) || data[key] === null || data[key] === '') return null;
  const raw = data[key];
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) {
    errors[key] = [new ErrorDetail('Date has wrong format. Use one of these formats instead: YYYY-MM-DD.', 'invalid')];
    return null;
  }
  return raw;
}

// ---------------------------------------------------------------- purchase orders

export function createPurchaseOrder(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!allowed(sim, req, 'purchaseorder', 'add')) return jsonResponse(403, FORBIDDEN);
  const store = sim.store;
  return withBody(req, (data, errors) => {
    const reference = charField(data, 'reference', errors, { required: true, maxLength: 64 });
    if (reference !== undefined) {
      if (!/^PO\d+$/.test(reference))
        errors.reference = [new ErrorDetail('Reference must match required pattern', 'invalid')];
      else if (store.purchaseOrders.find((po) => po.reference === reference)) {
        errors.reference = [new ErrorDetail('Reference must be unique', 'invalid')];
      }
    }
    const supplier = pkField(data, 'supplier', errors, (pk) => store.companies.get(pk)?.is_supplier === true, {
      required: true,
      allowNull: false,
    });
    const description = optionalText(data, 'description', errors, '', 250);
    const supplierReference = optionalText(data, 'supplier_reference', errors, '', 64);
    const link = optionalText(data, 'link', errors, '', 2000);
    const targetDate = dateInput(data, 'target_date', errors);
    const destination = pkField(data, 'destination', errors, (pk) => store.stockLocations.has(pk), {
      required: false,
      allowNull: true,
    });
    if (hasErrors(errors) || reference === undefined || !supplier.present || supplier.pk === null)
      return jsonResponse(400, {});
    const company = store.companies.get(supplier.pk);
    if (!company) return jsonResponse(400, {});
    const order = store.purchaseOrders.insert((pk): PurchaseOrderRow => ({
      pk,
      creation_date: today(sim),
      target_date: targetDate,
      description,
      line_items: 0,
      completed_lines: 0,
      link,
      project_code: null,
      project_code_detail: null,
      reference,
      responsible: null,
      responsible_detail: null,
      contact: null,
      contact_detail: null,
      address: null,
      address_detail: null,
      status: PO_STATUS.PENDING,
      status_text: poStatusText(PO_STATUS.PENDING),
      status_custom_key: PO_STATUS.PENDING,
      barcode_hash: '',
      overdue: false,
      issue_date: null,
      complete_date: null,
      supplier: company.pk,
      supplier_detail: companyBrief(company),
      supplier_reference: supplierReference,
      supplier_name: company.name,
      total_price: '0.000000',
      order_currency: null,
      destination: destination.present ? destination.pk : null,
    }));
    store.detailExtras[`purchaseOrders:${order.pk}`] = { notes: null };
    return jsonResponse(201, purchaseOrderBody(sim, order, 'created'));
  });
}

/** POST /api/order/po/{id}/issue/: PENDING (or ON_HOLD) becomes PLACED; the answer is `{}`. */
export function issuePurchaseOrder(req: ApiRequest, sim: Simulation): ApiResponse {
  const order = sim.store.purchaseOrders.get(Number(req.params.pk));
  if (!order) return jsonResponse(404, NOT_FOUND);
  if (!allowed(sim, req, 'purchaseorder', 'add')) return jsonResponse(403, FORBIDDEN);
  if (order.status === PO_STATUS.PENDING || order.status === PO_STATUS.ON_HOLD) {
    order.status = PO_STATUS.PLACED;
    order.status_custom_key = PO_STATUS.PLACED;
    order.status_text = poStatusText(PO_STATUS.PLACED);
    order.issue_date = today(sim);
  }
  return jsonResponse(201, {});
}

export function createPoLine(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!allowed(sim, req, 'purchaseorderlineitem', 'add')) return jsonResponse(403, FORBIDDEN);
  const store = sim.store;
  return withBody(req, (data, errors) => {
    const part = pkField(data, 'part', errors, (pk) => store.supplierParts.has(pk), {
      required: true,
      allowNull: false,
    });
    const quantity = decimalInput(data, 'quantity', errors, true);
    if (quantity !== undefined && quantity <= 0)
      errors.quantity = [new ErrorDetail('Quantity must be greater than zero', 'invalid')];
    const reference = optionalText(data, 'reference', errors, '', 100);
    const notes = optionalText(data, 'notes', errors, '', 500);
    const order = pkField(data, 'order', errors, (pk) => store.purchaseOrders.has(pk), {
      required: true,
      allowNull: false,
    });
    const price =
      'purchase_price' in data && data.purchase_price !== null
        ? decimalInput(data, 'purchase_price', errors, false)
        : undefined;
    const currency = optionalText(
      data,
      'purchase_price_currency',
      errors,
      globalSettingValue(store, 'INVENTREE_DEFAULT_CURRENCY') ?? 'USD',
    );
    const destination = pkField(data, 'destination', errors, (pk) => store.stockLocations.has(pk), {
      required: false,
      allowNull: true,
    });
    const targetDate = dateInput(data, 'target_date', errors);
    const link = optionalText(data, 'link', errors, '', 2000);
    const autoPricing = booleanInput(data, 'auto_pricing', errors, true);
    const mergeItems = booleanInput(data, 'merge_items', errors, true);
    if (hasErrors(errors)) return jsonResponse(400, {});
    const orderRow = store.purchaseOrders.get(order.present ? (order.pk as number) : -1);
    const supplierPart = store.supplierParts.get(part.present ? (part.pk as number) : -1);
    if (!orderRow || !supplierPart || quantity === undefined) return jsonResponse(400, {});
    if (supplierPart.supplier !== orderRow.supplier) {
      errors.part = [new ErrorDetail('Supplier must match purchase order', 'invalid')];
      return jsonResponse(400, {});
    }
    const partRow = store.parts.get(supplierPart.part);
    const manufacturerPart =
      supplierPart.manufacturer_part === null ? undefined : store.manufacturerParts.get(supplierPart.manufacturer_part);
    const destinationPk = destination.present ? destination.pk : null;
    // merge_items (default true): the first line of the order with the same supplier part, target
    // date and destination grows by the quantity instead of a new line being created.
    const merged = mergeItems
      ? store.poLines.find(
          (l) =>
            l.order === orderRow.pk &&
            l.part === supplierPart.pk &&
            l.target_date === targetDate &&
            l.destination === destinationPk,
        )
      : undefined;
    if (merged) {
      merged.quantity = Number((merged.quantity + quantity).toFixed(5));
      if (typeof merged.purchase_price === 'string')
        merged.total_price = decimalProduct(merged.purchase_price, merged.quantity);
    }
    const line =
      merged ??
      store.poLines.insert((pk): PurchaseOrderLineRow => {
        const row: PurchaseOrderLineRow = {
          pk,
          part: supplierPart.pk,
          quantity,
          reference,
          notes,
          order: orderRow.pk,
          order_detail: purchaseOrderBody(sim, orderRow, 'brief'),
          overdue: false,
          part_detail: partRow ? partBrief(partRow, true) : null,
          supplier_part_detail: null,
          received: 0,
          purchase_price: price === undefined ? null : price.toFixed(6),
          purchase_price_currency: currency,
          auto_pricing: true,
          destination: destination.present ? destination.pk : null,
          destination_detail: locationBrief(store, destination.present ? destination.pk : null),
          target_date: targetDate,
          total_price: price === undefined ? null : decimalProduct(price.toFixed(6), quantity),
          link,
          sku: supplierPart.SKU,
          ipn: partRow ? partRow.IPN : null,
          internal_part: supplierPart.part,
          internal_part_name: partRow ? partRow.name : null,
        };
        return row;
      });
    if (manufacturerPart && !merged) line.mpn = manufacturerPart.MPN;
    // update_pricing runs after the save whenever auto_pricing is on, even over a given price.
    const autoPrice = autoPricing ? autoPurchasePrice(sim, supplierPart.pk, line.quantity) : null;
    if (autoPrice !== null) {
      line.purchase_price = autoPrice;
      line.total_price = decimalProduct(autoPrice, line.quantity);
    }
    recountLines(sim, orderRow);
    if (partRow && PO_OPEN.includes(orderRow.status) && typeof partRow.ordering === 'number') {
      partRow.ordering += quantity * (supplierPart.pack_quantity_native || 1);
    }
    return jsonResponse(201, poLineBody(sim, line, 'created'));
  });
}

// ---------------------------------------------------------------- receive (POST /api/order/po/{id}/receive/)

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
      if (barcode && store.stockItems.find((s) => s.barcode_hash === hashBarcode(barcode))) {
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

// ---------------------------------------------------------------- shipments

export function createShipment(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!allowed(sim, req, 'salesordershipment', 'add')) return jsonResponse(403, FORBIDDEN);
  const store = sim.store;
  return withBody(req, (data, errors) => {
    const order = pkField(data, 'order', errors, (pk) => store.salesOrders.has(pk), {
      required: true,
      allowNull: false,
    });
    const shipmentDate = dateInput(data, 'shipment_date', errors);
    const deliveryDate = dateInput(data, 'delivery_date', errors);
    const reference = optionalText(data, 'reference', errors, '1', 100);
    const tracking = optionalText(data, 'tracking_number', errors, '', 100);
    const invoice = optionalText(data, 'invoice_number', errors, '', 100);
    const link = optionalText(data, 'link', errors, '', 2000);
    const notes = 'notes' in data ? optionalText(data, 'notes', errors, '', 50000) : null;
    if (hasErrors(errors) || !order.present || order.pk === null) return jsonResponse(400, {});
    const so = store.salesOrders.get(order.pk);
    if (!so) return jsonResponse(400, {});
    if (store.soShipments.find((s) => s.order === so.pk && s.reference === reference)) {
      return jsonResponse(400, { non_field_errors: ['The fields order, reference must make a unique set.'] });
    }
    const shipment = store.soShipments.insert((pk): SalesOrderShipmentRow => ({
      pk,
      order: so.pk,
      order_detail: salesOrderBody(sim, so, 'brief'),
      allocated_items: 0,
      shipment_date: shipmentDate,
      delivery_date: deliveryDate,
      checked_by: null,
      reference,
      tracking_number: tracking,
      invoice_number: invoice,
      link,
      notes,
    }));
    if (typeof so.shipments_count === 'number') so.shipments_count += 1;
    if (shipmentDate !== null && typeof so.completed_shipments_count === 'number') so.completed_shipments_count += 1;
    return jsonResponse(201, shipmentBody(sim, shipment, 'created'));
  });
}
