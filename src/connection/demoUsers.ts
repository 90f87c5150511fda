/**
 * InvenTree's public demo users (demo dataset README); the simulation accepts the same. What each
 * may do is said in the `connection` catalogue (settings.demoUsers.<name>).
 */
export const DEMO_USERS = {
  admin: { password: 'inventree' },
  allaccess: { password: 'nolimits' },
  reader: { password: 'readonly' },
  engineer: { password: 'partsonly' },
} as const;

export type DemoUserName = keyof typeof DEMO_USERS;

export const DEFAULT_DEMO_USER: DemoUserName = 'admin';

export const DEMO_USER_NAMES = Object.keys(DEMO_USERS) as DemoUserName[];

export function isDemoUserName(v: unknown): v is DemoUserName {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(DEMO_USERS, v);
}
