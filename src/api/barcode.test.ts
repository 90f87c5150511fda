import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './apiError.ts';
import { generateBarcode, linkBarcode, scanBarcode, unlinkBarcode } from './barcode.ts';
import { installFakeFetch, jsonResponse } from './testing/fakeFetch.ts';
import { conn, replay, bodyOf } from './testing/barcodeReplay.ts';

afterEach(() => vi.unstubAllGlobals());

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
