import { afterEach, describe, expect, it, vi } from 'vitest';
import details from '../mock/data/details.json';
import parts from '../mock/data/parts.json';
import { loadObject, mediaUrl, summarizeObject } from './objects.ts';
import { installFakeFetch, jsonResponse } from './testing/fakeFetch.ts';

type Detail = { path: string; status: number; body: Record<string, unknown> };
const d = details as unknown as Record<string, Detail>;

afterEach(() => vi.unstubAllGlobals());

describe('summarizeObject on real v291 detail answers', () => {
  it('part: name, description, image', () => {
    const s = summarizeObject('part', d.part!.body);
    expect(s.title).toBe('530470210');
    expect(s.description).toMatch(/^1\.25mm Pitch, PicoBlade/);
    expect(s.image).toBe('/media/part_images/Molex-53047-0210-image.jpg');
  });
  it('stock item without part_detail still has quantity and location', () => {
    const s = summarizeObject('stockitem', d.stockitem!.body);
    expect(s.quantity).toBe(14);
    expect(s.location).toEqual({ pk: 5, name: 'Room 101' });
    expect(s.part).toEqual({ pk: 108, name: '#108' });
  });
  it('location, supplier part, orders and build', () => {
    expect(summarizeObject('stocklocation', d.stocklocation!.body).title).toBe('Electronics Lab');
    const sp = summarizeObject('supplierpart', d.supplierpart!.body);
    expect(sp.part?.pk).toBe(69);
    expect(sp.facts.find((f) => f.label === 'Supplier')?.value).toBeTruthy();
    expect(summarizeObject('purchaseorder', d.purchaseorder!.body)).toMatchObject({
      title: 'PO0001',
      status: 'Placed',
    });
    expect(summarizeObject('salesorder', d.salesorder!.body)).toMatchObject({ title: 'SO0002', status: 'Pending' });
    expect(summarizeObject('returnorder', d.returnorder!.body).title).toBe('RMA-0001');
    expect(summarizeObject('build', d.build!.body)).toMatchObject({
      description: 'Building some colorful widgets',
      part: { pk: 77, name: 'Widget Assembly' },
    });
    expect(summarizeObject('manufacturerpart', d.manufacturerpart!.body).part?.pk).toBe(69);
  });
  it('never returns an empty title', () => {
    expect(summarizeObject('part', { pk: 3 }).title).toBe('part 3');
    expect(summarizeObject(null, {}).title).toBe('Unnamed object');
  });
});

describe('loadObject', () => {
  it('asks for part and location details for a stock item, and loads the part when the server ignores the flag', async () => {
    const calls = installFakeFetch((req) => {
      const u = new URL(req.url);
      if (u.pathname === '/api/stock/231/') return jsonResponse(200, d.stockitem!.body);
      if (u.pathname === '/api/part/108/')
        return jsonResponse(
          200,
          (parts as { results: { pk: number }[] }).results.find((p) => p.pk === 108),
        );
      return jsonResponse(404, { detail: 'Not found.' });
    });
    const o = await loadObject({ mode: 'server', baseUrl: 'https://x.test', token: 't' }, '/api/stock/231/');
    expect(new URL(calls[0]!.url).searchParams.get('part_detail')).toBe('true');
    expect(o.model).toBe('stockitem');
    expect(o.summary).toMatchObject({
      title: 'Blue Chair',
      description: 'A chair - with blue paint',
      image: '/media/part_images/chair_blue.png',
      quantity: 14,
      location: { pk: 5, name: 'Room 101' },
    });
  });
  it('a 404 is thrown with the object named', async () => {
    installFakeFetch(() => jsonResponse(404, { detail: 'Not found.' }));
    await expect(
      loadObject({ mode: 'server', baseUrl: 'https://x.test', token: 't' }, '/api/part/5/'),
    ).rejects.toMatchObject({
      message: 'Not found: part 5 does not exist on the server.',
    });
  });
});

describe('mediaUrl', () => {
  it('resolves server paths and refuses other schemes', () => {
    expect(mediaUrl('https://inv.test/', '/media/a.jpg')).toBe('https://inv.test/media/a.jpg');
    expect(mediaUrl('', '/media/a.jpg')).toBe('/media/a.jpg');
    expect(mediaUrl('https://inv.test', 'javascript:alert(1)')).toBeNull();
    expect(mediaUrl('https://inv.test', null)).toBeNull();
  });
});
