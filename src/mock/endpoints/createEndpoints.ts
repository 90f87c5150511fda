// Create endpoints a client uses to set up supplier data (transcripts 077-083): companies, parts,
// manufacturer parts and supplier parts. Stored rows get the full list shape (with detail objects),
// the 201 answer the create serializer's shape.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import type { Route } from '../router';
import { globalSettingValue } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { CompanyRow, ManufacturerPartRow, PartRow, SupplierPartRow } from '../store';
import { charField, hasErrors, pkField } from '../validation';
import { boolInput, canAdd, companyBrief, FORBIDDEN, omit, optionalText, partBrief, validate } from './createHelpers';
import { createPart } from './createPartEndpoint';
import { minuteTimestamp } from './link';

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
