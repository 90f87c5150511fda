// One simulated InvenTree v291 server: the store, the plugin chain, the clock and the web_url
// style. Fresh from the demo dataset on creation; exportState()/importState() give plain JSON for
// IndexedDB persistence in demo mode.
import {
  DEFAULT_WEB_URL_CONFIG,
  matchObject,
  type BarcodeModelLabel,
  type MatchObject,
  type WebUrlConfig,
} from './barcodeModels';
import { demoDataset, type Dataset } from './dataset';
import { inventreeBarcodePlugin } from './plugins/inventreeBarcode';
import type { BarcodePlugin } from './plugins/pluginTypes';
import { seedState } from './seed';
import { Store, type StoreState } from './store';
import { createSupplierPlugins } from './supplierPluginRegistry';

export interface SimulationOptions {
  /** Defaults to the bundled demo dataset. */
  dataset?: Dataset;
  /** web_url style; v291's default is the classic UI. */
  webUrl?: WebUrlConfig;
  /** Clock, for history timestamps and `updated` fields (tests may pin it). */
  now?: () => Date;
  /** Another InvenTree version's answers (v425/): its plugin chain and match objects. */
  flavour?: SimulationFlavour;
}

/** What a newer API version changes in the shared logic (see v425/simulation425.ts). */
export interface SimulationFlavour {
  apiVersion: number;
  plugins(): BarcodePlugin[];
  matchObject(sim: Simulation, label: BarcodeModelLabel, pk: number): MatchObject;
  /** po-allocate / so-allocate take any open order ("… is not open"), not only pending ones. */
  allocateToOpenOrders: boolean;
}

export interface Simulation {
  /** The dataset the simulation was seeded from (read-only reference data such as price breaks). */
  readonly dataset: Dataset;
  /** The InvenTree API version answered: 291 unless a flavour says otherwise. */
  readonly apiVersion: number;
  readonly flavour: SimulationFlavour | null;
  /** The current database (replaced by importState/reset, so read it through `sim.store`). */
  readonly store: Store;
  readonly webUrl: WebUrlConfig;
  /** Barcode plugins in registry order: InvenTreeBarcode, DigiKey, LCSC, Mouser, TME. */
  readonly plugins: readonly BarcodePlugin[];
  now(): Date;
  setClock(now: () => Date): void;
  /** `{pk, api_url, web_url}` of an object, as scan answers carry it. */
  matchObject(label: BarcodeModelLabel, pk: number): MatchObject;
  exportState(): StoreState;
  importState(state: StoreState): void;
  /** The seed state reset() goes back to (shared: never modify it). */
  readonly pristine: StoreState;
  /**
   * Back to the pristine demo dataset. `keepTokens` keeps issued API tokens valid, so a signed-in
   * client stays signed in when the demo data is reset.
   */
  reset(options?: { keepTokens?: boolean }): void;
}

// The pristine state per dataset, computed once: every Store deep-copies it anyway.
const pristineStates = new WeakMap<Dataset, StoreState>();

function pristineState(dataset: Dataset): StoreState {
  let state = pristineStates.get(dataset);
  if (!state) {
    state = seedState(dataset);
    pristineStates.set(dataset, state);
  }
  return state;
}

export function createSimulation(options: SimulationOptions = {}): Simulation {
  const dataset = options.dataset ?? demoDataset;
  const pristine = pristineState(dataset);
  let store = new Store(pristine);
  let clock = options.now ?? (() => new Date());
  const webUrl = options.webUrl ?? DEFAULT_WEB_URL_CONFIG;
  const flavour = options.flavour;
  const plugins: BarcodePlugin[] = flavour ? flavour.plugins() : [inventreeBarcodePlugin, ...createSupplierPlugins()];

  const sim: Simulation = {
    apiVersion: flavour?.apiVersion ?? 291,
    flavour: flavour ?? null,
    dataset,
    get store() {
      return store;
    },
    webUrl,
    plugins,
    now: () => clock(),
    setClock(now) {
      clock = now;
    },
    matchObject: (label, pk) => (flavour ? flavour.matchObject(sim, label, pk) : matchObject(label, pk, webUrl)),
    exportState: () => store.toJSON(),
    pristine,
    importState(state) {
      store = new Store(state);
    },
    reset(resetOptions = {}) {
      const tokens = resetOptions.keepTokens ? store.tokens.toJSON() : null;
      store = new Store(tokens ? { ...pristine, tables: { ...pristine.tables, tokens } } : pristine);
    },
  };
  return sim;
}
