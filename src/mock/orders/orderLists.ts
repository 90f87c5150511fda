// GET list/detail endpoints of purchase orders and PO lines, with v291's filters, search, ordering, limit/offset.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import type { Simulation } from '../simulation';
import { byReferenceDescending, detailFlag, matchesSearch, referenceInt } from './listQuery';
import {
  applyFilters,
  boolFilter,
  byPk,
  companyName,
  orderingFrom,
  listResponse,
  NOT_FOUND,
  pkFilter,
  projectCode,
  statusFilter,
} from './orderListFilters';
import { today } from './orderSerializers';
import { poLineBody, purchaseOrderBody } from './poSerializers';
import { PO_OPEN } from './orderStatus';

// ---------------------------------------------------------------- purchase orders

export function purchaseOrderList(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const q = req.query;
  const errors: Record<string, string[]> = {};
  const day = today(sim);
  let rows = applyFilters(store.purchaseOrders.all(), [
    pkFilter(
      q,
      'supplier',
      (pk) => store.companies.has(pk),
      (row, pk) => row.supplier === pk,
      errors,
    ),
    statusFilter(q, [10, 20, 25, 30, 40, 50, 60], errors),
    boolFilter(q, 'outstanding', (row) => PO_OPEN.includes(row.status)),
    boolFilter(
      q,
      'overdue',
      (row) => typeof row.target_date === 'string' && row.target_date < day && PO_OPEN.includes(row.status),
    ),
    boolFilter(q, 'has_project_code', (row) => row.project_code !== null),
  ]);
  const search = q.get('search');
  rows = rows.filter((row) =>
    matchesSearch(search, [
      row.reference,
      companyName(store, row.supplier),
      row.supplier_reference,
      row.description,
      projectCode(row),
    ]),
  );
  rows.sort(
    orderingFrom(
      q,
      {
        reference: (r) => referenceInt(r.reference),
        supplier__name: (r) => companyName(store, r.supplier),
        creation_date: (r) => r.creation_date,
        target_date: (r) => r.target_date,
        status: (r) => r.status,
        issue_date: (r) => r.issue_date,
        complete_date: (r) => r.complete_date,
        total_price: (r) => Number(r.total_price),
      },
      byReferenceDescending,
    ),
  );
  const flags = { supplier_detail: detailFlag(q, 'supplier_detail') };
  return listResponse(req, errors, () => rows.map((row) => purchaseOrderBody(sim, row, 'list', flags)));
}

export function poLineList(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const q = req.query;
  const errors: Record<string, string[]> = {};
  let rows = applyFilters(store.poLines.all(), [
    pkFilter(
      q,
      'order',
      (pk) => store.purchaseOrders.has(pk),
      (row, pk) => row.order === pk,
      errors,
    ),
    pkFilter(
      q,
      'part',
      (pk) => store.supplierParts.has(pk),
      (row, pk) => row.part === pk,
      errors,
    ),
    pkFilter(
      q,
      'base_part',
      (pk) => store.parts.has(pk),
      (row, pk) => store.supplierParts.get(row.part)?.part === pk,
      errors,
    ),
    boolFilter(q, 'pending', (row) => {
      const order = store.purchaseOrders.get(row.order);
      return order !== undefined && PO_OPEN.includes(order.status);
    }),
    boolFilter(q, 'received', (row) => row.received >= row.quantity),
    boolFilter(q, 'has_pricing', (row) => row.purchase_price !== null),
  ]);
  const search = q.get('search');
  rows = rows.filter((row) => {
    const sp = store.supplierParts.get(row.part);
    const part = sp ? store.parts.get(sp.part) : undefined;
    const mp = sp && sp.manufacturer_part !== null ? store.manufacturerParts.get(sp.manufacturer_part) : undefined;
    return matchesSearch(search, [part?.name, part?.description, mp?.MPN, sp?.SKU, row.reference]);
  });
  rows.sort(
    orderingFrom(
      q,
      {
        quantity: (r) => r.quantity,
        received: (r) => r.received,
        reference: (r) => r.reference,
        SKU: (r) => store.supplierParts.get(r.part)?.SKU,
      },
      byPk,
    ),
  );
  const flags = {
    order_detail: detailFlag(q, 'order_detail'),
    part_detail: detailFlag(q, 'part_detail'),
  };
  return listResponse(req, errors, () => rows.map((row) => poLineBody(sim, row, 'list', flags)));
}

export function poLineDetail(req: ApiRequest, sim: Simulation): ApiResponse {
  const row = sim.store.poLines.get(Number(req.params.pk));
  if (!row) return jsonResponse(404, NOT_FOUND);
  const q = req.query;
  return jsonResponse(
    200,
    poLineBody(sim, row, 'list', {
      order_detail: detailFlag(q, 'order_detail'),
      part_detail: detailFlag(q, 'part_detail'),
    }),
  );
}
