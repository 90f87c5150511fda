/** Server info, users, settings and list helpers against real v291 answers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection } from './apiConnection.ts';
import { createPoLine, createShipment, listPoLines, listSoLines, receivePurchaseOrder } from './lists.ts';
import { getServerInfo, supports } from './serverInfo.ts';
import { getGlobalSetting, setGlobalSetting, setPluginSetting, settingBool } from './settings.ts';
import { installFakeFetch, jsonResponse } from './testing/fakeFetch.ts';
import { transcript } from './testing/transcripts.ts';
import { displayName, fetchToken, getMe, hasRoleRight, type UserRoles } from './users.ts';
import roles from '../mock/data/roles.json';

const conn: Connection = { mode: 'server', baseUrl: 'http://127.0.0.1:8000', token: 'tok' };
afterEach(() => vi.unstubAllGlobals());

function answerWith(prefix: string) {
  const t = transcript(prefix);
  const calls = installFakeFetch(() => jsonResponse(t.response.status, t.response.body));
  return { t, calls };
}

describe('server info', () => {
  it('reads the v291 answer', async () => {
    answerWith('001-');
    const info = await getServerInfo(conn);
    expect(info).toMatchObject({
      server: 'InvenTree',
      apiVersion: 291,
      instance: 'InvenTree Demo Server',
      version: '0.17.0 dev',
    });
  });
  it('refuses JSON that is not InvenTree’s', async () => {
    installFakeFetch(() => jsonResponse(200, { status: 'ok', version: 3 }));
    await expect(getServerInfo(conn)).rejects.toMatchObject({
      kind: 'parse',
      message: expect.stringMatching(/^This does not look like an InvenTree server/),
    });
  });
  it('feature switches follow the API history', () => {
    expect(supports(291, 'matchInstance')).toBe(false);
    expect(supports(339, 'matchInstance')).toBe(true);
    expect(supports(291, 'poReceiveExtendedFields')).toBe(false);
    expect(supports(345, 'shipmentBarcodes')).toBe(true);
  });
});

describe('users', () => {
  it('token from basic auth', async () => {
    const { calls } = answerWith('003-');
    const t = await fetchToken({ ...conn, token: null }, 'admin', 'inventree');
    expect(t).toEqual({ token: '<REDACTED>', name: '', expiry: '2027-11-27' });
    expect(calls[0]!.headers.authorization).toBe(`Basic ${btoa('admin:inventree')}`);
  });
  it('me and display names', async () => {
    answerWith('005-');
    const me = await getMe(conn);
    expect(displayName(me)).toBe('Ronald Reader');
    expect(displayName({ username: 'admin', first_name: '', last_name: '' })).toBe('admin');
  });
  it('role rights from the real roles answers (null roles, superuser)', () => {
    const r = roles as unknown as Record<string, { roles: UserRoles }>;
    expect(hasRoleRight(r.engineer!.roles, 'part', 'change')).toBe(true);
    expect(hasRoleRight(r.engineer!.roles, 'purchase_order', 'view')).toBe(false);
    expect(hasRoleRight(r.reader!.roles, 'stock', 'change')).toBe(false);
    expect(hasRoleRight(r.admin!.roles, 'anything', 'delete')).toBe(true);
  });
});

describe('settings', () => {
  it('reads "False"/"True" strings as booleans', async () => {
    answerWith('007-');
    expect(settingBool(await getGlobalSetting(conn, 'BARCODE_STORE_RESULTS'))).toBe(false);
    const { calls } = answerWith('008-');
    expect(settingBool(await setGlobalSetting(conn, 'BARCODE_STORE_RESULTS', true))).toBe(true);
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { value: true } });
  });
  it('patches a barcode plugin setting', async () => {
    const { calls } = answerWith('040-');
    const s = await setPluginSetting(conn, 'inventreebarcode', 'INTERNAL_BARCODE_FORMAT', 'short');
    expect(s.value).toBe('short');
    expect(new URL(calls[0]!.url).pathname).toBe('/api/plugins/inventreebarcode/settings/INTERNAL_BARCODE_FORMAT/');
  });
});

describe('lists and writes', () => {
  it('always asks for a page, and accepts the bare array InvenTree sends without limit', async () => {
    const { calls } = answerWith('143-');
    const page = await listPoLines(conn, { filters: { order: 7, part_detail: true } });
    const q = new URL(calls[0]!.url).searchParams;
    expect(q.get('order')).toBe('7');
    expect(q.get('part_detail')).toBe('true');
    expect(q.get('limit')).toBe('25');
    expect(page.results[0]).toMatchObject({ pk: 20, part: 203, quantity: 400 });
    expect(page.count).toBe(page.results.length);
  });
  it('so lines', async () => {
    answerWith('145-');
    const page = await listSoLines(conn, { filters: { order: 2 } });
    expect(page.results.map((l) => l.pk)).toContain(2);
  });
  it('creates a PO line and a shipment (201)', async () => {
    const po = answerWith('085-');
    await expect(createPoLine(conn, { order: 13, part: 1035, quantity: 20 })).resolves.toMatchObject({
      pk: 32,
      order: 13,
    });
    expect(po.calls[0]!.body).toEqual(po.t.request.body);
    const sh = answerWith('125-');
    await expect(createShipment(conn, { order: 2, reference: 'SHIP-BARCODE-1' })).resolves.toMatchObject({
      pk: 6,
      reference: 'SHIP-BARCODE-1',
    });
    expect(sh.calls[0]!.body).toEqual(sh.t.request.body);
  });
  it('receives a line by hand with a decimal-string quantity', async () => {
    const calls = installFakeFetch(() =>
      jsonResponse(201, { items: [{ line_item: 32, quantity: '10', location: 7 }], location: 7 }),
    );
    await receivePurchaseOrder(conn, 13, {
      items: [{ line_item: 32, quantity: 10, location: 7, barcode: 'LABEL' }],
      location: 7,
    });
    expect(new URL(calls[0]!.url).pathname).toBe('/api/order/po/13/receive/');
    expect(calls[0]!.body).toEqual({
      items: [{ line_item: 32, quantity: '10', location: 7, barcode: 'LABEL' }],
      location: 7,
    });
  });
});
