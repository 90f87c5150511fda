// List and detail shapes of the stored rows (dataset README, details.json): rows are stored with
// every `*_detail` object the dataset has; a GET shows them only when its flag asks (or by
// default), list-only and detail-only fields are added or removed per endpoint.
import { str2bool } from './settingsStore';
import type { Row, Store, TableName } from './store';

interface DetailFlag {
  key: string;
  /** Query flag, e.g. `part_detail`. */
  flag: string;
  listDefault: boolean;
  detailDefault: boolean;
}

interface SerializerConfig {
  flags: DetailFlag[];
  /** Keys only list rows carry (annotations of the list queryset). */
  listOnly: string[];
  /** A key only the detail serializer has, inserted after `after`. */
  detailOnly?: { key: string; after: string; fallback: unknown };
}

const flag = (key: string, listDefault = false, detailDefault = listDefault): DetailFlag => ({
  key,
  flag: key,
  listDefault,
  detailDefault,
});

export const SERIALIZERS: Partial<Record<TableName, SerializerConfig>> = {
  parts: {
    flags: [],
    listOnly: ['copy_category_parameters'],
    detailOnly: { key: 'notes', after: 'name', fallback: null },
  },
  stockItems: {
    flags: [flag('supplier_part_detail'), flag('part_detail'), flag('location_detail')],
    listOnly: [],
  },
  stockLocations: { flags: [], listOnly: [] },
  categories: { flags: [], listOnly: [] },
  companies: { flags: [], listOnly: [] },
  // The plain detail GET of a supplier part carries all three detail objects (details.json).
  supplierParts: {
    flags: [
      flag('manufacturer_detail', false, true),
      flag('part_detail', false, true),
      flag('supplier_detail', true, true),
    ],
    listOnly: ['in_stock'],
  },
  manufacturerParts: {
    flags: [flag('part_detail', false, true), flag('manufacturer_detail', false, true)],
    listOnly: [],
  },
  purchaseOrders: {
    flags: [flag('supplier_detail')],
    listOnly: [],
    detailOnly: { key: 'notes', after: 'status_custom_key', fallback: null },
  },
  salesOrders: {
    flags: [flag('customer_detail')],
    listOnly: [],
    detailOnly: { key: 'notes', after: 'status_custom_key', fallback: null },
  },
  returnOrders: {
    flags: [flag('customer_detail')],
    listOnly: [],
    detailOnly: { key: 'notes', after: 'status_custom_key', fallback: null },
  },
  builds: { flags: [flag('part_detail', true, true)], listOnly: ['overdue'] },
};

function flagOn(query: URLSearchParams, detail: DetailFlag, mode: 'list' | 'detail'): boolean {
  const raw = query.get(detail.flag);
  if (raw === null) return mode === 'list' ? detail.listDefault : detail.detailDefault;
  return str2bool(raw);
}

/** The row as the list or detail endpoint renders it. */
export function serializeRow(
  store: Store,
  table: TableName,
  row: Row,
  mode: 'list' | 'detail',
  query: URLSearchParams,
): Record<string, unknown> {
  const config = SERIALIZERS[table];
  if (!config) return { ...row };
  const hidden = new Set<string>();
  for (const detail of config.flags) if (!flagOn(query, detail, mode)) hidden.add(detail.key);
  if (mode === 'detail') for (const key of config.listOnly) hidden.add(key);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (hidden.has(key)) continue;
    out[key] = value;
    if (mode === 'detail' && config.detailOnly && key === config.detailOnly.after) {
      const extra = store.detailExtras[`${table}:${row.pk}`];
      out[config.detailOnly.key] =
        extra && config.detailOnly.key in extra ? extra[config.detailOnly.key] : config.detailOnly.fallback;
    }
  }
  return out;
}
