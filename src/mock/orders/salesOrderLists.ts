// GET list/detail endpoints of sales orders, SO lines, shipments and allocations (v291 filters).
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import type { Simulation } from '../simulation';
import type { Row } from '../store';
import { byReferenceDescending, detailFlag, matchesSearch, referenceInt } from './listQuery';
import {
  applyFilters,
  boolFilter,
  byPk,
  companyName,
  type Compare,
  orderingFrom,
  listResponse,
  NOT_FOUND,
  pkFilter,
  projectCode,
  statusFilter,
} from './orderListFilters';
import { today } from './orderSerializers';
import { allocationBody, salesOrderBody, shipmentBody, soLineBody } from './soSerializers';
import { SO_OPEN } from './orderStatus';

export function salesOrderList(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const q = req.query;
  const errors: Record<string, string[]> = {};
  const day = today(sim);
  let rows = applyFilters(store.salesOrders.all(), [
    pkFilter(
      q,
      'customer',
      (pk) => store.companies.has(pk),
      (row, pk) => row.customer === pk,
      errors,
    ),
    statusFilter(q, [10, 15, 20, 25, 30, 40, 50, 60], errors),
    boolFilter(q, 'outstanding', (row) => SO_OPEN.includes(row.status)),
    boolFilter(
      q,
      'overdue',
      (row) => typeof row.target_date === 'string' && row.target_date < day && SO_OPEN.includes(row.status),
    ),
    boolFilter(q, 'has_project_code', (row) => row.project_code !== null),
  ]);
  const search = q.get('search');
  rows = rows.filter((row) =>
    matchesSearch(search, [
      row.reference,
      companyName(store, row.customer),
      row.customer_reference,
      row.description,
      projectCode(row),
    ]),
  );
  rows.sort(
    orderingFrom(
      q,
      {
        reference: (r) => referenceInt(r.reference),
        customer__name: (r) => companyName(store, r.customer),
        creation_date: (r) => r.creation_date,
        target_date: (r) => r.target_date,
        status: (r) => r.status,
        shipment_date: (r) => r.shipment_date,
      },
      byReferenceDescending,
    ),
  );
  const flags = { customer_detail: detailFlag(q, 'customer_detail') };
  return listResponse(req, errors, () => rows.map((row) => salesOrderBody(sim, row, 'list', flags)));
}

export function soLineList(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const q = req.query;
  const errors: Record<string, string[]> = {};
  let rows = applyFilters(store.soLines.all(), [
    pkFilter(
      q,
      'order',
      (pk) => store.salesOrders.has(pk),
      (row, pk) => row.order === pk,
      errors,
    ),
    pkFilter(
      q,
      'part',
      (pk) => store.parts.has(pk),
      (row, pk) => row.part === pk,
      errors,
    ),
    boolFilter(q, 'completed', (row) => row.shipped >= row.quantity),
    boolFilter(
      q,
      'allocated',
      (row) => store.soAllocations.filter((a) => a.line === row.pk).reduce((s, a) => s + a.quantity, 0) >= row.quantity,
    ),
  ]);
  const search = q.get('search');
  rows = rows.filter((row) => matchesSearch(search, [store.parts.get(row.part)?.name, row.quantity, row.reference]));
  rows.sort(
    orderingFrom(q, { quantity: (r) => r.quantity, reference: (r) => r.reference, shipped: (r) => r.shipped }, byPk),
  );
  const flags = { part_detail: detailFlag(q, 'part_detail') };
  return listResponse(req, errors, () => rows.map((row) => soLineBody(sim, row, flags)));
}

export function soLineDetail(req: ApiRequest, sim: Simulation): ApiResponse {
  const row = sim.store.soLines.get(Number(req.params.pk));
  if (!row) return jsonResponse(404, NOT_FOUND);
  return jsonResponse(200, soLineBody(sim, row, { part_detail: detailFlag(req.query, 'part_detail') }));
}

export function shipmentList(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const q = req.query;
  const errors: Record<string, string[]> = {};
  let rows = applyFilters(store.soShipments.all(), [
    pkFilter(
      q,
      'order',
      (pk) => store.salesOrders.has(pk),
      (row, pk) => row.order === pk,
      errors,
    ),
    boolFilter(q, 'shipped', (row) => row.shipment_date !== null),
    boolFilter(q, 'delivered', (row) => row.delivery_date !== null),
  ]);
  const search = q.get('search');
  rows = rows.filter((row) => matchesSearch(search, [row.reference, row.tracking_number, row.invoice_number]));
  rows.sort(
    orderingFrom(
      q,
      { reference: (r) => r.reference, shipment_date: (r) => r.shipment_date, delivery_date: (r) => r.delivery_date },
      byPk,
    ),
  );
  return listResponse(req, errors, () => rows.map((row) => shipmentBody(sim, row, 'list')));
}

export function shipmentDetail(req: ApiRequest, sim: Simulation): ApiResponse {
  const row = sim.store.soShipments.get(Number(req.params.pk));
  if (!row) return jsonResponse(404, NOT_FOUND);
  return jsonResponse(200, shipmentBody(sim, row, 'list'));
}

export function allocationList(req: ApiRequest, sim: Simulation): ApiResponse {
  const store = sim.store;
  const q = req.query;
  const errors: Record<string, string[]> = {};
  const orderFilter = pkFilter(
    q,
    'order',
    (pk) => store.salesOrders.has(pk),
    (row: Row, pk) => store.soLines.get(row.line as number)?.order === pk,
    errors,
  );
  let rows = applyFilters(store.soAllocations.all(), [
    orderFilter,
    pkFilter(
      q,
      'line',
      (pk) => store.soLines.has(pk),
      (row, pk) => row.line === pk,
      errors,
    ),
    pkFilter(
      q,
      'shipment',
      (pk) => store.soShipments.has(pk),
      (row, pk) => row.shipment === pk,
      errors,
    ),
    pkFilter(
      q,
      'part',
      (pk) => store.parts.has(pk),
      (row, pk) => store.stockItems.get(row.item)?.part === pk,
      errors,
    ),
    pkFilter(
      q,
      'item',
      (pk) => store.stockItems.has(pk),
      (row, pk) => row.item === pk,
      errors,
    ),
    boolFilter(q, 'outstanding', (row) => {
      const shipment = row.shipment === null ? undefined : store.soShipments.get(row.shipment);
      return !shipment || shipment.shipment_date === null;
    }),
  ]);
  const search = q.get('search');
  rows = rows.filter((row) => {
    const item = store.stockItems.get(row.item);
    return matchesSearch(search, [item ? store.parts.get(item.part)?.name : null, item?.serial, item?.batch]);
  });
  // Filtering by order joins the line table, and SQLite then returns rows in line order
  // (transcript 147: allocations 17, 19 of line 2 before 18 of line 3).
  const fallback: Compare<(typeof rows)[number]> = orderFilter ? (a, b) => a.line - b.line || a.pk - b.pk : byPk;
  rows.sort(
    orderingFrom(
      q,
      {
        quantity: (r) => r.quantity,
        part: (r) => r.part,
        location: (r) => store.stockItems.get(r.item)?.location,
        order: (r) => r.order,
      },
      fallback,
    ),
  );
  const flags = {
    item_detail: detailFlag(q, 'item_detail'),
    part_detail: detailFlag(q, 'part_detail'),
    location_detail: detailFlag(q, 'location_detail'),
  };
  return listResponse(req, errors, () => rows.map((row) => allocationBody(sim, row, flags)));
}

export function allocationDetail(req: ApiRequest, sim: Simulation): ApiResponse {
  const row = sim.store.soAllocations.get(Number(req.params.pk));
  if (!row) return jsonResponse(404, NOT_FOUND);
  const q = req.query;
  return jsonResponse(
    200,
    allocationBody(sim, row, {
      item_detail: detailFlag(q, 'item_detail'),
      part_detail: detailFlag(q, 'part_detail'),
      location_detail: detailFlag(q, 'location_detail'),
    }),
  );
}
