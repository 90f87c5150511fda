// The queue's sender against the bundled v291 simulation (msw/node): each kind, and what it does
// when an earlier attempt's answer was lost after the server acted — the second attempt must not
// receive, link or allocate twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../connection/connectionTypes.ts';
import { createNodeSimulation } from '../mock/node.ts';
import { tokenFor } from '../mock/test/simClient.ts';
import { createAction, type NewAction, type QueuedAction } from './queueMachine.ts';
import { sendAction } from './sendAction.ts';

const BASE = 'http://inventree.test';
const { sim, server } = createNodeSimulation();
let conn: Connection;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  conn = { mode: 'server', baseUrl: BASE, token: tokenFor(sim, 'admin').replace(/^Token /, '') };
});
afterAll(() => server.close());

const GS = '\u001d';
const RS = '\u001e';
const EOT = '\u0004';
const label = (sku: string, qty: number) =>
  `[)>${RS}06${GS}P${sku}${GS}1K7712345${GS}KPO0001${GS}Q${qty}${GS}4LPH${RS}${EOT}`;

function action(
  kind: NewAction['kind'],
  path: string,
  body: Record<string, unknown>,
  extra: Partial<QueuedAction> = {},
): QueuedAction {
  const input: NewAction = {
    kind,
    path,
    body,
    barcode: String(body.barcode ?? ''),
    source: 'wedge',
    format: null,
    at: 0,
    server: BASE,
    route: '/',
    context: '',
  };
  return { ...createAction([], input, `${kind}-${Math.random()}`, 0), ...extra };
}

async function get(path: string): Promise<unknown> {
  const res = await fetch(`${BASE}${path}`, { headers: { Authorization: `Token ${conn.token}` } });
  return res.json();
}

const noPersist = async () => undefined;

describe('sendAction', () => {
  it('scan: a match and a no-match are both done', async () => {
    expect(await sendAction(conn, action('scan', '/api/barcode/', { barcode: 'INV-SI12' }), noPersist)).toMatchObject({
      kind: 'done',
      outcome: { tone: 'success', result: 'Stock item #12' },
    });
    expect(
      await sendAction(conn, action('scan', '/api/barcode/', { barcode: 'NOTHING-HERE' }), noPersist),
    ).toMatchObject({ kind: 'done', outcome: { tone: 'notFound' } });
  });

  it('po-receive: a lost answer is retried safely ("already received" after an uncertain attempt is done)', async () => {
    const body = { barcode: label('CRT0603-BY-1003ELFTR-ND', 250), location: 7 };
    const first = await sendAction(conn, action('po-receive', '/api/barcode/po-receive/', body), noPersist);
    expect(first).toMatchObject({ kind: 'done', outcome: { tone: 'success' } });
    const again = await sendAction(
      conn,
      action('po-receive', '/api/barcode/po-receive/', body, { uncertain: true, attempts: 1 }),
      noPersist,
    );
    expect(again).toMatchObject({
      kind: 'done',
      outcome: { tone: 'success', result: expect.stringContaining('answer was lost') },
    });
    const line = (await get('/api/order/po-line/?order=1')) as { pk: number; received: number }[];
    expect(line.find((l) => l.pk === 2)?.received).toBe(250);
    // Without doubt, the same label again is a real refusal the user must see.
    expect(await sendAction(conn, action('po-receive', '/api/barcode/po-receive/', body), noPersist)).toMatchObject({
      kind: 'failed',
    });
  });

  it('link: an uncertain second attempt that finds the barcode on the target is done', async () => {
    const body = { barcode: 'ACME-LOST-ANSWER-1', stockitem: 12 };
    expect(await sendAction(conn, action('link', '/api/barcode/link/', body), noPersist)).toMatchObject({
      kind: 'done',
    });
    expect(
      await sendAction(conn, action('link', '/api/barcode/link/', body, { uncertain: true, attempts: 1 }), noPersist),
    ).toMatchObject({ kind: 'done', outcome: { result: expect.stringContaining('answer was lost') } });
    // On another object it is a refusal, whatever the doubt.
    expect(
      await sendAction(
        conn,
        action('link', '/api/barcode/link/', { barcode: 'ACME-LOST-ANSWER-1', stockitem: 13 }, { uncertain: true }),
        noPersist,
      ),
    ).toMatchObject({ kind: 'failed' });
  });

  it('so-allocate: remembers the allocations first; after a lost answer it checks them instead of allocating twice', async () => {
    const created = await fetch(`${BASE}/api/order/so/shipment/`, {
      method: 'POST',
      headers: { Authorization: `Token ${conn.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ order: 2, reference: 'QUEUE-TEST' }),
    });
    const shipment = ((await created.json()) as { pk: number }).pk;
    const body = { barcode: '{"stockitem": 231}', sales_order: 2, shipment, quantity: 1 };
    let item = action('so-allocate', '/api/barcode/so-allocate/', body);
    const persisted: Partial<QueuedAction>[] = [];
    const first = await sendAction(conn, item, async (p) => void persisted.push(p));
    expect(first).toMatchObject({ kind: 'done', outcome: { tone: 'success' } });
    expect(persisted[0]!.allocationsBefore).toBeInstanceOf(Array);
    const count = async () => ((await get('/api/order/so-allocation/?order=2')) as unknown[]).length;
    const after = await count();
    expect(after).toBe(persisted[0]!.allocationsBefore!.length + 1);

    // The answer to that request was lost: the sender checks the order and does not allocate again.
    item = { ...item, uncertain: true, attempts: 1, allocationsBefore: persisted[0]!.allocationsBefore };
    expect(await sendAction(conn, item, noPersist)).toMatchObject({
      kind: 'done',
      outcome: { result: expect.stringContaining('answer was lost') },
    });
    expect(await count()).toBe(after);

    // No record of what was there before: not resent; the user decides.
    const unknown = await sendAction(conn, { ...item, allocationsBefore: undefined }, noPersist);
    expect(unknown).toMatchObject({
      kind: 'failed',
      problem: { message: expect.stringContaining('could allocate twice') },
    });
    expect(await count()).toBe(after);
  });

  it('a 401 asks for a sign-in without failing the action', async () => {
    const expired = await sendAction(
      { ...conn, token: 'f'.repeat(40) },
      action('scan', '/api/barcode/', { barcode: 'X1' }),
      noPersist,
    );
    expect(expired.kind).toBe('auth');
  });
});
