// Create endpoints a client uses to set up supplier data (transcripts 077-083): companies, parts,
// manufacturer parts and supplier parts. Stored rows get the full list shape (with detail objects),
// the 201 answer the create serializer's shape.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hasModelPermission } from '../auth';
import { ErrorDetail } from '../pyRepr';
import type { Route } from '../router';
import { globalSettingBool, globalSettingValue } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { CompanyRow, ManufacturerPartRow, PartRow, Row, SupplierPartRow } from '../store';
import { bodyAsDict, charField, fieldErrorBody, hasErrors, pkField, type FieldErrors } from '../validation';
import { minuteTimestamp } from './link';

const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };
const BLANK_THUMBNAIL = '/static/img/blank_image.thumbnail.png';

function canAdd(sim: Simulation, req: ApiRequest, model: string): boolean {
  return req.user !== null && hasModelPermission(sim.store, req.user, model, 'add');
}

function thumbnailOf(image: unknown): string {
  if (typeof image !== 'string' || image === '') return BLANK_THUMBNAIL;
  return image.replace(/(\.[^./]+)$/, '.thumbnail$1');
}

export function companyBrief(company: CompanyRow): Record<string, unknown> {
  return {
    pk: company.pk,
    active: company.active,
    name: company.name,
    description: company.description,
    image: company.image,
    thumbnail: thumbnailOf(company.image),
    currency: company.currency,
  };
}

export function partBrief(part: PartRow): Record<string, unknown> {
  const keys = [
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
  return Object.fromEntries(keys.map((key) => [key, part[key]]));
}

function omit(row: Row, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
}

/** Optional boolean input (DRF BooleanField); undefined when absent, null on a bad value. */
function boolInput(data: Record<string, unknown>, key: string, errors: FieldErrors): boolean | undefined {
  if (!(key in data)) return undefined;
  const value = data[key];
  const truthy = [true, 1, 'true', 'True', 'TRUE', '1', 'yes', 'y', 'on', 't'];
  const falsy = [false, 0, 'false', 'False', 'FALSE', '0', 'no', 'n', 'off', 'f'];
  if (truthy.includes(value as never)) return true;
  if (falsy.includes(value as never)) return false;
  errors[key] = [new ErrorDetail('Must be a valid boolean.', 'invalid')];
  return undefined;
}

function optionalText(
  data: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  fallback: string | null,
): string | null {
  if (!(key in data)) return fallback;
  return charField(data, key, errors, { required: false, allowBlank: true }) ?? fallback;
}

function validate(
  req: ApiRequest,
  build: (data: Record<string, unknown>, errors: FieldErrors) => ApiResponse,
): ApiResponse {
  const dict = bodyAsDict(req.body);
  if (!dict.ok) return jsonResponse(400, fieldErrorBody(dict.errors));
  const errors: FieldErrors = {};
  const response = build(dict.data, errors);
  return hasErrors(errors) ? jsonResponse(400, fieldErrorBody(errors)) : response;
}

function createCompany(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!canAdd(sim, req, 'company')) return jsonResponse(403, FORBIDDEN);
  return validate(req, (data, errors) => {
    const name = charField(data, 'name', errors, { required: true, maxLength: 100 });
    const description = optionalText(data, 'description', errors, '');
    const website = optionalText(data, 'website', errors, '');
    const phone = optionalText(data, 'phone', errors, '');
    const email = optionalText(data, 'email', errors, '');
    const currency = optionalText(
      data,
      'currency',
      errors,
      globalSettingValue(sim.store, 'INVENTREE_DEFAULT_CURRENCY') ?? 'USD',
    );
    const contact = optionalText(data, 'contact', errors, '');
    const link = optionalText(data, 'link', errors, '');
    const active = boolInput(data, 'active', errors) ?? true;
    const isCustomer = boolInput(data, 'is_customer', errors) ?? false;
    const isManufacturer = boolInput(data, 'is_manufacturer', errors) ?? false;
    const isSupplier = boolInput(data, 'is_supplier', errors) ?? true;
    if (hasErrors(errors) || name === undefined) return jsonResponse(400, {});
    const row = sim.store.companies.insert((pk): CompanyRow => ({
      pk,
      url: `/company/${pk}/`,
      name,
      description,
      website,
      phone,
      address: null,
      email,
      currency,
      contact,
      link,
      image: null,
      active,
      is_customer: isCustomer,
      is_manufacturer: isManufacturer,
      is_supplier: isSupplier,
      parts_supplied: 0,
      parts_manufactured: 0,
      address_count: 0,
      primary_address: null,
    }));
    return jsonResponse(201, omit(row, ['parts_supplied', 'parts_manufactured', 'address_count']));
  });
}

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

function createPart(req: ApiRequest, sim: Simulation): ApiResponse {
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

function createManufacturerPart(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!canAdd(sim, req, 'manufacturerpart')) return jsonResponse(403, FORBIDDEN);
  const store = sim.store;
  return validate(req, (data, errors) => {
    const part = pkField(data, 'part', errors, (pk) => store.parts.has(pk), { required: true, allowNull: false });
    const manufacturer = pkField(data, 'manufacturer', errors, (pk) => store.companies.has(pk), {
      required: true,
      allowNull: false,
    });
    const description = optionalText(data, 'description', errors, null);
    const mpn = charField(data, 'MPN', errors, { required: true, maxLength: 100 });
    const link = optionalText(data, 'link', errors, null);
    if (hasErrors(errors) || !part.present || !manufacturer.present || mpn === undefined) return jsonResponse(400, {});
    const partRow = store.parts.get(part.pk as number) as PartRow;
    const company = store.companies.get(manufacturer.pk as number) as CompanyRow;
    const row = store.manufacturerParts.insert((pk): ManufacturerPartRow => ({
      pk,
      part: partRow.pk,
      part_detail: partBrief(partRow),
      manufacturer: company.pk,
      manufacturer_detail: companyBrief(company),
      description,
      MPN: mpn,
      link,
      barcode_hash: '',
      notes: null,
      tags: [],
    }));
    company.parts_manufactured = Number(company.parts_manufactured ?? 0) + 1;
    return jsonResponse(201, omit(row, ['part_detail', 'manufacturer_detail']));
  });
}

function createSupplierPart(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!canAdd(sim, req, 'supplierpart')) return jsonResponse(403, FORBIDDEN);
  const store = sim.store;
  return validate(req, (data, errors) => {
    const part = pkField(data, 'part', errors, (pk) => store.parts.has(pk), { required: true, allowNull: false });
    const supplier = pkField(data, 'supplier', errors, (pk) => store.companies.has(pk), {
      required: true,
      allowNull: false,
    });
    const sku = charField(data, 'SKU', errors, { required: true, maxLength: 100 });
    const manufacturerPart = pkField(data, 'manufacturer_part', errors, (pk) => store.manufacturerParts.has(pk), {
      required: false,
      allowNull: true,
    });
    const description = optionalText(data, 'description', errors, null);
    const link = optionalText(data, 'link', errors, null);
    const note = optionalText(data, 'note', errors, null);
    const packaging = optionalText(data, 'packaging', errors, null);
    if (hasErrors(errors) || !part.present || !supplier.present || sku === undefined) return jsonResponse(400, {});
    const partRow = store.parts.get(part.pk as number) as PartRow;
    const company = store.companies.get(supplier.pk as number) as CompanyRow;
    const mpRow =
      manufacturerPart.present && manufacturerPart.pk !== null
        ? store.manufacturerParts.get(manufacturerPart.pk)
        : undefined;
    const maker = mpRow ? store.companies.get(mpRow.manufacturer) : undefined;
    const name = [company.name, sku, ...(mpRow && maker ? [maker.name, mpRow.MPN ?? ''] : [])].join(' | ');
    const row = store.supplierParts.insert((pk): SupplierPartRow => {
      const out: SupplierPartRow = {
        available: 0,
        availability_updated: null,
        description,
        in_stock: 0,
        link,
        active: true,
        pk,
        part: partRow.pk,
        supplier: company.pk,
        SKU: sku,
        manufacturer_part: mpRow?.pk ?? null,
        barcode_hash: '',
        pack_quantity_native: 1,
      };
      // Key order of the list serializer; manufacturer_detail only through an existing manufacturer part.
      return {
        available: out.available,
        availability_updated: out.availability_updated,
        description,
        in_stock: 0,
        link,
        active: true,
        ...(mpRow && maker ? { manufacturer_detail: companyBrief(maker) } : {}),
        manufacturer_part: out.manufacturer_part,
        manufacturer_part_detail: mpRow ? omit(mpRow, []) : null,
        name,
        note,
        pk,
        barcode_hash: '',
        packaging,
        pack_quantity: '1',
        pack_quantity_native: 1,
        part: partRow.pk,
        part_detail: partBrief(partRow),
        SKU: sku,
        supplier: company.pk,
        supplier_detail: companyBrief(company),
        url: `/supplier-part/${pk}/`,
        updated: minuteTimestamp(sim.now()),
        notes: null,
        tags: [],
      };
    });
    company.parts_supplied = Number(company.parts_supplied ?? 0) + 1;
    partRow.suppliers = Number(partRow.suppliers ?? 0) + 1;
    return jsonResponse(201, omit(row, ['in_stock', 'manufacturer_detail', 'manufacturer_part_detail', 'part_detail']));
  });
}

export const createRoutes: Route[] = [
  { pattern: '/api/company/', permission: 'authenticated', methods: { POST: createCompany } },
  { pattern: '/api/part/', permission: 'authenticated', methods: { POST: createPart } },
  {
    pattern: '/api/company/part/manufacturer/',
    permission: 'authenticated',
    methods: { POST: createManufacturerPart },
  },
  { pattern: '/api/company/part/', permission: 'authenticated', methods: { POST: createSupplierPart } },
];
