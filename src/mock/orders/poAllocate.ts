// POST /api/barcode/po-allocate/ (BEHAVIOUR.md 2.5): find the one supplier part of a pending
// PO's supplier that a scanned part / supplier part / manufacturer part barcode stands for.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { ErrorDetail, pyRepr } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { PurchaseOrderRow, SupplierPartRow } from '../store';
import { barcodeField, pkField } from '../validation';
import { logBarcodeScan, scanBarcode, success, validateBarcodeRequest, type Json } from './barcodeRequest';
import { PO_OPEN, PO_STATUS } from './orderStatus';

/**
 * get_supplier_part raises `ValidationError(msg)` (DRF): its detail is a one-item list, and the
 * view stores `str(e)`, the list repr `[ErrorDetail(string='…', code='invalid')]`.
 */
function validationErrorText(message: string): string {
  return pyRepr([new ErrorDetail(message, 'invalid')]);
}

function matchPk(value: unknown): number | null {
  if (value && typeof value === 'object' && 'pk' in value) {
    const pk = (value as { pk: unknown }).pk;
    return typeof pk === 'number' && pk !== 0 ? pk : null;
  }
  return null;
}

/** get_supplier_part: the PO supplier's parts, narrowed by each match key present. */
function resolveSupplierPart(sim: Simulation, order: PurchaseOrderRow, result: Json): SupplierPartRow | string {
  const part = result.part;
  const supplierPart = result.supplierpart;
  const manufacturerPart = result.manufacturerpart;
  if (!part && !supplierPart && !manufacturerPart) return 'No matching part data found';
  let candidates = sim.store.supplierParts.filter((sp) => sp.supplier === order.supplier);
  const partPk = matchPk(part);
  if (partPk !== null) candidates = candidates.filter((sp) => sp.part === partPk);
  const supplierPartPk = matchPk(supplierPart);
  if (supplierPartPk !== null) candidates = candidates.filter((sp) => sp.pk === supplierPartPk);
  const manufacturerPartPk = matchPk(manufacturerPart);
  if (manufacturerPartPk !== null) candidates = candidates.filter((sp) => sp.manufacturer_part === manufacturerPartPk);
  if (candidates.length === 0) return 'No matching supplier parts found';
  if (candidates.length > 1) return 'Multiple matching supplier parts found';
  return candidates[0]!;
}

export function poAllocate(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const validated = validateBarcodeRequest(req, sim, (data, errors) => {
    const barcode = barcodeField(data, errors);
    const po = pkField(data, 'purchase_order', errors, (pk) => store.purchaseOrders.has(pk), {
      required: true,
      allowNull: false,
    });
    let order: PurchaseOrderRow | undefined;
    if (po.present && po.pk !== null) {
      order = store.purchaseOrders.get(po.pk);
      // API 425 (flavour) accepts any open order and says "not open".
      const open = sim.flavour?.allocateToOpenOrders;
      if (order && !(open ? PO_OPEN : [PO_STATUS.PENDING]).includes(order.status)) {
        errors.purchase_order = [new ErrorDetail(`Purchase order is not ${open ? 'open' : 'pending'}`, 'invalid')];
      }
    }
    return barcode !== undefined && order ? { barcode, order } : undefined;
  });
  if (!validated.ok) return validated.response;
  const { barcode, order } = validated.value;

  const result = scanBarcode(sim, barcode);
  if (result.plugin === null) {
    result.error = 'No matching plugin found for barcode data';
  } else {
    const resolved = resolveSupplierPart(sim, order, result);
    if (typeof resolved === 'string') {
      result.error = validationErrorText(resolved);
    } else {
      result.success = 'Matched supplier part';
      result.supplierpart = sim.matchObject('supplierpart', resolved.pk);
    }
  }
  logBarcodeScan(req, sim, result, 'success' in result);
  // v291 answers every failure with DRF's bare default message.
  if ('error' in result) return jsonResponse(400, ['Invalid input.']);
  return success(result);
}
