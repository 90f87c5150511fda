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
import { transcript } from './testing/transcripts.ts';
import { conn, replay } from './testing/barcodeReplay.ts';

afterEach(() => vi.unstubAllGlobals());

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
