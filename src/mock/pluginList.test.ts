// GET /api/plugins/ (PluginList): any signed-in user may read it; the server check reads which
// barcode plugins are active from it.
import { describe, expect, it } from 'vitest';
import { basicAuth } from './test/simClient';
import { useSimulation } from './test/simHarness';

const h = useSimulation();
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('GET /api/plugins/', () => {
  it('a reader sees the five barcode plugins, all active (builtin in v291)', async () => {
    const response = await h.get('/api/plugins/', basicAuth('reader', 'readonly'), { mixin: 'barcode' });
    expect(response.status).toBe(200);
    const rows = response.body as Body[];
    expect(rows.map((r) => [r.key, r.active, r.is_builtin])).toEqual([
      ['digikeyplugin', true, true],
      ['inventreebarcode', true, true],
      ['lcscplugin', true, true],
      ['mouserplugin', true, true],
      ['tmeplugin', true, true],
    ]);
    expect(Object.keys(rows[0]!)).toEqual([
      'pk',
      'key',
      'name',
      'package_name',
      'active',
      'meta',
      'mixins',
      'is_builtin',
      'is_sample',
      'is_installed',
      'is_package',
    ]);
  });

  it('filters active=false to none, pages with limit, and answers 401 without credentials', async () => {
    expect((await h.get('/api/plugins/', basicAuth('engineer', 'partsonly'), { active: 'false' })).body).toEqual([]);
    const page = (await h.get('/api/plugins/', basicAuth('admin', 'inventree'), { limit: 2 })).body as Body;
    expect([page.count, page.results.length]).toEqual([5, 2]);
    expect((await h.get('/api/plugins/')).status).toBe(401);
  });
});
