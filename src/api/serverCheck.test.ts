// The server check's picture for each demo user, from the roles the real v291 server gave them
// (dataset roles.json), and its server / plugin lines.
import { describe, expect, it } from 'vitest';
import roles from '../mock/data/roles.json';
import {
  apiVersionSupport,
  evaluateServerCheck,
  parsePluginList,
  summarize,
  type CheckStatus,
  type ServerCheckInput,
} from './serverCheck.ts';
import type { UserRoles } from './users.ts';

const ALL_ACTIVE = ['inventreebarcode', 'digikeyplugin', 'mouserplugin', 'lcscplugin', 'tmeplugin'].map((key) => ({
  key,
  name: key,
  active: true,
}));

function input(user: keyof typeof roles, extra: Partial<ServerCheckInput> = {}): ServerCheckInput {
  return {
    apiVersion: 291,
    serverVersion: '0.17.0 dev',
    infoFailure: null,
    signedIn: true,
    roles: roles[user].roles as unknown as UserRoles,
    plugins: ALL_ACTIVE,
    storeResults: false,
    ...extra,
  };
}

function statuses(i: ServerCheckInput): Record<string, CheckStatus> {
  return Object.fromEntries(evaluateServerCheck(i).flatMap((s) => s.lines.map((l) => [l.id, l.status])));
}

describe('rights per demo user (GET /api/user/roles/ of v291)', () => {
  it('admin: every workflow ready, history too', () => {
    const s = statuses(input('admin'));
    for (const id of [
      'scan',
      'generate',
      'link',
      'receive',
      'add-to-order',
      'allocate',
      'stock',
      'history',
      'history-delete',
    ])
      expect(s[id], id).toBe('ready');
  });

  it('allaccess: every workflow ready; history not (not staff)', () => {
    const s = statuses(input('allaccess'));
    for (const id of ['scan', 'link', 'receive', 'add-to-order', 'allocate', 'stock']) expect(s[id], id).toBe('ready');
    expect([s.history, s['history-delete']]).toEqual(['not-ready', 'not-ready']);
  });

  it('reader: can scan, cannot receive; the fix names the missing roles', () => {
    const sections = evaluateServerCheck(input('reader'));
    const s = statuses(input('reader'));
    expect([s.scan, s.generate]).toEqual(['ready', 'ready']);
    for (const id of ['link', 'receive', 'add-to-order', 'allocate', 'stock', 'history'])
      expect(s[id], id).toBe('not-ready');
    const receive = sections[1]!.lines.find((l) => l.id === 'receive');
    expect(receive?.detail).toBe(
      'reader cannot receive supplier labels into stock: missing Purchase Orders: change and Stock Items: add.',
    );
    expect(receive?.fix).toContain('Purchase Orders: change and Stock Items: add');
  });

  it('engineer: parts only — no purchase or sales orders, no stock changes', () => {
    const s = statuses(input('engineer'));
    expect(s.scan).toBe('ready');
    for (const id of ['link', 'receive', 'add-to-order', 'allocate', 'stock']) expect(s[id], id).toBe('not-ready');
    expect(evaluateServerCheck(input('engineer'))[1]!.lines.find((l) => l.id === 'receive')?.detail).toContain(
      'missing Purchase Orders: change and Stock Items: add',
    );
  });

  it('signed out: rights and plugins unknown, server lines still answered', () => {
    const s = statuses(input('admin', { signedIn: false, roles: null, plugins: null, storeResults: null }));
    expect([s.cors, s['api-version']]).toEqual(['ready', 'ready']);
    expect([s.scan, s.receive, s['plugin-digikeyplugin'], s['store-results']]).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});

describe('server, plugins and stored scans', () => {
  it('API version: 291 and 425 named with what differs, between by behaviour, newer as 425, older refused', () => {
    expect(apiVersionSupport(291)).toEqual({ status: 'ready', detail: 'API version 291: supported.', treatAs: 291 });
    const v425 = apiVersionSupport(425);
    expect(v425).toMatchObject({ status: 'ready', treatAs: 425 });
    expect(v425.detail).toMatch(
      /^InvenTree 1\.x \(API 425\): supplier labels answer several objects; a supplier label for another supplier's order is refused; /,
    );
    const v340 = apiVersionSupport(340);
    expect(v340).toMatchObject({ status: 'ready', treatAs: 340 });
    expect(v340.detail).toMatch(
      /^API 340 \(between the tested 291 and 425\): a scan answers the object's details at once; receiving a label/,
    );
    expect(v340.detail).not.toContain('supplier labels answer several objects');
    expect(apiVersionSupport(292).detail).toBe('API 292 (between the tested 291 and 425): supported.');
    const v512 = apiVersionSupport(512);
    expect(v512).toMatchObject({ status: 'ready', treatAs: 425 });
    expect(v512.detail).toMatch(
      /^API 512 \(newer than tested; used as API 425\): supplier labels answer several objects/,
    );
    expect(apiVersionSupport(290)).toMatchObject({
      status: 'not-ready',
      treatAs: null,
      detail: 'API version 290: not supported; StockScan needs API 291 (InvenTree 0.17) or newer.',
    });
    expect(apiVersionSupport(null).status).toBe('unknown');
  });

  it('the API version line names the InvenTree release the server reports', () => {
    const line = evaluateServerCheck(input('admin', { apiVersion: 425, serverVersion: '1.2.0 dev' }))[0]?.lines[1];
    expect(line?.detail).toMatch(/^InvenTree 1\.x \(API 425\): .* \(InvenTree 1\.2\.0 dev\)$/);
  });

  it('CORS blocked → not ready with the setting to change', () => {
    const server = evaluateServerCheck(input('admin', { apiVersion: null, infoFailure: 'cors' }))[0]!;
    expect(server.lines.map((l) => l.status)).toEqual(['not-ready', 'unknown']);
    expect(server.lines[0]!.fix).toContain('INVENTREE_CORS_ORIGIN_WHITELIST');
  });

  it('an inactive or missing supplier plugin is not ready; store results off is not ready', () => {
    const plugins = ALL_ACTIVE.filter((p) => p.key !== 'tmeplugin').map((p) =>
      p.key === 'mouserplugin' ? { ...p, active: false } : p,
    );
    const s = statuses(input('admin', { plugins, storeResults: false }));
    expect([s['plugin-digikeyplugin'], s['plugin-mouserplugin'], s['plugin-tmeplugin'], s['store-results']]).toEqual([
      'ready',
      'not-ready',
      'not-ready',
      'not-ready',
    ]);
    expect(statuses(input('admin', { storeResults: true }))['store-results']).toBe('ready');
    expect(summarize(evaluateServerCheck(input('admin', { storeResults: true })))).toEqual({
      ready: 17,
      'not-ready': 0,
      unknown: 0,
    });
  });

  it('parsePluginList reads a plain list or a page; anything else is unknown', () => {
    expect(parsePluginList([{ key: 'lcscplugin', name: 'LCSCPlugin', active: true }])).toEqual([
      { key: 'lcscplugin', name: 'LCSCPlugin', active: true },
    ]);
    expect(parsePluginList({ count: 1, results: [{ key: 'x', active: false }] })).toEqual([
      { key: 'x', name: 'x', active: false },
    ]);
    expect(parsePluginList({ detail: 'nope' })).toBeNull();
  });
});
