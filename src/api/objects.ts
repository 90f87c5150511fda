/**
 * Load the object a barcode matched (from its `api_url`) and boil it down to what a result card
 * shows: name, description, image, and for stock quantity and location.
 */
import { i18n } from '../i18n/i18n.ts';
import type api from '../i18n/locales/en/api.json';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { apiRequest, normaliseBaseUrl } from './http.ts';
import { BARCODE_MODEL_INFO, modelForApiUrl, modelTitle, type BarcodeModel } from './models.ts';

export interface ObjectSummary {
  model: BarcodeModel | null;
  pk: number | null;
  /** Name, or reference for orders ("PO0013"). Never empty. */
  title: string;
  description: string | null;
  /** Server paths ("/media/..."); resolve with mediaUrl(). */
  image: string | null;
  thumbnail: string | null;
  /** Stock items: quantity and where they are. */
  quantity: number | null;
  units: string | null;
  serial: string | null;
  batch: string | null;
  location: { pk: number; name: string } | null;
  /** The part behind a stock item, supplier/manufacturer part or build. */
  part: { pk: number; name: string } | null;
  /** Status text ("OK", "Placed", "Pending"). */
  status: string | null;
  /** Extra facts worth a line: SKU, MPN, supplier, customer, path. */
  facts: { label: string; value: string }[];
}

export interface LoadedObject {
  model: BarcodeModel | null;
  pk: number | null;
  data: Record<string, unknown>;
  summary: ObjectSummary;
}

type Rec = Record<string, unknown>;

function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function s(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}
function n(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() && Number.isFinite(Number(v))) return Number(v);
  return null;
}
function ref(pk: unknown, name: unknown): { pk: number; name: string } | null {
  const id = n(pk);
  const label = s(name);
  return id === null ? null : { pk: id, name: label ?? `#${id}` };
}

/** Detail flags that make one request enough for the summary (the server ignores unknown ones). */
const DETAIL_FLAGS: Partial<Record<BarcodeModel, Record<string, boolean>>> = {
  stockitem: { part_detail: true, location_detail: true },
  supplierpart: { part_detail: true, supplier_detail: true, manufacturer_detail: true },
  manufacturerpart: { part_detail: true, manufacturer_detail: true },
  purchaseorder: { supplier_detail: true },
  salesorder: { customer_detail: true },
  returnorder: { customer_detail: true },
  build: { part_detail: true },
};

/** Absolute URL of a server media path; null when there is none. */
export function mediaUrl(baseUrl: string, path: string | null | undefined): string | null {
  if (!path) return null;
  if (/^https?:\/\//i.test(path)) return path;
  // Anything else with a scheme (javascript:, data:) is not a server media path.
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  const base = normaliseBaseUrl(baseUrl);
  return base + (path.startsWith('/') ? path : `/${path}`);
}

/** Pure: the card summary of an object's detail JSON. */
export function summarizeObject(model: BarcodeModel | null, data: Rec): ObjectSummary {
  const pk = n(data.pk);
  const partDetail = isRecord(data.part_detail) ? data.part_detail : null;
  const base: ObjectSummary = {
    model,
    pk,
    title: '',
    description: s(data.description),
    image: s(data.image),
    thumbnail: s(data.thumbnail),
    quantity: null,
    units: null,
    serial: null,
    batch: null,
    location: null,
    part: null,
    status: s(data.status_text),
    facts: [],
  };
  const fact = (label: keyof (typeof api)['facts'], value: unknown) => {
    const v = typeof value === 'number' ? String(value) : s(value);
    if (v) base.facts.push({ label: i18n.t(`api:facts.${label}`), value: v });
  };
  switch (model) {
    case 'part':
      base.title = s(data.full_name) ?? s(data.name) ?? '';
      base.units = s(data.units);
      base.quantity = n(data.in_stock) ?? n(data.total_in_stock);
      fact('IPN', data.IPN);
      fact('category', data.category_name);
      break;
    case 'stockitem': {
      const partName = s(partDetail?.full_name) ?? s(partDetail?.name) ?? s(data.part_name);
      base.part = ref(data.part, partName);
      base.title = partName ?? (base.part ? `${modelTitle('part')} ${base.part.pk}` : '');
      base.description = s(partDetail?.description);
      base.image = s(partDetail?.image);
      base.thumbnail = s(partDetail?.thumbnail);
      base.units = s(partDetail?.units);
      base.quantity = n(data.quantity);
      base.serial = s(data.serial);
      base.batch = s(data.batch);
      const loc = isRecord(data.location_detail) ? data.location_detail : null;
      base.location = ref(data.location, s(loc?.pathstring) ?? s(loc?.name) ?? s(data.location_name));
      break;
    }
    case 'stocklocation':
      base.title = s(data.name) ?? '';
      fact('path', data.pathstring);
      fact('items', data.items);
      break;
    case 'supplierpart': {
      const supplier = isRecord(data.supplier_detail) ? data.supplier_detail : null;
      base.title = s(data.SKU) ?? s(data.name) ?? '';
      base.part = ref(data.part, s(partDetail?.full_name) ?? s(partDetail?.name));
      base.description = s(data.description) ?? s(partDetail?.description);
      base.image = s(partDetail?.image) ?? s(supplier?.image);
      base.thumbnail = s(partDetail?.thumbnail) ?? s(supplier?.thumbnail);
      fact('supplier', supplier?.name);
      const mp = isRecord(data.manufacturer_part_detail) ? data.manufacturer_part_detail : null;
      fact('MPN', mp?.MPN);
      fact('packQuantity', data.pack_quantity);
      break;
    }
    case 'manufacturerpart': {
      const maker = isRecord(data.manufacturer_detail) ? data.manufacturer_detail : null;
      base.title = s(data.MPN) ?? '';
      base.part = ref(data.part, s(partDetail?.full_name) ?? s(partDetail?.name));
      base.description = s(data.description) ?? s(partDetail?.description);
      base.image = s(partDetail?.image) ?? s(maker?.image);
      base.thumbnail = s(partDetail?.thumbnail) ?? s(maker?.thumbnail);
      fact('manufacturer', maker?.name);
      break;
    }
    case 'purchaseorder': {
      const supplier = isRecord(data.supplier_detail) ? data.supplier_detail : null;
      base.title = s(data.reference) ?? '';
      base.image = s(supplier?.image);
      base.thumbnail = s(supplier?.thumbnail);
      fact('supplier', s(supplier?.name) ?? data.supplier_name);
      fact('supplierReference', data.supplier_reference);
      fact('lines', data.line_items);
      break;
    }
    case 'salesorder':
    case 'returnorder': {
      const customer = isRecord(data.customer_detail) ? data.customer_detail : null;
      base.title = s(data.reference) ?? '';
      base.image = s(customer?.image);
      base.thumbnail = s(customer?.thumbnail);
      fact('customer', customer?.name);
      fact('customerReference', data.customer_reference);
      fact('lines', data.line_items);
      break;
    }
    case 'build':
      base.title = s(data.reference) ?? '';
      base.description = s(data.title) ?? base.description;
      base.part = ref(data.part, s(partDetail?.full_name) ?? s(data.part_name));
      base.image = s(partDetail?.image);
      base.thumbnail = s(partDetail?.thumbnail);
      base.quantity = n(data.quantity);
      fact('completed', data.completed);
      break;
    case 'salesordershipment':
      base.title = s(data.reference) ?? '';
      fact('trackingNumber', data.tracking_number);
      break;
    default:
      base.title = s(data.name) ?? s(data.reference) ?? '';
  }
  if (!base.title)
    base.title = model
      ? `${BARCODE_MODEL_INFO[model].name} ${pk ?? ''}`.trim()
      : pk !== null
        ? `#${pk}`
        : i18n.t('api:objects.unnamed');
  return base;
}

/**
 * GET the object at `apiUrl` (a match's `api_url`), asking for the related details the summary
 * needs. A server that ignores the detail flags still works: the stock item's part is then loaded
 * with a second request.
 */
export async function loadObject(conn: Connection, apiUrl: string, signal?: AbortSignal): Promise<LoadedObject> {
  const hit = modelForApiUrl(apiUrl);
  const model = hit?.model ?? null;
  const flags = model ? DETAIL_FLAGS[model] : undefined;
  const data = await apiRequest<unknown>(conn, { path: apiUrl, query: flags, signal });
  if (!isRecord(data)) {
    throw new ApiError({
      kind: 'parse',
      status: 200,
      path: apiUrl,
      body: data,
      message: i18n.t('api:answers.objectUnreadable'),
    });
  }
  if (model === 'stockitem' && !isRecord(data.part_detail) && n(data.part) !== null) {
    try {
      const part = await apiRequest<unknown>(conn, {
        path: BARCODE_MODEL_INFO.part.apiUrl(n(data.part) as number),
        signal,
      });
      if (isRecord(part)) data.part_detail = part;
    } catch {
      // The card still shows quantity and location without the part name.
    }
  }
  return { model, pk: hit?.pk ?? n(data.pk), data, summary: summarizeObject(model, data) };
}
