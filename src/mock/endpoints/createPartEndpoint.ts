// POST /api/part/ (transcripts 077-083): validate, store the full list row, answer the create shape.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { globalSettingBool } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { PartRow } from '../store';
import { charField, hasErrors, pkField } from '../validation';
import { BLANK_THUMBNAIL, boolInput, canAdd, FORBIDDEN, omit, optionalText, validate } from './createHelpers';

/** The part's full_name per the default PART_NAME_FORMAT (IPN | name | revision). */
function fullName(name: string, ipn: string, revision: string): string {
  return [ipn, name, revision].filter((v) => v !== '').join(' | ');
}

const PART_LIST_ANNOTATIONS = [
  'revision_count',
  'allocated_to_build_orders',
  'allocated_to_sales_orders',
  'building',
  'category_default_location',
  'in_stock',
  'ordering',
  'required_for_build_orders',
  'required_for_sales_orders',
  'stock_item_count',
  'suppliers',
  'total_in_stock',
  'external_stock',
  'unallocated_stock',
  'variant_stock',
];

export function createPart(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!canAdd(sim, req, 'part')) return jsonResponse(403, FORBIDDEN);
  const store = sim.store;
  return validate(req, (data, errors) => {
    const name = charField(data, 'name', errors, { required: true, maxLength: 100 });
    const description = optionalText(data, 'description', errors, '');
    const category = pkField(data, 'category', errors, (pk) => store.categories.has(pk), {
      required: false,
      allowNull: true,
    });
    const ipn = optionalText(data, 'IPN', errors, '') ?? '';
    const revision = optionalText(data, 'revision', errors, '') ?? '';
    const keywords = optionalText(data, 'keywords', errors, null);
    const link = optionalText(data, 'link', errors, null);
    const units = optionalText(data, 'units', errors, '');
    // Read in this order (errors keep it); a setting gives the default when the field is absent.
    const flag = (key: string, setting: string | null) =>
      boolInput(data, key, errors) ?? (setting ? globalSettingBool(store, setting) : key === 'active');
    const flags = {
      active: flag('active', null),
      assembly: flag('assembly', 'PART_ASSEMBLY'),
      component: flag('component', 'PART_COMPONENT'),
      is_template: flag('is_template', 'PART_TEMPLATE'),
      purchaseable: flag('purchaseable', 'PART_PURCHASEABLE'),
      salable: flag('salable', 'PART_SALABLE'),
      testable: flag('testable', null),
      trackable: flag('trackable', 'PART_TRACKABLE'),
      virtual: flag('virtual', 'PART_VIRTUAL'),
      locked: flag('locked', null),
    };
    if (hasErrors(errors) || name === undefined) return jsonResponse(400, {});
    const categoryPk = category.present ? category.pk : null;
    const categoryRow = categoryPk === null ? undefined : store.categories.get(categoryPk);
    const row = store.parts.insert((pk): PartRow => ({
      active: flags.active,
      assembly: flags.assembly,
      barcode_hash: '',
      category: categoryPk,
      category_name: categoryRow?.name ?? null,
      component: flags.component,
      creation_date: sim.now().toISOString().slice(0, 10),
      creation_user: req.user?.pk ?? null,
      default_expiry: 0,
      default_location: null,
      default_supplier: null,
      description,
      full_name: fullName(name, ipn, revision),
      image: null,
      IPN: ipn,
      is_template: flags.is_template,
      keywords,
      last_stocktake: null,
      link,
      locked: flags.locked,
      minimum_stock: 0,
      name,
      pk,
      purchaseable: flags.purchaseable,
      revision,
      revision_of: null,
      revision_count: 0,
      salable: flags.salable,
      starred: false,
      thumbnail: BLANK_THUMBNAIL,
      testable: flags.testable,
      trackable: flags.trackable,
      units,
      variant_of: null,
      virtual: flags.virtual,
      pricing_min: null,
      pricing_max: null,
      pricing_updated: null,
      responsible: null,
      allocated_to_build_orders: 0,
      allocated_to_sales_orders: 0,
      building: 0,
      category_default_location: categoryRow?.default_location ?? null,
      in_stock: 0,
      ordering: 0,
      required_for_build_orders: 0,
      required_for_sales_orders: 0,
      stock_item_count: 0,
      suppliers: 0,
      total_in_stock: 0,
      external_stock: 0,
      unallocated_stock: 0,
      variant_stock: 0,
      copy_category_parameters: true,
      tags: [],
    }));
    if (categoryRow) categoryRow.part_count = Number(categoryRow.part_count ?? 0) + 1;
    return jsonResponse(201, omit(row, PART_LIST_ANNOTATIONS));
  });
}
