/** Sign-in and the current user: token, `/api/user/me/`, `/api/user/roles/`. */
import { i18n } from '../i18n/i18n.ts';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { apiRequest } from './http.ts';
import type { components } from './schema/inventree.d.ts';

export type MeUser = components['schemas']['MeUser'];

export interface TokenAnswer {
  token: string;
  name: string;
  expiry: string | null;
}

/** Permission names of InvenTree's role rights. */
export type RoleRight = 'view' | 'add' | 'change' | 'delete';

export interface UserRoles {
  user: number;
  username: string;
  /** Role → rights; null when the user has no right on that role at all. */
  roles: Record<string, RoleRight[] | null>;
  permissions: Record<string, string[] | null>;
  is_staff?: boolean;
  is_superuser?: boolean;
}

/**
 * GET /api/user/token/ with HTTP Basic: the user's API token. A 401 here means a wrong username or
 * password (the global "sign in again" hook is not called for it).
 */
export async function fetchToken(
  conn: Connection,
  username: string,
  password: string,
  signal?: AbortSignal,
): Promise<TokenAnswer> {
  const body = await apiRequest<unknown>(conn, {
    path: '/api/user/token/',
    basicAuth: { username, password },
    notifyUnauthorized: false,
    signal,
  });
  const rec = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof rec.token !== 'string' || !rec.token) {
    throw new ApiError({
      kind: 'parse',
      status: 200,
      path: '/api/user/token/',
      message: i18n.t('api:auth.noToken'),
      nextStep: i18n.t('api:auth.noTokenNext'),
    });
  }
  return {
    token: rec.token,
    name: typeof rec.name === 'string' ? rec.name : '',
    expiry: typeof rec.expiry === 'string' ? rec.expiry : null,
  };
}

/** `notifyUnauthorized: false` while signing in, so a bad token is reported, not treated as "expired". */
export async function getMe(conn: Connection, signal?: AbortSignal, notifyUnauthorized = true): Promise<MeUser> {
  return apiRequest<MeUser>(conn, { path: '/api/user/me/', signal, notifyUnauthorized });
}

export async function getRoles(conn: Connection, signal?: AbortSignal): Promise<UserRoles> {
  return apiRequest<UserRoles>(conn, { path: '/api/user/roles/', signal });
}

/** Does the user hold `right` on `role`? Superusers hold every right. */
export function hasRoleRight(roles: UserRoles | null | undefined, role: string, right: RoleRight): boolean {
  if (!roles) return false;
  if (roles.is_superuser) return true;
  return roles.roles[role]?.includes(right) ?? false;
}

/** The name to greet the user with: "Ronald Reader", or the username. */
export function displayName(user: Pick<MeUser, 'username' | 'first_name' | 'last_name'>): string {
  const full = `${user.first_name ?? ''} ${user.last_name ?? ''}`.trim();
  return full || user.username;
}
