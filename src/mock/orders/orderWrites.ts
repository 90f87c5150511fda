// The writes a client makes around the barcode order endpoints (transcripts 084-097, 125, and
// the follow-ups of action_required / po-allocate / shipment-less so-allocate): create a PO, add
// a PO line, issue (place) a PO, create a sales order shipment (receive: orderReceive.ts).
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { ErrorDetail } from '../pyRepr';
import { globalSettingValue } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { PurchaseOrderLineRow, PurchaseOrderRow, SalesOrderShipmentRow } from '../store';
import { charField, hasErrors, pkField } from '../validation';
import { companyBrief, locationBrief, partBrief, today } from './orderSerializers';
import { poLineBody, purchaseOrderBody } from './poSerializers';
import { salesOrderBody, shipmentBody } from './soSerializers';
import { PO_OPEN, PO_STATUS, poStatusText } from './orderStatus';
import { autoPurchasePrice } from './autoPricing';
import { decimalProduct } from './pyDecimal';
import { recountLines } from './stockReceipt';
import {
  allowed,
  booleanInput,
  dateInput,
  decimalInput,
  FORBIDDEN,
  NOT_FOUND,
  optionalText,
  withBody,
} from './orderWriteInputs';

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
