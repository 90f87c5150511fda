// Test fixtures of BEHAVIOUR.md section 5 for the order cases (POX, SCX, SOX): an InvenTree test
// database (the demo users and settings, none of the demo stock, companies or orders) filled
// through the simulation's own API where it has one, and through the store where v291's tests
// use the ORM (locations, sales orders, stock items).
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { setupServer } from 'msw/node';
import { hashBarcode } from '../../barcodeHash';
import { demoDataset, type Dataset, type DatasetList } from '../../dataset';
import { createHandlers } from '../../handlers';
import { createSimulation, type Simulation } from '../../simulation';
import type { LocationRow, SalesOrderLineRow, SalesOrderRow, StockItemRow } from '../../store';
import { request, tokenFor, type SimResponse } from '../../test/simClient';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const empty = (list: DatasetList): DatasetList => ({ ...list, count: 0, results: [] });

/** The demo users, groups and settings; no parts, stock, companies or orders. */
export const testDataset: Dataset = {
  ...demoDataset,
  partCategories: empty(demoDataset.partCategories),
  parts: empty(demoDataset.parts),
  stockLocations: empty(demoDataset.stockLocations),
  stockItems: empty(demoDataset.stockItems),
  companies: empty(demoDataset.companies),
  supplierParts: empty(demoDataset.supplierParts),
  manufacturerParts: empty(demoDataset.manufacturerParts),
  purchaseOrders: empty(demoDataset.purchaseOrders),
  poLines: empty(demoDataset.poLines),
  salesOrders: empty(demoDataset.salesOrders),
  soLines: empty(demoDataset.soLines),
  soShipments: empty(demoDataset.soShipments),
  soAllocations: empty(demoDataset.soAllocations),
  builds: empty(demoDataset.builds),
  returnOrders: empty(demoDataset.returnOrders),
};

export interface OrderHarness {
  readonly sim: Simulation;
  /** `Token ...` of the demo superuser, for setting fixtures up through the API. */
  readonly admin: string;
  post(path: string, body: unknown, authorization?: string): Promise<SimResponse>;
  get(path: string, authorization: string, query?: Record<string, string | number>): Promise<SimResponse>;
  /** POST as admin; throws unless the answer is 201. */
  create(path: string, body: Body): Promise<Body>;
}

/** One msw/node server per file, a fresh test database for every test. */
export function useOrderSimulation(dataset: Dataset = testDataset): OrderHarness {
  const server = setupServer();
  let sim = createSimulation({ dataset });
  let admin = '';
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    sim = createSimulation({ dataset });
    server.resetHandlers(...createHandlers(sim));
    admin = tokenFor(sim, 'admin');
  });
  const post = (path: string, body: unknown, authorization?: string) =>
    request(path, { method: 'POST', body, authorization });
  return {
    get sim() {
      return sim;
    },
    get admin() {
      return admin;
    },
    post,
    get: (path, authorization, query) => request(path, { method: 'GET', authorization, query }),
    async create(path, body) {
      const response = await post(path, body, admin);
      if (response.status !== 201)
        throw new Error(`${path} ${JSON.stringify(body)} → ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as Body;
    },
  };
}

export async function company(
  h: OrderHarness,
  name: string,
  kind: { supplier?: boolean; manufacturer?: boolean; customer?: boolean },
) {
  const body = await h.create('/api/company/', {
    name,
    is_supplier: kind.supplier ?? false,
    is_manufacturer: kind.manufacturer ?? false,
    is_customer: kind.customer ?? false,
  });
  return body.pk as number;
}

export async function part(h: OrderHarness, name: string, extra: Body = {}) {
  const body = await h.create('/api/part/', { name, description: `${name} (test part)`, purchaseable: true, ...extra });
  return body.pk as number;
}

export async function manufacturerPart(h: OrderHarness, partPk: number, manufacturer: number, mpn: string) {
  return (await h.create('/api/company/part/manufacturer/', { part: partPk, manufacturer, MPN: mpn })).pk as number;
}

export async function supplierPart(
  h: OrderHarness,
  partPk: number,
  supplier: number,
  sku: string,
  manufacturerPartPk?: number,
) {
  const body: Body = { part: partPk, supplier, SKU: sku };
  if (manufacturerPartPk !== undefined) body.manufacturer_part = manufacturerPartPk;
  return (await h.create('/api/company/part/', body)).pk as number;
}

/** A purchase order (reference patterns checked by the API are bypassed, like the ORM does). */
export async function purchaseOrder(
  h: OrderHarness,
  supplier: number,
  fields: { reference?: string; supplier_reference?: string; placed?: boolean },
) {
  const pk = (
    await h.create('/api/order/po/', {
      reference: `PO${String(h.sim.store.purchaseOrders.nextPk).padStart(4, '0')}`,
      supplier,
      supplier_reference: fields.supplier_reference ?? '',
    })
  ).pk as number;
  if (fields.reference !== undefined) (h.sim.store.purchaseOrders.get(pk) as Body).reference = fields.reference;
  if (fields.placed) await h.post(`/api/order/po/${pk}/issue/`, {}, h.admin);
  return pk;
}

export async function poLine(h: OrderHarness, order: number, supplierPartPk: number, quantity: number) {
  return (await h.create('/api/order/po-line/', { order, part: supplierPartPk, quantity })).pk as number;
}

export function location(sim: Simulation, name: string): number {
  return sim.store.stockLocations.insert((pk): LocationRow => ({
    pk,
    barcode_hash: '',
    url: `/stock/location/${pk}/`,
    name,
    level: 0,
    description: '',
    parent: null,
    pathstring: name,
    items: 0,
    sublocations: 0,
    owner: null,
    icon: '',
    custom_icon: '',
    structural: false,
    external: false,
    location_type: null,
    location_type_detail: null,
    tags: [],
  })).pk;
}

export function stockItem(
  sim: Simulation,
  partPk: number,
  quantity: number,
  extra: Partial<StockItemRow> = {},
): StockItemRow {
  return sim.store.stockItems.insert((pk): StockItemRow => ({
    pk,
    part: partPk,
    quantity,
    serial: null,
    batch: '',
    location: null,
    supplier_part: null,
    barcode_hash: '',
    allocated: 0,
    updated: null,
    ...extra,
  }));
}

export function linkBarcode(sim: Simulation, label: 'stockitem' | 'part', pk: number, barcode: string): void {
  sim.store.setBarcode(label, pk, barcode, hashBarcode(barcode));
}

export function salesOrder(sim: Simulation, customer: number, status = 10): SalesOrderRow {
  return sim.store.salesOrders.insert((pk): SalesOrderRow => ({
    pk,
    creation_date: '2024-11-30',
    target_date: null,
    description: '',
    line_items: 0,
    completed_lines: 0,
    link: '',
    project_code: null,
    project_code_detail: null,
    reference: `SO${String(pk).padStart(4, '0')}`,
    responsible: null,
    responsible_detail: null,
    contact: null,
    contact_detail: null,
    address: null,
    address_detail: null,
    status,
    status_text: 'Pending',
    status_custom_key: status,
    barcode_hash: '',
    overdue: false,
    customer,
    customer_reference: '',
    shipment_date: null,
    total_price: '0.000000',
    order_currency: null,
    shipments_count: 0,
    completed_shipments_count: 0,
  }));
}

export function soLine(sim: Simulation, order: number, partPk: number, quantity: number): SalesOrderLineRow {
  return sim.store.soLines.insert((pk): SalesOrderLineRow => ({
    pk,
    allocated: 0,
    quantity,
    reference: '',
    notes: '',
    order,
    overdue: false,
    part: partPk,
    sale_price: null,
    sale_price_currency: 'USD',
    shipped: 0,
    target_date: null,
    link: '',
    available_stock: 0,
    available_variant_stock: 0,
    building: 0,
    on_order: 0,
  }));
}

export async function shipment(h: OrderHarness, order: number, reference: string) {
  return (await h.create('/api/order/so/shipment/', { order, reference })).pk as number;
}
