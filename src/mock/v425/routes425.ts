// Routes whose 425 answer differs beyond match objects and plugins: po-receive (new rules), and
// link/unlink (new model list with salesordershipment, permission texts naming the model class).
import { jsonResponse, type ApiResponse } from '../apiTypes';
import { historyRoutes } from '../endpoints/history';
import { linkRoutes } from '../endpoints/link';
import { readRoutes } from '../endpoints/readEndpoints';
import type { BarcodeModelLabel } from '../barcodeModels';
import { instanceOf } from './instances';
import { purchaseOrderList } from '../orders/orderLists';
import { createPurchaseOrder } from '../orders/orderWrites';
import type { EndpointHandler, Route } from '../router';
import { dataset425 } from './dataset425';
import { orderLineRoutes425 } from './orderLines425';
import { poReceive425 } from './poReceive425';
import { orderRoutes } from '../orders/orderHandlers';

const MODEL_ORDER_291 = [
  'build',
  'manufacturerpart',
  'supplierpart',
  'purchaseorder',
  'salesorder',
  'returnorder',
  'part',
  'stocklocation',
  'stockitem',
];
const MODEL_ORDER_425 = [
  'build',
  'supplierpart',
  'manufacturerpart',
  'purchaseorder',
  'salesorder',
  'salesordershipment',
  'returnorder',
  'part',
  'stockitem',
  'stocklocation',
];

/** Django table names (291's 403 text) → the model class InvenTree 425 prints. */
const MODEL_CLASSES: Record<string, string> = {
  build_build: 'build.models.Build',
  company_manufacturerpart: 'company.models.ManufacturerPart',
  company_supplierpart: 'company.models.SupplierPart',
  order_purchaseorder: 'order.models.PurchaseOrder',
  order_salesorder: 'order.models.SalesOrder',
  order_returnorder: 'order.models.ReturnOrder',
  part_part: 'part.models.Part',
  stock_stocklocation: 'stock.models.StockLocation',
  stock_stockitem: 'stock.models.StockItem',
};

export function linkText425(text: string): string {
  const pyList = (labels: string[]) => `[${labels.map((l) => `'${l}'`).join(', ')}]`;
  return text
    .replace(pyList(MODEL_ORDER_291), pyList(MODEL_ORDER_425))
    .replace(MODEL_ORDER_291.join(', '), MODEL_ORDER_425.join(', '))
    .replace(/required permissions for (\w+)$/, (whole, table: string) =>
      MODEL_CLASSES[table] ? `required permissions for <class '${MODEL_CLASSES[table]}'>` : whole,
    );
}

function rewriteLinkAnswer(handler: EndpointHandler): EndpointHandler {
  return (req, sim) => {
    const answer: ApiResponse = handler(req, sim);
    const body = answer.body as Record<string, unknown> | undefined;
    if (!body || typeof body.error !== 'string') return answer;
    return { ...answer, body: { ...body, error: linkText425(body.error) } };
  };
}

/** 425 orders remember who created them (`created_by`, shown in their `instance`). */
const createPurchaseOrder425: EndpointHandler = (req, sim) => {
  const answer = createPurchaseOrder(req, sim);
  const pk = (answer.body as { pk?: unknown } | undefined)?.pk;
  const row = answer.status === 201 && typeof pk === 'number' ? sim.store.purchaseOrders.get(pk) : undefined;
  if (row && req.user) {
    const { pk: userPk, username, first_name, last_name, email } = req.user as unknown as Record<string, unknown>;
    row.created_by = { pk: userPk, username, first_name, last_name, email };
    // The create answer is the 425 order serializer on the bare object, without notes.
    const instance = instanceOf(sim, dataset425, 'purchaseorder', row.pk);
    if (instance) {
      delete instance.notes;
      instance.total_price = instance.total_price ?? 0;
      return { ...answer, body: instance };
    }
  }
  return answer;
};

/** History in 425: the model named in 404s, bulk delete answers what it deleted, new texts. */
function history425(handler: EndpointHandler): EndpointHandler {
  return (req, sim) => {
    const before = sim.store.history.size;
    const answer = handler(req, sim);
    const body = answer.body as Record<string, unknown> | undefined;
    if (answer.status === 404) return jsonResponse(404, { detail: 'No BarcodeScanResult matches the given query.' });
    if (req.method === 'DELETE' && !req.params.id && answer.status === 204) {
      return jsonResponse(200, { success: `Deleted ${before - sim.store.history.size} items` });
    }
    const errors = body?.non_field_errors;
    if (Array.isArray(errors) && String(errors[0]).endsWith('for bulk deletion')) {
      return jsonResponse(400, { non_field_errors: 'List of items or filters must be provided for bulk operation' });
    }
    return answer;
  };
}

/** Order detail GETs: the 425 serializer (as in `instance`) with the annotated counts of the read. */
const ORDER_DETAILS: [string, BarcodeModelLabel, string[]][] = [
  ['/api/order/po/#pk/', 'purchaseorder', ['line_items', 'completed_lines', 'overdue']],
  [
    '/api/order/so/#pk/',
    'salesorder',
    ['line_items', 'completed_lines', 'overdue', 'shipments_count', 'completed_shipments_count'],
  ],
];

function orderDetail425(pattern: string, label: BarcodeModelLabel, annotated: string[]): Route {
  const base = readRoutes.find((r) => r.pattern === pattern)?.methods.GET as EndpointHandler;
  return {
    pattern,
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const answer = base(req, sim);
        // Detail flags (?supplier_detail=…) keep the shared shape; the plain GET is the 425 one.
        if (answer.status !== 200 || [...req.query.keys()].length > 0) return answer;
        const body = answer.body as Record<string, unknown>;
        const instance = instanceOf(sim, dataset425, label, Number(req.params.pk));
        if (!instance) return answer;
        for (const key of annotated) if (key in body) instance[key] = body[key];
        if (label === 'salesorder') {
          const shipments = sim.store.soShipments.filter((x) => x.order === body.pk);
          instance.shipments_count = shipments.length;
          instance.completed_shipments_count = shipments.filter((x) => x.shipment_date !== null).length;
        }
        return jsonResponse(200, instance);
      },
    },
  };
}

const STAFF_ONLY_FIELDS = ['system_health', 'database', 'platform', 'django_admin'];

export const routes425: Route[] = [
  ...ORDER_DETAILS.map(([pattern, label, annotated]) => orderDetail425(pattern, label, annotated)),
  {
    pattern: '/api/',
    permission: 'any',
    methods: {
      GET: (req) => {
        const info: Record<string, unknown> = { ...dataset425.info };
        if (!req.user?.is_staff) for (const key of STAFF_ONLY_FIELDS) info[key] = null;
        return jsonResponse(200, info);
      },
    },
  },
  ...historyRoutes.map((route) => ({
    ...route,
    methods: Object.fromEntries(Object.entries(route.methods).map(([m, h]) => [m, history425(h)])) as Route['methods'],
  })),
  {
    pattern: '/api/order/po/',
    permission: 'authenticated',
    methods: { GET: purchaseOrderList, POST: createPurchaseOrder425 },
  },
  ...orderLineRoutes425(orderRoutes),
  { pattern: '/api/barcode/po-receive/', permission: 'authenticated', methods: { POST: poReceive425 } },
  ...linkRoutes.map((route) => ({
    ...route,
    methods: { POST: rewriteLinkAnswer(route.methods.POST as EndpointHandler) },
  })),
];
