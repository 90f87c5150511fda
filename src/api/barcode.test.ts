import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import {
  bulkDeleteScanHistory,
  deleteScanHistoryEntry,
  generateBarcode,
  linkBarcode,
  listScanHistory,
  poAllocate,
  poReceive,
  scanBarcode,
  soAllocate,
  unlinkBarcode,
} from './barcode.ts';
import { installFakeFetch, jsonResponse } from './testing/fakeFetch.ts';
import { transcript, type Transcript } from './testing/transcripts.ts';

const conn: Connection = { mode: 'server', baseUrl: 'http://127.0.0.1:8000', token: 'tok' };

afterEach(() => vi.unstubAllGlobals());

/** Answer with the recorded response and check the request matches the recorded one. */
function replay(prefix: string): Transcript {
  const t = transcript(prefix);
  installFakeFetch((req) => {
    expect(req.method).toBe(t.request.method);
    expect(new URL(req.url).pathname).toBe(t.request.path);
    if (t.request.body !== null && t.request.method !== 'GET') expect(req.body).toEqual(t.request.body);
    return jsonResponse(t.response.status, t.response.body === '' ? '' : t.response.body);
  });
  return t;
}

function bodyOf(t: Transcript): { barcode: string } & Record<string, unknown> {
  return t.request.body as { barcode: string } & Record<string, unknown>;
}

describe('scan', () => {
  it('a v291 match gives the model, pk, api_url and web_url', async () => {
    const t = replay('010-');
    const r = await scanBarcode(conn, bodyOf(t).barcode);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.match).toEqual({
      model: 'stockitem',
      pk: 231,
      apiUrl: '/api/stock/231/',
      webUrl: '/stock/item/231/',
      instance: null,
    });
    expect(r.plugin).toBe('InvenTreeBarcode');
    expect(r.barcodeHash).toBe('915bcd7bebe2d351ce1f814f24b5e0aa');
    expect(r.success).toBe('Match found for barcode data');
  });

  it('a manufacturer part match has no web_url', async () => {
    const t = replay('013-');
    const r = await scanBarcode(conn, bodyOf(t).barcode);
    expect(r.match).toMatchObject({ model: 'manufacturerpart', pk: 197, webUrl: null });
  });

  it('a supplier label matched by a supplier plugin', async () => {
    const t = replay('101-');
    const r = await scanBarcode(conn, bodyOf(t).barcode);
    expect(r.ok && r.match.model).toBe('supplierpart');
    expect(r.plugin).toBe('MouserPlugin');
  });

  it('no match (400, stringified dict) is a failure result, not an exception', async () => {
    const t = replay('019-');
    const r = await scanBarcode(conn, bodyOf(t).barcode);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('no-match');
    expect(r.status).toBe(400);
    expect(r.plugin).toBeNull();
    expect(r.barcodeData).toBe('UNKNOWN-BARCODE-XYZ-123');
    expect(r.message).toBe('No match found for this barcode.');
  });

  it('a 200 answer that carries error is a failure (BEHAVIOUR 2.1)', async () => {
    installFakeFetch(() =>
      jsonResponse(200, {
        error: 'Found multiple matching supplier parts for barcode',
        plugin: 'DigiKeyPlugin',
        barcode_data: 'x',
        barcode_hash: 'h',
        success: 'Match found for barcode data',
      }),
    );
    const r = await scanBarcode(conn, 'x');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(200);
    expect(r.code).toBe('error');
    expect(r.message).toBe('Several supplier parts match this label, so InvenTree cannot tell which one it is.');
  });

  it('newer servers (API ≥ 339) add instance to the match', async () => {
    installFakeFetch(() =>
      jsonResponse(200, {
        stockitem: {
          pk: 231,
          api_url: '/api/stock/231/',
          web_url: '/platform/stock/item/231',
          instance: { pk: 231, quantity: 14 },
        },
        plugin: 'InvenTreeBarcode',
        barcode_data: '{"stockitem": 231}',
        barcode_hash: 'h',
        success: 'Match found for barcode data',
      }),
    );
    const r = await scanBarcode(conn, '{"stockitem": 231}');
    expect(r.ok && r.match.instance).toEqual({ pk: 231, quantity: 14 });
  });

  it('newer supplier plugins answer several objects; the supplier part is the primary match', async () => {
    installFakeFetch(() =>
      jsonResponse(200, {
        part: { pk: 902, api_url: '/api/part/902/', web_url: '/platform/part/902' },
        supplierpart: {
          pk: 1035,
          api_url: '/api/company/part/1035/',
          web_url: '/platform/purchasing/supplier-part/1035',
        },
        company: { pk: 1 },
        plugin: 'DigiKeyBarcodePlugin',
        barcode_data: 'x',
        barcode_hash: 'h',
        success: 'Found matching item',
      }),
    );
    const r = await scanBarcode(conn, 'x');
    expect(r.matches.map((m) => m.model)).toEqual(['supplierpart', 'part']);
    expect(r.match?.model).toBe('supplierpart');
  });

  it('a blank barcode is a field error: thrown as ApiError with fieldErrors', async () => {
    const t = replay('022-');
    await expect(scanBarcode(conn, bodyOf(t).barcode)).rejects.toMatchObject({
      kind: 'http',
      status: 400,
      fieldErrors: { barcode: ['This field may not be blank.'] },
      message: 'Barcode: This field may not be blank.',
    });
  });

  it('401 is thrown', async () => {
    const t = replay('026-');
    await expect(scanBarcode(conn, bodyOf(t).barcode)).rejects.toBeInstanceOf(ApiError);
  });
});

describe('generate', () => {
  it('returns the barcode text', async () => {
    replay('031-');
    await expect(generateBarcode(conn, 'stockitem', 231)).resolves.toBe('{"stockitem": 231}');
  });
  it('an unknown pk is thrown with a plain message', async () => {
    replay('037-');
    await expect(generateBarcode(conn, 'part', 999999)).rejects.toMatchObject({
      status: 400,
      message: 'That item does not exist on the server (it may have been deleted).',
    });
  });
});

describe('link and unlink', () => {
  it('link success names the target', async () => {
    const t = replay('047-');
    const r = await linkBarcode(conn, bodyOf(t).barcode, 'stockitem', 231);
    expect(r).toMatchObject({ ok: true, model: 'stockitem', pk: 231, barcodeHash: '710e8bb4bd3e2c62ac4711b9f0094e12' });
  });
  it('a barcode already in use is a failure that carries the owner, with its pk as a number', async () => {
    const t = replay('050-');
    const r = await linkBarcode(conn, bodyOf(t).barcode, 'stockitem', 325);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('already-assigned');
    expect(r.match).toMatchObject({ model: 'stockitem', pk: 231 });
    expect(r.message).toBe('This barcode is already assigned to stock item 231.');
  });
  it('a user without the change right gets a thrown 403 naming the role', async () => {
    const t = replay('058-');
    await expect(linkBarcode(conn, bodyOf(t).barcode, 'stockitem', 325)).rejects.toMatchObject({
      status: 403,
      missingRole: 'stock',
    });
  });
  it('unlink success', async () => {
    replay('061-');
    await expect(unlinkBarcode(conn, 'stockitem', 231)).resolves.toMatchObject({
      ok: true,
      success: 'Barcode unassigned from stockitem instance',
    });
  });
});

describe('po-allocate', () => {
  it('a part barcode resolves to the supplier part to add', async () => {
    const t = replay('068-');
    const r = await poAllocate(conn, t.request.body as { barcode: string; purchase_order: number });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.supplierPart).toMatchObject({ model: 'supplierpart', pk: 203 });
    expect(r.match).toMatchObject({ model: 'part', pk: 69 });
  });
  it('a supplier part barcode is both the scan and the result', async () => {
    const t = replay('069-');
    const r = await poAllocate(conn, t.request.body as { barcode: string; purchase_order: number });
    expect(r.ok && r.supplierPart.pk).toBe(203);
    expect(r.ok && r.match?.model).toBe('supplierpart');
  });
  it('["Invalid input."] is a failure with a real explanation', async () => {
    const t = replay('071-');
    const r = await poAllocate(conn, t.request.body as { barcode: string; purchase_order: number });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe(
      'This barcode does not identify a supplier part of this purchase order’s supplier.',
    );
  });
  it('a non-pending order is a thrown field error', async () => {
    const t = replay('074-');
    await expect(poAllocate(conn, t.request.body as { barcode: string; purchase_order: number })).rejects.toMatchObject(
      {
        fieldErrors: { purchase_order: ['Purchase order is not pending'] },
      },
    );
  });
});

describe('po-receive', () => {
  it('received: the line, order, quantity and location', async () => {
    const t = replay('112-');
    const r = await poReceive(conn, t.request.body as { barcode: string });
    expect(r).toMatchObject({
      ok: true,
      outcome: 'received',
      plugin: 'MouserPlugin',
      lineItem: { pk: 33, purchaseOrder: 14, quantity: 3, location: 7 },
    });
  });
  it('action required: nothing received, the line is known', async () => {
    const t = replay('106-');
    const r = await poReceive(conn, t.request.body as { barcode: string });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.outcome).toBe('action-required');
    expect(r.message).toBe('Further information required to receive line item');
    expect(r.lineItem.location).toBeNull();
  });
  it('an already received label is a failure with its own code', async () => {
    const t = replay('116-');
    const r = await poReceive(conn, t.request.body as { barcode: string });
    expect(r.ok === false && r.code).toBe('already-received');
  });
  it('a label from another supplier', async () => {
    const t = replay('115-');
    const r = await poReceive(conn, t.request.body as { barcode: string });
    expect(r.ok === false && r.message).toBe('This label is from a different supplier than the chosen purchase order.');
  });
  it('a structural location is a thrown field error', async () => {
    const t = replay('107-');
    await expect(poReceive(conn, t.request.body as { barcode: string })).rejects.toMatchObject({
      fieldErrors: { location: ['Cannot select a structural location'] },
    });
  });
});

describe('so-allocate', () => {
  it('allocated', async () => {
    const t = replay('126-');
    const r = await soAllocate(conn, t.request.body as { barcode: string; sales_order: number });
    expect(r).toMatchObject({
      ok: true,
      outcome: 'allocated',
      stockItem: 231,
      salesOrder: 2,
      lineItem: 2,
      shipment: 6,
    });
  });
  it('200 with neither success nor error (no single open shipment) is a failure: nothing was allocated', async () => {
    const t = replay('124-');
    const r = await soAllocate(conn, t.request.body as { barcode: string; sales_order: number });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(200);
    expect(r.code).toBe('no-shipment');
    expect(r.message).toBe('Nothing was allocated: the sales order has no single open shipment to allocate to.');
  });
  it('insufficient stock (every value stringified) is a failure', async () => {
    const t = replay('128-');
    const r = await soAllocate(conn, t.request.body as { barcode: string; sales_order: number });
    expect(r.ok === false && r.message).toBe('Not enough unallocated stock in this item for that quantity.');
    expect(r.match).toMatchObject({ model: 'stockitem', pk: 325 });
  });
  it('an ErrorDetail repr is unwrapped', async () => {
    const t = replay('129-');
    const r = await soAllocate(conn, t.request.body as { barcode: string; sales_order: number });
    expect(r.ok === false && r.serverError).toBe('No matching line item found');
  });
});

describe('scan history', () => {
  it('lists a page', async () => {
    const t = replay('148-');
    const page = await listScanHistory(conn, { limit: 3, offset: 0 });
    expect(page.count).toBe(75);
    expect(page.results).toHaveLength(3);
    expect(page.results[0]!.pk).toBe((t.response.body as { results: { pk: number }[] }).results[0]!.pk);
  });
  it('delete one answers 204 with an empty body', async () => {
    replay('162-');
    await expect(deleteScanHistoryEntry(conn, 1)).resolves.toBeUndefined();
  });
  it('bulk delete sends the items in the body', async () => {
    replay('164-');
    await expect(bulkDeleteScanHistory(conn, { items: [2, 3, 4] })).resolves.toBeUndefined();
  });
  it('a search-style 500 crash is thrown with the exception name', async () => {
    installFakeFetch(() => jsonResponse(500, transcript('154-').response.body));
    await expect(listScanHistory(conn, { limit: 3 })).rejects.toMatchObject({
      status: 500,
      message: expect.stringContaining('FieldError'),
    });
  });
});

describe('property: any answer body gives a result or an ApiError, never a crash', () => {
  const bodies = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        error: fc.oneof(fc.string(), fc.jsonValue()),
        plugin: fc.oneof(fc.constant('None'), fc.string()),
        stockitem: fc.oneof(
          fc.jsonValue(),
          fc.record({ pk: fc.oneof(fc.integer(), fc.string()), api_url: fc.string() }),
        ),
      },
      { requiredKeys: [] },
    ),
    fc.record(
      { success: fc.string(), lineitem: fc.jsonValue(), stock_item: fc.jsonValue(), shipment: fc.jsonValue() },
      { requiredKeys: [] },
    ),
  );
  const calls: Array<(c: Connection) => Promise<unknown>> = [
    (c) => scanBarcode(c, 'x'),
    (c) => linkBarcode(c, 'x', 'part', 1),
    (c) => unlinkBarcode(c, 'part', 1),
    (c) => poAllocate(c, { barcode: 'x', purchase_order: 1 }),
    (c) => poReceive(c, { barcode: 'x' }),
    (c) => soAllocate(c, { barcode: 'x', sales_order: 1 }),
    (c) => generateBarcode(c, 'part', 1),
  ];
  it('holds for every barcode endpoint at 200 and 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(200, 400),
        bodies,
        fc.integer({ min: 0, max: calls.length - 1 }),
        async (status, body, which) => {
          installFakeFetch(() => jsonResponse(status, body ?? ''));
          try {
            const r = (await calls[which]!(conn)) as { ok?: boolean; message?: string } | string;
            if (typeof r === 'object' && r.ok === false) {
              expect(r.message?.trim()).toBeTruthy();
              expect(r.message).not.toContain('[object Object]');
            }
          } catch (e) {
            expect(e).toBeInstanceOf(ApiError);
            expect((e as ApiError).message).not.toContain('[object Object]');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
