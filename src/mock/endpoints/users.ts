// User endpoints: token (`GET /api/user/token/`), current user, roles, and the user list/detail.
import { isoDate } from '../auth';
import { jsonResponse, type ApiRequest } from '../apiTypes';
import { paginate } from '../pagination';
import type { Route } from '../router';
import type { Simulation } from '../simulation';
import type { TokenRow, UserRow } from '../store';

const NOT_FOUND = { detail: 'Not found.' };

/** New tokens are valid for 365 days (InvenTree's default token expiry). */
const TOKEN_LIFETIME_DAYS = 365;

function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** InvenTree's ApiToken key shape: `inv-<40 hex>-<YYYYMMDD of creation>`. */
function newTokenKey(now: Date): string {
  return `inv-${randomHex(20)}-${isoDate(now).replace(/-/g, '')}`;
}

/** The user's active token of that name, or a new one (as GetAuthToken does). */
export function obtainToken(sim: Simulation, user: UserRow, name: string): TokenRow {
  const today = isoDate(sim.now());
  const existing = sim.store.tokens.find(
    (t) => t.user === user.pk && t.name === name && !t.revoked && (t.expiry === null || t.expiry >= today),
  );
  if (existing) return existing;
  const expiry = new Date(sim.now().getTime() + TOKEN_LIFETIME_DAYS * 86_400_000);
  return sim.store.tokens.insert((pk) => ({
    pk,
    key: newTokenKey(sim.now()),
    user: user.pk,
    name,
    expiry: isoDate(expiry),
    revoked: false,
  }));
}

function userBody(user: UserRow): Record<string, unknown> {
  const { pk, username, first_name, last_name, email, groups, is_staff, is_superuser, is_active } = user;
  return { pk, username, first_name, last_name, email, groups, is_staff, is_superuser, is_active };
}

function currentUser(req: ApiRequest): UserRow {
  if (!req.user) throw new Error('route requires authentication');
  return req.user;
}

const BOOLEAN_TRUE = ['true', '1', 'yes', 'on'];
const BOOLEAN_FALSE = ['false', '0', 'no', 'off'];

function userList(req: ApiRequest, sim: Simulation) {
  let rows = sim.store.users.all();
  for (const field of ['is_active', 'is_staff', 'is_superuser'] as const) {
    const raw = req.query.get(field)?.toLowerCase();
    if (raw !== undefined && BOOLEAN_TRUE.includes(raw)) rows = rows.filter((u) => u[field]);
    if (raw !== undefined && BOOLEAN_FALSE.includes(raw)) rows = rows.filter((u) => !u[field]);
  }
  const search = req.query.get('search')?.trim().toLowerCase();
  if (search) {
    rows = rows.filter((u) => [u.username, u.first_name, u.last_name].some((v) => v.toLowerCase().includes(search)));
  }
  return jsonResponse(200, paginate(req.url, rows.map(userBody)));
}

export const userRoutes: Route[] = [
  {
    pattern: '/api/user/token/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const token = obtainToken(sim, currentUser(req), req.query.get('name') ?? '');
        return jsonResponse(200, { token: token.key, name: token.name, expiry: token.expiry });
      },
    },
  },
  {
    pattern: '/api/user/me/',
    permission: 'authenticated',
    methods: { GET: (req) => jsonResponse(200, userBody(currentUser(req))) },
  },
  {
    pattern: '/api/user/roles/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const user = currentUser(req);
        const body = sim.store.userAuth.get(user.pk)?.rolesBody ?? {
          user: user.pk,
          username: user.username,
          roles: {},
          permissions: {},
          is_staff: user.is_staff,
          is_superuser: user.is_superuser,
        };
        return jsonResponse(200, body);
      },
    },
  },
  {
    pattern: '/api/user/',
    permission: 'authenticated',
    methods: { GET: userList },
  },
  {
    pattern: '/api/user/:pk/',
    permission: 'authenticated',
    methods: {
      GET: (req, sim) => {
        const user = /^\d+$/.test(req.params.pk!) ? sim.store.users.get(Number(req.params.pk)) : undefined;
        return user ? jsonResponse(200, userBody(user)) : jsonResponse(404, NOT_FOUND);
      },
    },
  },
];
