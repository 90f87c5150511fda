// The nine barcode-capable models of InvenTree v291 (BEHAVIOUR.md 1.5), in the order the server
// iterates them (content-type order, confirmed on a real v291 server: Appendix C.1). That order
// decides multi-key JSON barcodes, hash lookups, link with several keys and error message text.

export const BARCODE_MODEL_LABELS = [
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

export type BarcodeModelLabel = (typeof BARCODE_MODEL_LABELS)[number];

/** Which store table holds the model's rows. */
export type BarcodeTableName =
  | 'builds'
  | 'manufacturerParts'
  | 'supplierParts'
  | 'purchaseOrders'
  | 'salesOrders'
  | 'returnOrders'
  | 'parts'
  | 'stockLocations'
  | 'stockItems';

/** Role names of InvenTree's RuleSet (as in `/api/user/roles/`). */
export type RoleName =
  | 'admin'
  | 'part_category'
  | 'part'
  | 'stocktake'
  | 'stock_location'
  | 'stock'
  | 'build'
  | 'purchase_order'
  | 'sales_order'
  | 'return_order';

export interface BarcodeModel {
  label: BarcodeModelLabel;
  /** Two-character code of the short barcode format (`INV-SI12`). */
  code: string;
  table: BarcodeTableName;
  apiUrl(pk: number): string;
  /** Classic-UI path (the v291 default), or null when the model has no web page (manufacturerpart). */
  classicWebUrl: ((pk: number) => string) | null;
  /** New-UI path under the frontend base (`platform` by default). */
  platformWebUrl: ((base: string, pk: number) => string) | null;
  /** Django table name used in the link/unlink 403 message. */
  dbTable: string;
  /** Roles whose `change` permission allows link/unlink on this model. */
  changeRoles: RoleName[];
}

export const BARCODE_MODELS: Record<BarcodeModelLabel, BarcodeModel> = {
  build: {
    label: 'build',
    code: 'BO',
    table: 'builds',
    apiUrl: (pk) => `/api/build/${pk}/`,
    classicWebUrl: (pk) => `/build/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/build/${pk}`,
    dbTable: 'build_build',
    changeRoles: ['build'],
  },
  manufacturerpart: {
    label: 'manufacturerpart',
    code: 'MP',
    table: 'manufacturerParts',
    apiUrl: (pk) => `/api/company/part/manufacturer/${pk}/`,
    classicWebUrl: null,
    platformWebUrl: null,
    dbTable: 'company_manufacturerpart',
    changeRoles: ['part', 'purchase_order'],
  },
  supplierpart: {
    label: 'supplierpart',
    code: 'SP',
    table: 'supplierParts',
    apiUrl: (pk) => `/api/company/part/${pk}/`,
    classicWebUrl: (pk) => `/supplier-part/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/purchasing/supplier-part/${pk}`,
    dbTable: 'company_supplierpart',
    changeRoles: ['part', 'purchase_order'],
  },
  purchaseorder: {
    label: 'purchaseorder',
    code: 'PO',
    table: 'purchaseOrders',
    apiUrl: (pk) => `/api/order/po/${pk}/`,
    classicWebUrl: (pk) => `/order/purchase-order/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/purchasing/purchase-order/${pk}`,
    dbTable: 'order_purchaseorder',
    changeRoles: ['purchase_order'],
  },
  salesorder: {
    label: 'salesorder',
    code: 'SO',
    table: 'salesOrders',
    apiUrl: (pk) => `/api/order/so/${pk}/`,
    classicWebUrl: (pk) => `/order/sales-order/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/sales/sales-order/${pk}`,
    dbTable: 'order_salesorder',
    changeRoles: ['sales_order'],
  },
  returnorder: {
    label: 'returnorder',
    code: 'RO',
    table: 'returnOrders',
    apiUrl: (pk) => `/api/order/ro/${pk}/`,
    classicWebUrl: (pk) => `/order/return-order/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/sales/return-order/${pk}`,
    dbTable: 'order_returnorder',
    changeRoles: ['return_order'],
  },
  part: {
    label: 'part',
    code: 'PA',
    table: 'parts',
    apiUrl: (pk) => `/api/part/${pk}/`,
    classicWebUrl: (pk) => `/part/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/part/${pk}`,
    dbTable: 'part_part',
    changeRoles: ['part', 'build'],
  },
  stocklocation: {
    label: 'stocklocation',
    code: 'SL',
    table: 'stockLocations',
    apiUrl: (pk) => `/api/stock/location/${pk}/`,
    classicWebUrl: (pk) => `/stock/location/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/stock/location/${pk}`,
    dbTable: 'stock_stocklocation',
    changeRoles: ['stock_location', 'build'],
  },
  stockitem: {
    label: 'stockitem',
    code: 'SI',
    table: 'stockItems',
    apiUrl: (pk) => `/api/stock/${pk}/`,
    classicWebUrl: (pk) => `/stock/item/${pk}/`,
    platformWebUrl: (base, pk) => `/${base}/stock/item/${pk}`,
    dbTable: 'stock_stockitem',
    changeRoles: ['stock', 'build'],
  },
};

export function isBarcodeModelLabel(value: unknown): value is BarcodeModelLabel {
  return typeof value === 'string' && (BARCODE_MODEL_LABELS as readonly string[]).includes(value);
}

/** Which web_url style the simulated server uses (BEHAVIOUR.md 1.5 notes; v291 default: classic). */
export interface WebUrlConfig {
  classicFrontend: boolean;
  frontendBase: string;
}

export const DEFAULT_WEB_URL_CONFIG: WebUrlConfig = { classicFrontend: true, frontendBase: 'platform' };

/** The scan "matched object": `{pk, api_url, web_url}`; no web_url key for manufacturerpart. */
export function matchObject(
  label: BarcodeModelLabel,
  pk: number,
  config: WebUrlConfig = DEFAULT_WEB_URL_CONFIG,
): MatchObject {
  const model = BARCODE_MODELS[label];
  const match: MatchObject = { pk, api_url: model.apiUrl(pk) };
  const webUrl = config.classicFrontend ? model.classicWebUrl?.(pk) : model.platformWebUrl?.(config.frontendBase, pk);
  if (webUrl !== undefined) match.web_url = webUrl;
  return match;
}

export interface MatchObject {
  pk: number;
  api_url: string;
  web_url?: string;
}
