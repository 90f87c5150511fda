// DRF/InvenTree authentication as v291 runs it: token first, then HTTP Basic (BEHAVIOUR.md 1.1).
// A failure is a 401 with `WWW-Authenticate: Token` (the first authentication class's header).
import type { ApiResponse } from './apiTypes';
import type { Store, UserRow } from './store';

export type AuthOutcome = { user: UserRow | null } | { error: ApiResponse };

const WWW_AUTHENTICATE = { 'WWW-Authenticate': 'Token' };

export function unauthorized(detail: string): ApiResponse {
  return { status: 401, body: { detail }, headers: WWW_AUTHENTICATE };
}

export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';

/** `YYYY-MM-DD` of a Date in UTC (the server's TIME_ZONE). */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function decodeBase64Utf8(text: string): string | null {
  try {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) return null;
    const binary = atob(text);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Checks username/password against the demo users (inactive users fail like Django's backend). */
export function checkPassword(store: Store, username: string, password: string): UserRow | null {
  const user = store.users.find((row) => row.username === username);
  if (!user || !user.is_active) return null;
  const auth = store.userAuth.get(user.pk);
  return auth && auth.password === password ? user : null;
}

function tokenAuth(store: Store, parts: string[], today: string): AuthOutcome {
  if (parts.length === 1) return { error: unauthorized('Invalid token header. No credentials provided.') };
  if (parts.length > 2) return { error: unauthorized('Invalid token header. Token string should not contain spaces.') };
  const token = store.tokens.find((row) => row.key === parts[1]);
  if (!token) return { error: unauthorized('Invalid token.') };
  if (token.revoked) return { error: unauthorized('Token has been revoked') };
  if (token.expiry !== null && token.expiry < today) return { error: unauthorized('Token has expired') };
  const user = store.users.get(token.user);
  if (!user || !user.is_active) return { error: unauthorized('User inactive or deleted.') };
  return { user };
}

function basicAuth(store: Store, parts: string[]): AuthOutcome {
  if (parts.length === 1) return { error: unauthorized('Invalid basic header. No credentials provided.') };
  if (parts.length > 2)
    return { error: unauthorized('Invalid basic header. Credentials string should not contain spaces.') };
  // Exactly two parts here: one and more than two returned above.
  const decoded = decodeBase64Utf8(parts[1]!);
  if (decoded === null)
    return { error: unauthorized('Invalid basic header. Credentials not correctly base64 encoded.') };
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const user = checkPassword(store, username, password);
  return user ? { user } : { error: unauthorized('Invalid username/password.') };
}

/** Authenticates a request from its Authorization header; no header means anonymous. */
export function authenticate(store: Store, headers: Headers, now: Date): AuthOutcome {
  const header = headers.get('Authorization');
  if (!header) return { user: null };
  // DRF splits on whitespace and compares the scheme case-insensitively.
  const parts = header.trim().split(/\s+/);
  const scheme = parts[0]?.toLowerCase();
  if (scheme === 'token') return tokenAuth(store, parts, isoDate(now));
  if (scheme === 'basic') return basicAuth(store, parts);
  // Bearer and other schemes are not accepted by v291's classes: the request stays anonymous.
  return { user: null };
}

/** Role check for link/unlink (`<role>.change`); superusers always pass. */
export function userHasRole(store: Store, user: UserRow, role: string, permission: string): boolean {
  if (user.is_superuser) return true;
  const rolesBody = store.userAuth.get(user.pk)?.rolesBody as { roles?: Record<string, string[] | null> } | undefined;
  const granted = rolesBody?.roles?.[role];
  return Array.isArray(granted) && granted.includes(permission);
}

/**
 * Django model permission (`view`, `add`, `change`, `delete`) as InvenTree's RolePermission grants
 * it from the user's rule sets: the `permissions` map of `/api/user/roles/`. Superusers pass.
 */
export function hasModelPermission(store: Store, user: UserRow, model: string, permission: string): boolean {
  if (user.is_superuser) return true;
  const body = store.userAuth.get(user.pk)?.rolesBody as { permissions?: Record<string, string[] | null> } | undefined;
  return body?.permissions?.[model]?.includes(permission) ?? false;
}
