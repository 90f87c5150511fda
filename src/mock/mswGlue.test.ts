import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from './handlers';
import { createSimulation } from './simulation';

// Demo mode saves its state after every request that may have changed it; a plain scan with scan
// history off changes nothing, and saving costs the page 50–100 ms, so it must not count.
describe('which requests count as changes (demo persistence)', () => {
  const sim = createSimulation();
  const onMutation = vi.fn();
  const server = setupServer(...createHandlers(sim, { onMutation }));
  let headers: Record<string, string> = {};
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    const r = await fetch('http://localhost/api/user/token/', {
      headers: { Authorization: `Basic ${btoa('admin:inventree')}` },
    });
    headers = {
      Authorization: `Token ${((await r.json()) as { token: string }).token}`,
      'Content-Type': 'application/json',
    };
  });
  afterAll(() => server.close());

  const scan = (barcode: string) =>
    fetch('http://localhost/api/barcode/', { method: 'POST', headers, body: JSON.stringify({ barcode }) });

  it('a scan with history off is not a change; a read is not; a settings write is', async () => {
    onMutation.mockClear();
    expect((await scan('{"stockitem": 12}')).status).toBe(200);
    expect((await fetch('http://localhost/api/stock/12/', { headers })).status).toBe(200);
    expect(onMutation).not.toHaveBeenCalled();
    const patch = await fetch('http://localhost/api/settings/global/BARCODE_STORE_RESULTS/', {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ value: true }),
    });
    expect(patch.status).toBe(200);
    expect(onMutation).toHaveBeenCalledTimes(1);
  });

  it('with history on, a scan (match or not) is a change: it wrote a history row', async () => {
    onMutation.mockClear();
    expect((await scan('NOT-KNOWN-ANYWHERE')).status).toBe(400);
    expect(onMutation).toHaveBeenCalledTimes(1);
    expect((await scan('{"stockitem": 12}')).status).toBe(200);
    expect(onMutation).toHaveBeenCalledTimes(2);
  });
});
