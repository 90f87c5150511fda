// The 425 serializers of order lines, shipments and allocations (as transcripts-425 records them):
// the 291 answer's values, reshaped to 425's field order with its new fields (project codes and
// build_order on lines, shipment address/checker, the order as its 425 detail serializer) and
// decimals rendered as numbers. Detail fields a 291 query flag added are kept at the end.
import { type ApiRequest, type ApiResponse } from '../apiTypes';
import type { EndpointHandler, Route } from '../router';
import type { Simulation } from '../simulation';
import { dataset425 } from './dataset425';
import { instanceOf } from './instances';

type Json = Record<string, unknown>;
type Fill = (row: Json, sim: Simulation) => unknown;

const LINE_HEAD = [
  'pk',
  'link',
  'notes',
  'order',
  'project_code',
  'quantity',
  'reference',
  'target_date',
  'project_code_label',
  'project_code_detail',
];
const PO_LINE_KEYS = [
  ...LINE_HEAD,
  'part',
  'build_order',
  'overdue',
  'received',
  'purchase_price',
  'purchase_price_currency',
  'auto_pricing',
  'destination',
  'total_price',
  'sku',
  'mpn',
  'ipn',
  'internal_part',
  'internal_part_name',
  'build_order_detail',
  'destination_detail',
];
const SO_LINE_KEYS = [
  ...LINE_HEAD,
  'allocated',
  'overdue',
  'part',
  'sale_price',
  'sale_price_currency',
  'shipped',
  'available_stock',
  'available_variant_stock',
  'building',
  'on_order',
];
const SHIPMENT_HEAD = [
  'pk',
  'order',
  'allocated_items',
  'shipment_date',
  'shipment_address',
  'delivery_date',
  'checked_by',
  'reference',
  'tracking_number',
  'invoice_number',
  'barcode_hash',
  'link',
];
const SHIPMENT_KEYS = [...SHIPMENT_HEAD, 'checked_by_detail', 'order_detail', 'shipment_address_detail'];
/** A shipment inside an allocation: no order, but its notes. */
const SHIPMENT_BRIEF_KEYS = [...SHIPMENT_HEAD, 'notes', 'checked_by_detail', 'shipment_address_detail'];
const ALLOCATION_KEYS = [
  'pk',
  'item',
  'quantity',
  'shipment',
  'line',
  'part',
  'order',
  'serial',
  'location',
  'shipment_detail',
];

const ANNOTATED = new Set(['total_price']);

/** 425 renders money (a DecimalField in 291's answer) as a number. */
const money =
  (key: string): Fill =>
  (row) =>
    typeof row[key] === 'string' ? Number(row[key]) : (row[key] ?? null);

function reshape(row: Json, sim: Simulation, keys: readonly string[], fills: Record<string, Fill> = {}): Json {
  const out: Json = {};
  for (const key of keys) {
    // Annotated fields a create answer lacks (total_price) stay absent, as in 291's answer.
    if (ANNOTATED.has(key) && !(key in row)) continue;
    out[key] = fills[key] ? fills[key](row, sim) : (row[key] ?? null);
  }
  for (const key of Object.keys(row)) if (!(key in out)) out[key] = row[key];
  return out;
}

const orderDetail: Fill = (row, sim) =>
  typeof row.order === 'number' ? instanceOf(sim, dataset425, 'salesorder', row.order) : null;
const blankHash: Fill = (row) => row.barcode_hash ?? '';

const poLine425 = (row: Json, sim: Simulation) =>
  reshape(row, sim, PO_LINE_KEYS, { purchase_price: money('purchase_price') });
const soLine425 = (row: Json, sim: Simulation) => reshape(row, sim, SO_LINE_KEYS, { sale_price: money('sale_price') });
const shipment425 = (row: Json, sim: Simulation) =>
  reshape(row, sim, SHIPMENT_KEYS, { barcode_hash: blankHash, order_detail: orderDetail });
const allocation425 = (row: Json, sim: Simulation) =>
  reshape(row, sim, ALLOCATION_KEYS, {
    serial: (r) => (typeof r.item === 'number' ? (sim.store.stockItems.get(r.item)?.serial ?? null) : null),
    shipment_detail: (r) => {
      const brief = r.shipment_detail as Json | null | undefined;
      // The nested serializer runs without the list's annotation: allocated_items is null.
      return brief
        ? reshape({ ...brief, allocated_items: null }, sim, SHIPMENT_BRIEF_KEYS, { barcode_hash: blankHash })
        : null;
    },
  });

/** Runs the 291 handler and reshapes its 2xx answer (a row, a list or a page of rows). */
function as425(handler: EndpointHandler, shape: (row: Json, sim: Simulation) => Json): EndpointHandler {
  return (req: ApiRequest, sim: Simulation): ApiResponse => {
    const answer = handler(req, sim);
    const body = answer.body;
    if (answer.status < 200 || answer.status > 299 || body === null || typeof body !== 'object') return answer;
    const each = (rows: unknown[]) => rows.map((r) => shape(r as Json, sim));
    if (Array.isArray(body)) return { ...answer, body: each(body) };
    const page = body as Json;
    if (Array.isArray(page.results)) return { ...answer, body: { ...page, results: each(page.results) } };
    return { ...answer, body: shape(page, sim) };
  };
}

const SHAPES: [RegExp, (row: Json, sim: Simulation) => Json][] = [
  [/^\/api\/order\/po-line\//, poLine425],
  [/^\/api\/order\/so-line\//, soLine425],
  [/^\/api\/order\/so\/shipment\//, shipment425],
  [/^\/api\/order\/so-allocation\//, allocation425],
];

/** The 291 order routes with their line/shipment/allocation answers in the 425 shape. */
export function orderLineRoutes425(routes: Route[]): Route[] {
  const out: Route[] = [];
  for (const route of routes) {
    const shape = SHAPES.find(([re]) => re.test(route.pattern))?.[1];
    if (!shape) continue;
    const methods = Object.fromEntries(
      Object.entries(route.methods).map(([m, h]) => [m, as425(h as EndpointHandler, shape)]),
    );
    out.push({ ...route, methods: methods as Route['methods'] });
  }
  return out;
}
