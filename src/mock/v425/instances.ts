// `instance` of an API 425 match (InvenTreeBarcodeMixin.format_matched_response): the model's
// detail serializer run on the bare object, so every queryset annotation is null. Values come from
// the 425 dataset row (migrated values, new fields) overlaid with the live simulation row (what
// scans, receipts and allocations changed); objects created at run time are built from the store.
import type { BarcodeModelLabel } from '../barcodeModels';
import { BLANK_THUMBNAIL, thumbnailOf } from '../orders/orderSerializers';
import { PyFloat } from '../pyRepr';
import type { Simulation } from '../simulation';
import type { Row } from '../store';
import type { Dataset425 } from './dataset425';
import { INSTANCE_SPECS } from './instanceSpecs';

type Json = Record<string, unknown>;

/** Fields whose live value (the simulation's row) wins over the pristine 425 row. */
const LIVE_KEYS = new Set([
  'quantity',
  'barcode_hash',
  'updated',
  'location',
  'status',
  'status_text',
  'status_custom_key',
  'issue_date',
  'complete_date',
  'target_date',
  'serial',
  'batch',
  'in_stock',
  'sales_order',
  'purchase_order',
  'supplier_part',
  'destination',
  'shipment_date',
]);

/** FloatFields: whole values still print as `14.0` in a stringified (400) answer or history. */
const FLOAT_KEYS: Partial<Record<BarcodeModelLabel, string[]>> = { stockitem: ['quantity'], part: ['minimum_stock'] };

const MINI_PART_KEYS = [
  'pk',
  'IPN',
  'barcode_hash',
  'category_default_location',
  'default_location',
  'default_expiry',
  'name',
  'revision',
  'full_name',
  'description',
  'image',
  'thumbnail',
  'active',
  'locked',
  'assembly',
  'component',
  'minimum_stock',
  'is_template',
  'purchaseable',
  'salable',
  'testable',
  'trackable',
  'virtual',
  'units',
  'pricing_min',
  'pricing_max',
];
const MINI_SUPPLIER_PART_KEYS = [
  'description',
  'in_stock',
  'link',
  'active',
  'manufacturer_part',
  'MPN',
  'note',
  'pk',
  'barcode_hash',
  'packaging',
  'pack_quantity',
  'pack_quantity_native',
  'part',
  'SKU',
  'supplier',
  'updated',
  'notes',
];
const MINI_COMPANY_KEYS = ['pk', 'active', 'name', 'description', 'image', 'thumbnail', 'currency', 'tax_id'];
const MINI_MANUFACTURER_PART_KEYS = [
  'pk',
  'part',
  'manufacturer',
  'manufacturer_detail',
  'description',
  'MPN',
  'link',
  'barcode_hash',
  'notes',
  'tags',
];

const indexes = new WeakMap<Dataset425, Map<string, Map<number, Json>>>();

/** The pristine 425 row of a dataset list, by pk (null for objects created at run time). */
export function row425(data: Dataset425, list: Exclude<keyof Dataset425, 'details' | 'info'>, pk: number): Json | null {
  let byList = indexes.get(data);
  if (!byList) indexes.set(data, (byList = new Map()));
  let index = byList.get(list);
  if (!index) {
    index = new Map(data[list].map((row) => [row.pk as number, row]));
    byList.set(list, index);
  }
  return index.get(pk) ?? null;
}

function pick(keys: readonly string[], value: (key: string) => unknown): Json {
  const out: Json = {};
  for (const key of keys) out[key] = value(key);
  return out;
}

/** A DecimalField as DRF renders it with 6 decimal places (part `minimum_stock` in part_detail). */
function decimal6(value: unknown): string {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  return n.toFixed(6);
}

export function miniCompany(sim: Simulation, data: Dataset425, pk: number | null): Json | null {
  if (pk === null) return null;
  const pristine = row425(data, 'companies', pk);
  const live = sim.store.companies.get(pk) as Json | undefined;
  if (!pristine && !live) return null;
  return pick(MINI_COMPANY_KEYS, (key) => {
    if (key === 'thumbnail') {
      // The list export has no thumbnail: the image's `.thumbnail` sibling, or the blank one.
      const image = (pristine ?? live)?.image;
      return thumbnailOf(image);
    }
    if (key === 'tax_id') return pristine?.tax_id ?? '';
    return pristine && key in pristine ? pristine[key] : (live?.[key] ?? null);
  });
}

export function miniPart(sim: Simulation, data: Dataset425, pk: number | null): Json | null {
  if (pk === null) return null;
  const pristine = row425(data, 'parts', pk);
  const live = sim.store.parts.get(pk) as Json | undefined;
  if (!pristine && !live) return null;
  return pick(MINI_PART_KEYS, (key) => {
    if (key === 'barcode_hash' && live) return live.barcode_hash;
    if (key === 'minimum_stock') return decimal6((pristine ?? live)?.minimum_stock);
    if (pristine && key in pristine) return pristine[key];
    if (key === 'thumbnail') return live?.thumbnail ?? BLANK_THUMBNAIL;
    if (key === 'default_expiry') return live?.default_expiry ?? 0;
    return live?.[key] ?? (key === 'locked' || key === 'testable' ? false : null);
  });
}

function miniManufacturerPart(sim: Simulation, data: Dataset425, pk: number | null): Json | null {
  if (pk === null) return null;
  const full = instanceOf(sim, data, 'manufacturerpart', pk);
  if (!full) return null;
  return pick(MINI_MANUFACTURER_PART_KEYS, (key) => full[key]);
}

/** Values a 425 serializer computes or that only 425 has, for rows the 425 dataset lacks. */
function derived(sim: Simulation, data: Dataset425, label: BarcodeModelLabel, live: Json, key: string): unknown {
  const store = sim.store;
  const fk = (k: string) => (typeof live[k] === 'number' ? (live[k] as number) : null);
  switch (key) {
    case 'part_detail':
      return miniPart(sim, data, fk('part'));
    case 'supplier_part_detail': {
      const sp = fk('supplier_part');
      const full = sp === null ? null : instanceOf(sim, data, 'supplierpart', sp);
      return full ? pick(MINI_SUPPLIER_PART_KEYS, (k) => full[k]) : null;
    }
    case 'location_detail': {
      const loc = fk('location');
      const row = loc === null ? undefined : (store.stockLocations.get(loc) as Json | undefined);
      return row ? pick(['pk', 'name', 'pathstring'], (k) => row[k]) : null;
    }
    case 'purchase_order_reference': {
      const po = fk('purchase_order');
      return po === null ? null : (store.purchaseOrders.get(po)?.reference ?? null);
    }
    case 'total_price':
      // 425 renders the order total as a number.
      return typeof live.total_price === 'string' ? Number(live.total_price) : (live.total_price ?? null);
    case 'supplier_detail':
      return miniCompany(sim, data, fk('supplier'));
    case 'manufacturer_detail':
      if (label === 'supplierpart') {
        const mp = fk('manufacturer_part');
        const mpRow = mp === null ? undefined : store.manufacturerParts.get(mp);
        return mpRow ? miniCompany(sim, data, mpRow.manufacturer) : null;
      }
      return miniCompany(sim, data, fk('manufacturer'));
    case 'manufacturer_part_detail':
      return miniManufacturerPart(sim, data, fk('manufacturer_part'));
    case 'MPN': {
      if (label === 'manufacturerpart') return live.MPN ?? null;
      const spPk = label === 'stockitem' ? fk('supplier_part') : live.pk;
      const sp = typeof spPk === 'number' ? store.supplierParts.get(spPk) : undefined;
      const mp = sp?.manufacturer_part ? store.manufacturerParts.get(sp.manufacturer_part) : undefined;
      return mp?.MPN ?? null;
    }
    case 'SKU': {
      if (label !== 'stockitem') return live.SKU ?? null;
      const sp = fk('supplier_part');
      return sp === null ? null : (store.supplierParts.get(sp)?.SKU ?? null);
    }
    case 'created_by':
      return live.created_by ?? null;
    case 'tags':
      return live.tags ?? [];
    case 'notes':
      return live.notes ?? null;
    default:
      return live[key] ?? null;
  }
}

/** Quantity still to arrive on open (placed) orders: SupplierPart.on_order. */
function onOrder(sim: Simulation, supplierPartPk: number): number {
  let total = 0;
  for (const line of sim.store.poLines.filter((l) => l.part === supplierPartPk)) {
    const order = sim.store.purchaseOrders.get(line.order);
    if (order && order.status === 20) total += Math.max(line.quantity - line.received, 0);
  }
  return total;
}

/** The `instance` of a match, or null when the model has none (or the object is gone). */
export function instanceOf(sim: Simulation, data: Dataset425, label: BarcodeModelLabel, pk: number): Json | null {
  const spec = INSTANCE_SPECS[label];
  if (!spec) return null;
  const live = sim.store.barcodeTable(label).get(pk) as (Row & Json) | undefined;
  if (!live) return null;
  const pristine = row425(data, spec.dataset, pk);
  const nulls = new Set(spec.nulls);
  const floats = FLOAT_KEYS[label] ?? [];
  const sample = data.details[label]?.body;
  return pick(spec.keys, (key) => {
    if (nulls.has(key)) return null;
    if (floats.includes(key)) return new PyFloat(Number(live[key] ?? 0));
    if (key === 'notes' && sample?.pk === pk) return sample.notes;
    if (label === 'supplierpart' && key === 'on_order' && !pristine) return onOrder(sim, pk);
    // A 425 receipt stores '' (not null) for the new item's serial and notes.
    if (!pristine && label === 'stockitem' && (key === 'serial' || key === 'notes')) return live[key] ?? '';
    if (LIVE_KEYS.has(key) && key in live) return live[key];
    if (pristine && key in pristine) return pristine[key];
    return derived(sim, data, label, live, key);
  });
}
