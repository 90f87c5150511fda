// GET list/detail endpoints of the order models: purchase orders, PO lines, sales orders, SO
// lines, shipments and allocations, with v291's filters, search, ordering and limit/offset.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { paginate } from '../pagination';
import type { Simulation } from '../simulation';
import type { Row, Store } from '../store';
import { boolParam, byReferenceDescending, detailFlag, intParam, matchesSearch, referenceInt } from './listQuery';
import { today } from './orderSerializers';
import { poLineBody, purchaseOrderBody } from './poSerializers';
import { allocationBody, salesOrderBody, shipmentBody, soLineBody } from './soSerializers';
import { PO_OPEN, SO_OPEN } from './orderStatus';

const NOT_FOUND = { detail: 'Not found.' };
const INVALID_CHOICE = 'Select a valid choice. That choice is not one of the available choices.';

type Filter<T> = (row: T) => boolean;

/** A ModelChoiceFilter on a pk: unknown or malformed values are a 400 field error. */
function pkFilter<T>(
  query: URLSearchParams,
  key: string,
  exists: (pk: number) => boolean,
  test: (row: T, pk: number) => boolean,
  errors: Record<string, string[]>,
): Filter<T> | null {
  const value = intParam(query, key);
  if (value === undefined) return null;
  if (Number.isNaN(value) || !exists(value)) {
    errors[key] = [INVALID_CHOICE];
    return null;
  }
  return (row) => test(row, value);
}

/** A ChoiceFilter on an integer status: an unknown choice is a 400 field error. */
function statusFilter<T extends Row>(
  query: URLSearchParams,
  valid: readonly number[],
  errors: Record<string, string[]>,
): Filter<T> | null {
  const value = intParam(query, 'status');
  if (value === undefined) return null;
  if (Number.isNaN(value) || !valid.includes(value)) {
    errors.status = [`Select a valid choice. ${query.get('status')} is not one of the available choices.`];
    return null;
  }
  return (row) => row.status === value;
}

function boolFilter<T>(query: URLSearchParams, key: string, test: (row: T) => boolean): Filter<T> | null {
  const value = boolParam(query, key);
  if (value === null) return null;
  return (row) => test(row) === value;
}

function applyFilters<T>(rows: T[], filters: (Filter<T> | null)[]): T[] {
  return filters.reduce<T[]>((acc, f) => (f ? acc.filter(f) : acc), rows);
}

type Compare<T> = (a: T, b: T) => number;

function compareValues(a: unknown, b: unknown): number {
  // Django puts NULL first in ascending order on SQLite.
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** DRF OrderingFilter: `ordering=a,-b` over the allowed fields; unknown fields are ignored. */
function orderingFrom<T>(
  query: URLSearchParams,
  fields: Record<string, (row: T) => unknown>,
  fallback: Compare<T>,
): Compare<T> {
  const requested = (query.get('ordering') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && Object.hasOwn(fields, s.replace(/^-/, '')));
  if (requested.length === 0) return fallback;
  return (a, b) => {
    for (const term of requested) {
      // Only terms naming a field survive the filter above.
      const get = fields[term.replace(/^-/, '')]!;
      const result = compareValues(get(a), get(b));
      if (result !== 0) return term.startsWith('-') ? -result : result;
    }
    return 0;
  };
}

function listResponse(req: ApiRequest, errors: Record<string, string[]>, build: () => unknown[]): ApiResponse {
  if (Object.keys(errors).length > 0) return jsonResponse(400, errors);
  return jsonResponse(200, paginate(req.url, build()));
}

const byPk = <T extends Row>(a: T, b: T) => a.pk - b.pk;

function companyName(store: Store, pk: unknown): string | null {
  return typeof pk === 'number' ? (store.companies.get(pk)?.name ?? null) : null;
}

function projectCode(row: Row): unknown {
  const detail = row.project_code_detail as { code?: unknown } | null | undefined;
  return detail?.code ?? null;
}

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

// ---------------------------------------------------------------- sales orders

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
