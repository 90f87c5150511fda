// Read endpoints the app uses around the barcode API: the detail GETs of the nine barcode models
// (api_url of scan answers) and list endpoints with search, filters and limit/offset.
import { jsonResponse, type ApiRequest } from '../apiTypes';
import { hasModelPermission } from '../auth';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { serializeRow } from '../serializers';
import { str2bool } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { Row, Store, TableName } from '../store';

const NOT_FOUND = { detail: 'Not found.' };
const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };

/** Django model name of each table, for InvenTree's role-based `view` permission. */
const MODEL_NAMES: Partial<Record<TableName, string>> = {
  parts: 'part',
  categories: 'partcategory',
  stockItems: 'stockitem',
  stockLocations: 'stocklocation',
  companies: 'company',
  supplierParts: 'supplierpart',
  manufacturerParts: 'manufacturerpart',
  purchaseOrders: 'purchaseorder',
  salesOrders: 'salesorder',
  returnOrders: 'returnorder',
  builds: 'build',
};

/** RolePermission on reads: e.g. the demo `engineer` has no purchase order role, so 403. */
function mayView(req: ApiRequest, sim: Simulation, table: TableName): boolean {
  const model = MODEL_NAMES[table];
  return !model || (req.user !== null && hasModelPermission(sim.store, req.user, model, 'view'));
}

type Predicate = (row: Row, store: Store) => boolean;
type FilterFactory = (value: string, store: Store) => Predicate | null;

interface ListConfig {
  table: TableName;
  /** Fields searched (icontains) by `search`; functions reach related rows. */
  search: ((row: Row, store: Store) => unknown)[];
  filters: Record<string, FilterFactory>;
  /** Default ordering of the endpoint. */
  compare: (a: Row, b: Row, store: Store) => number;
}

const field = (key: string) => (row: Row) => row[key];

function intValue(value: string): number | null {
  return /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}

/** Integer equality filter; a non-integer value is ignored. */
const intFilter =
  (key: string): FilterFactory =>
  (value) => {
    const n = intValue(value);
    return n === null ? null : (row) => row[key] === n;
  };

/** django-filter BooleanFilter: true/false/1/0; other values disable it. */
const boolFilter =
  (key: string): FilterFactory =>
  (value) => {
    const lower = value.toLowerCase();
    if (!['true', 'false', '1', '0'].includes(lower)) return null;
    const wanted = str2bool(lower);
    return (row) => Boolean(row[key]) === wanted;
  };

const exactFilter =
  (key: string): FilterFactory =>
  (value) =>
  (row) =>
    row[key] === value;

/** pk plus every descendant pk in a tree table (cascading category/location filters). */
function treePks(store: Store, table: 'categories' | 'stockLocations', root: number): Set<number> {
  const pks = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of store.tables[table].all()) {
      if (row.parent !== null && pks.has(row.parent as number) && !pks.has(row.pk)) {
        pks.add(row.pk);
        grew = true;
      }
    }
  }
  return pks;
}

const cascadeFilter =
  (key: string, table: 'categories' | 'stockLocations'): FilterFactory =>
  (value, store) => {
    if (value === 'null') return (row) => row[key] === null;
    const n = intValue(value);
    if (n === null) return null;
    const pks = treePks(store, table, n);
    return (row) => pks.has(row[key] as number);
  };

const byText = (key: string) => (a: Row, b: Row) => {
  const x = String(a[key] ?? '');
  const y = String(b[key] ?? '');
  return x < y ? -1 : x > y ? 1 : a.pk - b.pk;
};
const byPkDesc = (a: Row, b: Row) => b.pk - a.pk;
const byPk = (a: Row, b: Row) => a.pk - b.pk;

function partName(store: Store, pk: unknown): string {
  return typeof pk === 'number' ? String(store.parts.get(pk)?.name ?? '') : '';
}

const LISTS: Record<string, ListConfig> = {
  '/api/part/': {
    table: 'parts',
    search: [field('name'), field('description'), field('IPN'), field('keywords'), field('category_name')],
    filters: {
      category: cascadeFilter('category', 'categories'),
      active: boolFilter('active'),
      purchaseable: boolFilter('purchaseable'),
      salable: boolFilter('salable'),
      assembly: boolFilter('assembly'),
      component: boolFilter('component'),
      is_template: boolFilter('is_template'),
      trackable: boolFilter('trackable'),
      virtual: boolFilter('virtual'),
      IPN: exactFilter('IPN'),
      variant_of: intFilter('variant_of'),
    },
    compare: byText('name'),
  },
  '/api/part/category/': {
    table: 'categories',
    search: [field('name'), field('description'), field('pathstring')],
    filters: { parent: intFilter('parent'), structural: boolFilter('structural') },
    compare: byText('pathstring'),
  },
  '/api/stock/': {
    table: 'stockItems',
    search: [field('serial'), field('batch'), (row, store) => partName(store, row.part), field('SKU'), field('MPN')],
    filters: {
      part: intFilter('part'),
      location: cascadeFilter('location', 'stockLocations'),
      supplier_part: intFilter('supplier_part'),
      serial: exactFilter('serial'),
      batch: exactFilter('batch'),
      in_stock: boolFilter('in_stock'),
      status: intFilter('status'),
    },
    // v291 orders stock by part name, then quantity.
    compare: (a, b, store) => {
      const x = partName(store, a.part);
      const y = partName(store, b.part);
      if (x !== y) return x < y ? -1 : 1;
      return (a.quantity as number) - (b.quantity as number) || a.pk - b.pk;
    },
  },
  '/api/stock/location/': {
    table: 'stockLocations',
    search: [field('name'), field('description'), field('pathstring')],
    filters: { parent: intFilter('parent'), structural: boolFilter('structural'), external: boolFilter('external') },
    compare: byText('pathstring'),
  },
  '/api/company/': {
    table: 'companies',
    search: [field('name'), field('description'), field('website')],
    filters: {
      is_supplier: boolFilter('is_supplier'),
      is_customer: boolFilter('is_customer'),
      is_manufacturer: boolFilter('is_manufacturer'),
      active: boolFilter('active'),
      name: exactFilter('name'),
    },
    compare: byText('name'),
  },
  '/api/company/part/': {
    table: 'supplierParts',
    search: [field('SKU'), (row, store) => partName(store, row.part), field('description'), field('name')],
    filters: {
      part: intFilter('part'),
      supplier: intFilter('supplier'),
      manufacturer_part: intFilter('manufacturer_part'),
      SKU: exactFilter('SKU'),
      active: boolFilter('active'),
    },
    compare: byPk,
  },
  '/api/company/part/manufacturer/': {
    table: 'manufacturerParts',
    search: [field('MPN'), (row, store) => partName(store, row.part), field('description')],
    filters: { part: intFilter('part'), manufacturer: intFilter('manufacturer'), MPN: exactFilter('MPN') },
    compare: byPk,
  },
  '/api/build/': {
    table: 'builds',
    search: [field('reference'), field('title'), field('part_name')],
    filters: { part: intFilter('part'), status: intFilter('status'), sales_order: intFilter('sales_order') },
    compare: byPkDesc,
  },
  '/api/order/ro/': {
    table: 'returnOrders',
    search: [field('reference'), field('description'), field('customer_reference')],
    filters: { customer: intFilter('customer'), status: intFilter('status') },
    compare: byPkDesc,
  },
};

/** Detail endpoints of the barcode models (plus companies and categories the app shows). */
const DETAILS: Record<string, TableName> = {
  '/api/part/#pk/': 'parts',
  '/api/part/category/#pk/': 'categories',
  '/api/stock/#pk/': 'stockItems',
  '/api/stock/location/#pk/': 'stockLocations',
  '/api/company/#pk/': 'companies',
  '/api/company/part/#pk/': 'supplierParts',
  '/api/company/part/manufacturer/#pk/': 'manufacturerParts',
  '/api/order/po/#pk/': 'purchaseOrders',
  '/api/order/so/#pk/': 'salesOrders',
  '/api/order/ro/#pk/': 'returnOrders',
  '/api/build/#pk/': 'builds',
};

/** DRF SearchFilter: whitespace/comma separated terms, each must match some field (icontains). */
function searchPredicate(config: ListConfig, raw: string | null): Predicate | null {
  const terms = (raw ?? '')
    .replace(/\u0000/g, '')
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (terms.length === 0) return null;
  return (row, store) =>
    terms.every((term) =>
      config.search.some((get) =>
        String(get(row, store) ?? '')
          .toLowerCase()
          .includes(term.toLowerCase()),
      ),
    );
}

function listRows(config: ListConfig, req: ApiRequest, sim: Simulation) {
  const store = sim.store;
  let rows = (store.tables[config.table].all() as Row[]).slice();
  for (const [param, factory] of Object.entries(config.filters)) {
    const value = req.query.get(param);
    if (value === null || value === '') continue;
    const predicate = factory(value, store);
    if (predicate) rows = rows.filter((row) => predicate(row, store));
  }
  const search = searchPredicate(config, req.query.get('search'));
  if (search) rows = rows.filter((row) => search(row, store));
  rows.sort((a, b) => config.compare(a, b, store));
  return rows.map((row) => serializeRow(store, config.table, row, 'list', req.query));
}

export const readRoutes: Route[] = [
  ...Object.entries(DETAILS).map(([pattern, table]): Route => ({
    pattern,
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        if (!mayView(req, sim, table)) return jsonResponse(403, FORBIDDEN);
        const row = sim.store.tables[table].get(Number(req.params.pk)) as Row | undefined;
        if (!row) return jsonResponse(404, NOT_FOUND);
        return jsonResponse(200, serializeRow(sim.store, table, row, 'detail', req.query));
      },
    },
  })),
  ...Object.entries(LISTS).map(([pattern, config]): Route => ({
    pattern,
    permission: 'authenticated',
    methods: {
      GET: (req, sim) =>
        mayView(req, sim, config.table)
          ? jsonResponse(200, paginate(req.url, listRows(config, req, sim)))
          : jsonResponse(403, FORBIDDEN),
    },
  })),
];
