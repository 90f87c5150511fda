/** InvenTree's public demo users (demo dataset README); the simulation accepts the same. */
export const DEMO_USERS = {
  admin: { password: 'inventree', description: 'Superuser and staff: every right' },
  allaccess: { password: 'nolimits', description: 'Every role, not staff' },
  reader: { password: 'readonly', description: 'View only' },
  engineer: { password: 'partsonly', description: 'Parts and categories only' },
} as const;

export type DemoUserName = keyof typeof DEMO_USERS;

export const DEFAULT_DEMO_USER: DemoUserName = 'admin';

export const DEMO_USER_NAMES = Object.keys(DEMO_USERS) as DemoUserName[];

export function isDemoUserName(v: unknown): v is DemoUserName {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(DEMO_USERS, v);
}
