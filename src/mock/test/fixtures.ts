// Test fixtures of BEHAVIOUR.md section 5: user U (staff, no roles) and the FX objects, built on
// top of the demo dataset the way InvenTree's own tests build theirs.
import { hashBarcode } from '../barcodeHash';
import type { RoleName } from '../barcodeModels';
import { obtainToken } from '../endpoints/users';
import { setGlobalSetting, setPluginSetting } from '../settingsStore';
import type { Simulation } from '../simulation';
import type { Row, UserRow } from '../store';

export interface TestUserOptions {
  username: string;
  isStaff?: boolean;
  isSuperuser?: boolean;
  /** e.g. `{part: ['change'], stock: ['change']}` */
  roles?: Partial<Record<RoleName, string[]>>;
}

/** Models each role grants (InvenTree's RuleSet), for the test users' permissions map. */
const ROLE_MODELS: Partial<Record<RoleName, string[]>> = {
  part: ['part', 'supplierpart', 'manufacturerpart'],
  part_category: ['partcategory'],
  stock: ['stockitem'],
  stock_location: ['stocklocation'],
  build: ['build'],
  purchase_order: ['purchaseorder', 'company', 'supplierpart', 'manufacturerpart'],
  sales_order: ['salesorder', 'salesorderallocation', 'company'],
  return_order: ['returnorder', 'company'],
};

function permissionsFor(roles: Partial<Record<RoleName, string[]>>): Record<string, string[]> {
  const permissions: Record<string, string[]> = {};
  for (const [role, granted] of Object.entries(roles) as [RoleName, string[]][]) {
    for (const model of ROLE_MODELS[role] ?? [])
      permissions[model] = [...new Set([...(permissions[model] ?? []), ...granted])];
  }
  return permissions;
}

/** Adds a user (with roles) and returns its `Token ...` header value. */
export function addTestUser(sim: Simulation, options: TestUserOptions): { user: UserRow; authorization: string } {
  const user = sim.store.users.insert((pk): UserRow => ({
    pk,
    username: options.username,
    first_name: '',
    last_name: '',
    email: '',
    groups: [],
    is_staff: options.isStaff ?? false,
    is_superuser: options.isSuperuser ?? false,
    is_active: true,
  }));
  sim.store.userAuth.put({
    pk: user.pk,
    password: 'test-password',
    rolesBody: {
      user: user.pk,
      username: user.username,
      roles: options.roles ?? {},
      permissions: permissionsFor(options.roles ?? {}),
      is_staff: user.is_staff,
      is_superuser: user.is_superuser,
    },
  });
  return { user, authorization: `Token ${obtainToken(sim, user, 'tests').key}` };
}

/** User U: authenticated, staff, not superuser, no roles unless given. */
export function userU(sim: Simulation, roles: TestUserOptions['roles'] = {}) {
  return addTestUser(sim, { username: 'testuser', isStaff: true, roles });
}

function cloneRow<T extends Row>(row: T, pk: number, changes: Partial<T> = {}): T {
  return { ...structuredClone(row), pk, ...changes };
}

/**
 * FX: parts 1, 2, 5, 10004; locations 1, 2, 5, 7; stock items 1, 520, 521, 522 (520-522 of part
 * 10004, 520 linked to `blbla=10004`); supplier part 1; no stock items 5, 123, 999999999.
 */
export function applyFx(sim: Simulation): void {
  const store = sim.store;
  const part1 = store.parts.get(1);
  if (!part1) throw new Error('demo part 1 missing');
  store.parts.put(cloneRow(part1, 10004, { name: 'FX part 10004' }));
  const template = store.stockItems.get(520) ?? store.stockItems.all()[0]!;
  store.stockItems.put(cloneRow(template, 1));
  for (const pk of [520, 521, 522]) {
    const row = store.stockItems.get(pk) ?? store.stockItems.put(cloneRow(template, pk));
    row.part = 10004;
  }
  store.setBarcode('stockitem', 520, 'blbla=10004', hashBarcode('blbla=10004'));
  for (const pk of [5, 123]) store.stockItems.delete(pk);
  const supplierPart = store.supplierParts.all()[0]!;
  store.supplierParts.put(cloneRow(supplierPart, 1));
}

export function setStoreResults(sim: Simulation, on: boolean): void {
  setGlobalSetting(sim.store, 'BARCODE_STORE_RESULTS', on);
}

export function setBarcodeSetting(
  sim: Simulation,
  key: 'INTERNAL_BARCODE_FORMAT' | 'SHORT_BARCODE_PREFIX',
  value: string,
): void {
  setPluginSetting(sim.store, 'inventreebarcode', key, value);
}
