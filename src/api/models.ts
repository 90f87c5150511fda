/**
 * The barcode-capable InvenTree models (v291: nine; v345 adds the sales order shipment) and pure
 * helpers to read the matched object out of a barcode answer. No network here: loading an object
 * by its api_url lives in objects.ts.
 */
import { i18n } from '../i18n/i18n.ts';
import { isRecord } from './answerFields.ts';

export const BARCODE_MODELS_V291 = [
  'build',
  'manufacturerpart',
  'supplierpart',
  'purchaseorder',
  'salesorder',
  'returnorder',
  'part',
  'stocklocation',
  'stockitem',
] as const;

/** A model label as InvenTree v291 uses it (JSON key, link field name, match key). */
export type BarcodeModelV291 = (typeof BARCODE_MODELS_V291)[number];
/** Labels a newer server may also answer with (v345 made shipments barcode-capable). */
export type BarcodeModel = BarcodeModelV291 | 'salesordershipment';

export interface BarcodeModelInfo {
  label: BarcodeModel;
  /**
   * Singular and plural human names in the language in use ("stock item", "stock items";
   * "Lagerartikel"): read when the text is made, never kept.
   */
  readonly name: string;
  readonly plural: string;
  /** Two-letter code of InvenTree's short barcode format (INV-SI12). */
  shortCode: string;
  /** @tabler/icons-react component name, so the UI can pick the icon without this file importing React. */
  icon: string;
  /** Detail endpoint for a pk, as InvenTree's match `api_url`. */
  apiUrl: (pk: number) => string;
  /** List endpoint. */
  listPath: string;
  /** Classic-UI page path on the server (v291 default); null when the model has no page. */
  webPath: ((pk: number) => string) | null;
  /** Django table named in link/unlink 403 messages, e.g. "stock_stockitem". */
  table: string;
  /** InvenTree roles whose "change" right permits link/unlink. */
  linkRoles: readonly string[];
  /** Smallest API version that knows this model as barcode-capable. */
  sinceApi: number;
}

/** The names are getters on the `api` catalogue, so every caller reads them in the language in use. */
const info = (i: Omit<BarcodeModelInfo, 'name' | 'plural'>): BarcodeModelInfo =>
  Object.defineProperties(i, {
    name: { enumerable: true, get: () => i18n.t(`api:models.${i.label}.name`) },
    plural: { enumerable: true, get: () => i18n.t(`api:models.${i.label}.plural`) },
  }) as BarcodeModelInfo;

/** In InvenTree's model order (BEHAVIOUR 1.5): the order decides multi-key barcodes and messages. */
export const BARCODE_MODEL_INFO: Record<BarcodeModel, BarcodeModelInfo> = {
  build: info({
    label: 'build',
    shortCode: 'BO',
    icon: 'IconTools',
    apiUrl: (pk) => `/api/build/${pk}/`,
    listPath: '/api/build/',
    webPath: (pk) => `/build/${pk}/`,
    table: 'build_build',
    linkRoles: ['build'],
    sinceApi: 107,
  }),
  manufacturerpart: info({
    label: 'manufacturerpart',
    shortCode: 'MP',
    icon: 'IconBuildingFactory2',
    apiUrl: (pk) => `/api/company/part/manufacturer/${pk}/`,
    listPath: '/api/company/part/manufacturer/',
    webPath: null,
    table: 'company_manufacturerpart',
    linkRoles: ['part', 'purchase_order'],
    sinceApi: 152,
  }),
  supplierpart: info({
    label: 'supplierpart',
    shortCode: 'SP',
    icon: 'IconTruckDelivery',
    apiUrl: (pk) => `/api/company/part/${pk}/`,
    listPath: '/api/company/part/',
    webPath: (pk) => `/supplier-part/${pk}/`,
    table: 'company_supplierpart',
    linkRoles: ['part', 'purchase_order'],
    sinceApi: 80,
  }),
  purchaseorder: info({
    label: 'purchaseorder',
    shortCode: 'PO',
    icon: 'IconShoppingCart',
    apiUrl: (pk) => `/api/order/po/${pk}/`,
    listPath: '/api/order/po/',
    webPath: (pk) => `/order/purchase-order/${pk}/`,
    table: 'order_purchaseorder',
    linkRoles: ['purchase_order'],
    sinceApi: 107,
  }),
  salesorder: info({
    label: 'salesorder',
    shortCode: 'SO',
    icon: 'IconTruck',
    apiUrl: (pk) => `/api/order/so/${pk}/`,
    listPath: '/api/order/so/',
    webPath: (pk) => `/order/sales-order/${pk}/`,
    table: 'order_salesorder',
    linkRoles: ['sales_order'],
    sinceApi: 107,
  }),
  returnorder: info({
    label: 'returnorder',
    shortCode: 'RO',
    icon: 'IconTruckReturn',
    apiUrl: (pk) => `/api/order/ro/${pk}/`,
    listPath: '/api/order/ro/',
    webPath: (pk) => `/order/return-order/${pk}/`,
    table: 'order_returnorder',
    linkRoles: ['return_order'],
    sinceApi: 107,
  }),
  part: info({
    label: 'part',
    shortCode: 'PA',
    icon: 'IconShape',
    apiUrl: (pk) => `/api/part/${pk}/`,
    listPath: '/api/part/',
    webPath: (pk) => `/part/${pk}/`,
    table: 'part_part',
    linkRoles: ['part', 'build'],
    sinceApi: 1,
  }),
  stocklocation: info({
    label: 'stocklocation',
    shortCode: 'SL',
    icon: 'IconMapPin',
    apiUrl: (pk) => `/api/stock/location/${pk}/`,
    listPath: '/api/stock/location/',
    webPath: (pk) => `/stock/location/${pk}/`,
    table: 'stock_stocklocation',
    linkRoles: ['stock_location', 'build'],
    sinceApi: 1,
  }),
  stockitem: info({
    label: 'stockitem',
    shortCode: 'SI',
    icon: 'IconPackage',
    apiUrl: (pk) => `/api/stock/${pk}/`,
    listPath: '/api/stock/',
    webPath: (pk) => `/stock/item/${pk}/`,
    table: 'stock_stockitem',
    linkRoles: ['stock', 'build'],
    sinceApi: 1,
  }),
  salesordershipment: info({
    label: 'salesordershipment',
    shortCode: 'SS',
    icon: 'IconPackageExport',
    apiUrl: (pk) => `/api/order/so/shipment/${pk}/`,
    listPath: '/api/order/so/shipment/',
    webPath: null,
    table: 'order_salesordershipment',
    linkRoles: ['sales_order'],
    sinceApi: 345,
  }),
};

export const ALL_BARCODE_MODELS = Object.keys(BARCODE_MODEL_INFO) as BarcodeModel[];

export function isBarcodeModel(value: unknown): value is BarcodeModel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(BARCODE_MODEL_INFO, value);
}

/** The models a server of this API version can put barcodes on. */
export function barcodeModelsFor(apiVersion: number | null | undefined): BarcodeModel[] {
  const v = apiVersion ?? 291;
  return ALL_BARCODE_MODELS.filter((m) => BARCODE_MODEL_INFO[m].sinceApi <= v);
}

export function modelName(model: BarcodeModel, count = 1): string {
  const i = BARCODE_MODEL_INFO[model];
  return count === 1 ? i.name : i.plural;
}

/** "Stock item" — the name with a capital, for headings. */
export function modelTitle(model: BarcodeModel): string {
  const n = BARCODE_MODEL_INFO[model].name;
  return n.charAt(0).toUpperCase() + n.slice(1);
}

/** The model whose Django table a 403 message names (e.g. "stock_stockitem"). */
export function modelForTable(table: string): BarcodeModel | null {
  // API 425 names the class ("<class 'stock.models.StockItem'>"): Django's table is app_model.
  const cls = /^<class '(\w+)\.models\.(\w+)'>$/.exec(table);
  const name = cls ? `${cls[1]}_${cls[2]!.toLowerCase()}` : table;
  return ALL_BARCODE_MODELS.find((m) => BARCODE_MODEL_INFO[m].table === name) ?? null;
}

/** The model whose detail endpoint this path is (e.g. "/api/stock/231/" → stockitem 231). */
export function modelForApiUrl(path: string): { model: BarcodeModel; pk: number } | null {
  const clean = path.split('?')[0] ?? path;
  for (const m of ALL_BARCODE_MODELS) {
    const list = BARCODE_MODEL_INFO[m].listPath;
    if (!clean.startsWith(list)) continue;
    const rest = clean.slice(list.length);
    const hit = /^(\d+)\/?$/.exec(rest);
    if (hit) return { model: m, pk: Number(hit[1]) };
  }
  return null;
}

/** The object a barcode answer points at. */
export interface BarcodeMatch {
  model: BarcodeModel;
  pk: number;
  /** Detail endpoint on the server, e.g. "/api/stock/231/". */
  apiUrl: string;
  /** Page on the server (relative, e.g. "/stock/item/231/"); null when the model has no page. */
  webUrl: string | null;
  /** Full detail JSON: servers from API v339 include it; v291 does not. */
  instance: Record<string, unknown> | null;
}

/** Error answers stringify every leaf ("pk": "231"); success answers keep numbers. Accept both. */
function toPk(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return null;
}

/** Read one `{pk, api_url, web_url[, instance]}` entry; null when it is not one. */
export function readMatchEntry(model: BarcodeModel, value: unknown): BarcodeMatch | null {
  if (!isRecord(value)) return null;
  const pk = toPk(value.pk);
  if (pk === null) return null;
  const info = BARCODE_MODEL_INFO[model];
  const apiUrl = typeof value.api_url === 'string' && value.api_url ? value.api_url : info.apiUrl(pk);
  const webUrl = typeof value.web_url === 'string' && value.web_url ? value.web_url : null;
  const instance = isRecord(value.instance) ? value.instance : null;
  return { model, pk, apiUrl, webUrl, instance };
}

/**
 * Every matched object in an answer, in InvenTree's model order. v291 answers hold one; newer
 * supplier plugins may answer part + supplierpart + manufacturerpart + purchaseorder together.
 */
export function extractMatches(answer: unknown): BarcodeMatch[] {
  if (!isRecord(answer)) return [];
  const out: BarcodeMatch[] = [];
  for (const m of ALL_BARCODE_MODELS) {
    if (!(m in answer)) continue;
    const hit = readMatchEntry(m, answer[m]);
    if (hit) out.push(hit);
  }
  return out;
}

/** Which match to show first when an answer holds several: the most specific object wins. */
const PRIMARY_ORDER: BarcodeModel[] = [
  'stockitem',
  'supplierpart',
  'manufacturerpart',
  'part',
  'stocklocation',
  'salesordershipment',
  'purchaseorder',
  'salesorder',
  'returnorder',
  'build',
];

export function primaryMatch(matches: BarcodeMatch[]): BarcodeMatch | null {
  for (const m of PRIMARY_ORDER) {
    const hit = matches.find((x) => x.model === m);
    if (hit) return hit;
  }
  return matches[0] ?? null;
}

/** The one match in a scan answer (v291 `{model: {pk, api_url, web_url}}`, v339+ adds `instance`). */
export function extractMatch(answer: unknown): BarcodeMatch | null {
  return primaryMatch(extractMatches(answer));
}

/** Absolute link to the object's page on the server; null in demo mode (no server pages) or without a page. */
export function webLink(baseUrl: string, match: Pick<BarcodeMatch, 'webUrl'>): string | null {
  if (!match.webUrl) return null;
  if (/^https?:\/\//i.test(match.webUrl)) return match.webUrl;
  if (!baseUrl) return null;
  return baseUrl.replace(/\/+$/, '') + (match.webUrl.startsWith('/') ? '' : '/') + match.webUrl;
}

/**
 * The object an InvenTree JSON barcode (`{"stockitem": 12}`) would match, before the server has
 * answered, so its details can load alongside the lookup. Only a guess: the server's answer decides
 * (the object may be gone, or a custom barcode may hold the same text).
 */
export function predictApiUrl(barcode: string): string | null {
  const text = barcode.trim();
  if (!text.startsWith('{') || text.length > 100) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const entries = Object.entries(parsed);
  if (entries.length !== 1) return null;
  const [model, pk] = entries[0]!;
  if (
    !(BARCODE_MODELS_V291 as readonly string[]).includes(model) ||
    typeof pk !== 'number' ||
    !Number.isInteger(pk) ||
    pk <= 0
  )
    return null;
  return BARCODE_MODEL_INFO[model as BarcodeModel].apiUrl(pk);
}
