// Detail GETs of the nine barcode models answer exactly what the real v291 server answered for
// the same objects right after loading the demo data (data/details.json: key order included).
import { describe, expect, it } from 'vitest';
import details from './data/details.json';
import { tokenFor } from './test/simClient';
import { useSimulation } from './test/simHarness';

const h = useSimulation();
const samples = Object.entries(details as Record<string, { path: string; status: number; body: unknown }>);

describe('detail shapes (api_url of scan answers)', () => {
  it.each(samples)('%s', async (_model, sample) => {
    const response = await h.get(sample.path, tokenFor(h.sim, 'admin'));
    expect(response.status).toBe(sample.status);
    expect(JSON.stringify(response.body)).toBe(JSON.stringify(sample.body));
  });

  it('list rows keep the dataset shape and honour *_detail flags', async () => {
    const auth = tokenFor(h.sim, 'admin');
    const plain = (await h.get('/api/stock/', auth, { limit: 1, part: 108 })).body as {
      results: Record<string, unknown>[];
    };
    expect(Object.keys(plain.results[0]!)).not.toContain('part_detail');
    const detailed = (await h.get('/api/stock/', auth, { limit: 1, part: 108, part_detail: 'true' })).body as {
      results: Record<string, unknown>[];
    };
    expect(detailed.results[0]!.part_detail).toMatchObject({ pk: 108 });
  });
});
