// Shared parts of the v291 order serializers: key-ordered shapes, overdue, notes, briefs.
import { isoDate } from '../auth';
import type { CompanyRow, PartRow, Row, SalesOrderShipmentRow, Store } from '../store';
import type { Simulation } from '../simulation';

type Json = Record<string, unknown>;

/** Builds an object with `keys` in order: computed values first, else the stored row's value. */
export function shape(row: Row, keys: readonly string[], computed: Json = {}): Json {
  const out: Json = {};
  for (const key of keys) out[key] = key in computed ? computed[key] : row[key];
  return out;
}

/** `project_code_label` goes through the project code relation: absent when there is none. */
export function withoutProjectLabel(keys: readonly string[], row: Row): readonly string[] {
  return row.project_code === null || row.project_code === undefined
    ? keys.filter((k) => k !== 'project_code_label')
    : keys;
}

export function today(sim: Simulation): string {
  return isoDate(sim.now());
}

export function isOverdue(targetDate: unknown, status: number, open: readonly number[], day: string): boolean {
  return typeof targetDate === 'string' && targetDate < day && open.includes(status);
}

// Fields only detail serializers have (`notes` of orders, shipments) are not in the list rows the
// dataset holds; some appear in nested snapshots. Index them once per store.
const notesIndex = new WeakMap<Store, Map<string, unknown>>();

function snapshotNotes(store: Store): Map<string, unknown> {
  let index = notesIndex.get(store);
  if (index) return index;
  index = new Map();
  for (const line of store.poLines.all()) {
    const detail = line.order_detail as Json | undefined;
    if (detail && 'notes' in detail) index.set(`po:${line.order}`, detail.notes);
  }
  for (const shipment of store.soShipments.all()) {
    const detail = shipment.order_detail as Json | undefined;
    if (detail && 'notes' in detail) index.set(`so:${shipment.order}`, detail.notes);
  }
  for (const allocation of store.soAllocations.all()) {
    const detail = allocation.shipment_detail as Json | undefined;
    if (detail && 'notes' in detail && allocation.shipment !== null)
      index.set(`shipment:${allocation.shipment}`, detail.notes);
  }
  notesIndex.set(store, index);
  return index;
}

export function orderNotes(store: Store, table: 'purchaseOrders' | 'salesOrders', row: Row): unknown {
  if ('notes' in row) return row.notes;
  const extra = store.detailExtras[`${table}:${row.pk}`];
  if (extra && 'notes' in extra) return extra.notes;
  const snapshot = snapshotNotes(store).get(`${table === 'purchaseOrders' ? 'po' : 'so'}:${row.pk}`);
  return snapshot === undefined ? null : snapshot;
}

export function shipmentNotes(store: Store, row: SalesOrderShipmentRow): unknown {
  if ('notes' in row) return row.notes;
  const snapshot = snapshotNotes(store).get(`shipment:${row.pk}`);
  return snapshot === undefined ? '' : snapshot;
}

// ---------------------------------------------------------------- shared briefs

const COMPANY_BRIEF_KEYS = ['pk', 'active', 'name', 'description', 'image', 'thumbnail', 'currency'];

export const BLANK_THUMBNAIL = '/static/img/blank_image.thumbnail.png';

/** `/media/x/a.jpg` → `/media/x/a.thumbnail.jpg`; no image → InvenTree's blank thumbnail. */
export function thumbnailOf(image: unknown): string {
  if (typeof image !== 'string' || image === '') return BLANK_THUMBNAIL;
  const dot = image.lastIndexOf('.');
  return dot > image.lastIndexOf('/') ? `${image.slice(0, dot)}.thumbnail${image.slice(dot)}` : `${image}.thumbnail`;
}

export function companyBrief(company: CompanyRow): Json {
  return shape(company, COMPANY_BRIEF_KEYS, { thumbnail: thumbnailOf(company.image) });
}

const PART_BRIEF_KEYS = [
  'pk',
  'IPN',
  'barcode_hash',
  'default_location',
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
const PART_BRIEF_WITH_CATEGORY_DEFAULT = [
  ...PART_BRIEF_KEYS.slice(0, 3),
  'category_default_location',
  ...PART_BRIEF_KEYS.slice(3),
];

/** PartBriefSerializer; PO lines and stock items also carry `category_default_location`. */
export function partBrief(part: PartRow, withCategoryDefault = false): Json {
  return shape(part, withCategoryDefault ? PART_BRIEF_WITH_CATEGORY_DEFAULT : PART_BRIEF_KEYS);
}

export function locationBrief(store: Store, pk: number | null | undefined): Json | null {
  if (pk === null || pk === undefined) return null;
  const location = store.stockLocations.get(pk);
  return location ? { pk: location.pk, name: location.name, pathstring: location.pathstring } : null;
}
