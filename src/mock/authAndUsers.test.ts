// Authentication and user endpoints as InvenTree v291 answers them: HTTP Basic with the demo
// users' passwords, tokens, /api/user/me/, /api/user/roles/, server info with and without staff.
import { describe, expect, it } from 'vitest';
import roles from './data/roles.json';
import users from './data/users.json';
import { basicAuth } from './test/simClient';
import { useSimulation } from './test/simHarness';

const h = useSimulation();
const DEMO_USERS: [string, string][] = [
  ['admin', 'inventree'],
  ['allaccess', 'nolimits'],
  ['reader', 'readonly'],
  ['engineer', 'partsonly'],
];

async function tokenOf(username: string, password: string): Promise<string> {
  const response = await h.get('/api/user/token/', basicAuth(username, password));
  expect(response.status).toBe(200);
  return `Token ${(response.body as { token: string }).token}`;
}

describe('demo users', () => {
  it.each(DEMO_USERS)(
    '%s signs in with basic auth, gets a token and sees its own user and roles',
    async (username, password) => {
      const response = await h.get('/api/user/token/', basicAuth(username, password));
      expect(response.status).toBe(200);
      const body = response.body as { token: string; name: string; expiry: string };
      expect(Object.keys(body)).toEqual(['token', 'name', 'expiry']);
      expect(body.name).toBe('');
      expect(body.token).toMatch(/^inv-[0-9a-f]{40}-\d{8}$/);
      const authorization = `Token ${body.token}`;
      const me = await h.get('/api/user/me/', authorization);
      expect(me.body).toEqual(users.results.find((u) => u.username === username));
      const userRoles = await h.get('/api/user/roles/', authorization);
      expect(userRoles.body).toEqual((roles as Record<string, { roles: unknown }>)[username]!.roles);
    },
  );

  it('the same user and name get the same token back while it is valid', async () => {
    expect(await tokenOf('reader', 'readonly')).toBe(await tokenOf('reader', 'readonly'));
  });

  it('answers 401 with InvenTree/DRF messages for wrong credentials', async () => {
    const wrong = await h.get('/api/user/token/', basicAuth('admin', 'wrong'));
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ detail: 'Invalid username/password.' });
    const badToken = await h.get('/api/user/me/', 'Token not-a-token');
    expect(badToken.status).toBe(401);
    expect(badToken.body).toEqual({ detail: 'Invalid token.' });
    expect(badToken.headers.get('WWW-Authenticate')).toBe('Token');
    const anonymous = await h.get('/api/user/me/');
    expect(anonymous.body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('an expired token is refused', async () => {
    const authorization = await tokenOf('admin', 'inventree');
    h.sim.setClock(() => new Date(Date.now() + 400 * 86_400_000));
    const response = await h.get('/api/user/me/', authorization);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: 'Token has expired' });
  });
});

describe('server info and permissions', () => {
  it('GET /api/ hides system fields from anonymous and non-staff callers', async () => {
    const anonymous = (await h.get('/api/')).body as Record<string, unknown>;
    const staff = (await h.get('/api/', await tokenOf('admin', 'inventree'))).body as Record<string, unknown>;
    const reader = (await h.get('/api/', await tokenOf('reader', 'readonly'))).body as Record<string, unknown>;
    expect(anonymous.apiVersion).toBe(291);
    expect(anonymous.database).toBeNull();
    expect(staff.database).toBe('sqlite3');
    expect(reader.database).toBeNull();
  });

  it('read endpoints follow the role rules: engineer has no purchase order role', async () => {
    const engineer = await tokenOf('engineer', 'partsonly');
    expect((await h.get('/api/part/69/', engineer)).status).toBe(200);
    const po = await h.get('/api/order/po/1/', engineer);
    expect(po.status).toBe(403);
    expect(po.body).toEqual({ detail: 'You do not have permission to perform this action.' });
  });

  it('unknown API paths answer InvenTree 404 with the URL', async () => {
    const response = await h.get('/api/no-such-thing/', await tokenOf('admin', 'inventree'));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      detail: 'API endpoint not found',
      url: 'http://127.0.0.1:8000/api/no-such-thing/',
    });
  });
});
