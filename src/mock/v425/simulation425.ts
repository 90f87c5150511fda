// The simulation answering as InvenTree 1.2 dev (API 425): the same store and logic as the 291
// simulation, with the 425 plugin chain, 425 match objects (`instance`, new-UI `web_url`) and
// allocation to any open order. Handlers: handlers425.ts. Import this module dynamically in the
// browser (it carries the 425 dataset).
import { BARCODE_MODELS, type BarcodeModelLabel, type MatchObject } from '../barcodeModels';
import { createSimulation, type Simulation, type SimulationFlavour, type SimulationOptions } from '../simulation';
import { dataset425 } from './dataset425';
import { instanceOf } from './instances';
import { createPlugins425 } from './plugins425';

export const API_VERSION_425 = 425;

/** The new UI's object pages (`/web/...`, no trailing slash); manufacturer parts have none. */
const WEB_PATHS: Partial<Record<BarcodeModelLabel, string>> = {
  build: 'manufacturing/build-order',
  supplierpart: 'purchasing/supplier-part',
  purchaseorder: 'purchasing/purchase-order',
  salesorder: 'sales/sales-order',
  returnorder: 'sales/return-order',
  part: 'part',
  stocklocation: 'stock/location',
  stockitem: 'stock/item',
};

export function webUrl425(label: BarcodeModelLabel, pk: number | string): string | undefined {
  const path = WEB_PATHS[label];
  return path === undefined ? undefined : `/web/${path}/${pk}`;
}

/** `format_matched_response()`: pk, api_url, the serialized instance, web_url. */
export function matchObject425(sim: Simulation, label: BarcodeModelLabel, pk: number): MatchObject {
  const match: MatchObject & { instance?: unknown } = { pk, api_url: BARCODE_MODELS[label].apiUrl(pk) };
  const instance = instanceOf(sim, dataset425, label, pk);
  if (instance) match.instance = instance;
  const web = webUrl425(label, pk);
  if (web !== undefined) match.web_url = web;
  return match;
}

export const flavour425: SimulationFlavour = {
  apiVersion: API_VERSION_425,
  plugins: createPlugins425,
  matchObject: matchObject425,
  allocateToOpenOrders: true,
};

export function createSimulation425(options: Omit<SimulationOptions, 'flavour'> = {}): Simulation {
  return createSimulation({ ...options, flavour: flavour425 });
}
