import { describe, expect, it } from 'vitest';
import {
  BARCODE_MODEL_INFO,
  BARCODE_MODELS_V291,
  barcodeModelsFor,
  extractMatch,
  extractMatches,
  modelForApiUrl,
  modelForTable,
  predictApiUrl,
  webLink,
} from './models.ts';
import { loadTranscripts } from './testing/transcripts.ts';

describe('barcode models', () => {
  it('v291 has exactly nine, in InvenTree’s model order', () => {
    expect(BARCODE_MODELS_V291).toEqual([
      'build',
      'manufacturerpart',
      'supplierpart',
      'purchaseorder',
      'salesorder',
      'returnorder',
      'part',
      'stocklocation',
      'stockitem',
    ]);
    expect(barcodeModelsFor(291)).toEqual([...BARCODE_MODELS_V291]);
    expect(barcodeModelsFor(345)).toContain('salesordershipment');
  });

  it('every scan transcript’s api_url and web_url agree with the model table', () => {
    const scans = loadTranscripts().filter((t) => t.request.path === '/api/barcode/' && t.response.status === 200);
    expect(scans.length).toBeGreaterThan(10);
    for (const t of scans) {
      const m = extractMatch(t.response.body);
      if (!m) continue; // 200 with error
      const info = BARCODE_MODEL_INFO[m.model];
      expect(m.apiUrl).toBe(info.apiUrl(m.pk));
      expect(m.webUrl).toBe(info.webPath ? info.webPath(m.pk) : null);
      expect(modelForApiUrl(m.apiUrl)).toEqual({ model: m.model, pk: m.pk });
    }
  });

  it('reads stringified pks from error bodies', () => {
    expect(
      extractMatch({ stockitem: { pk: '231', api_url: '/api/stock/231/', web_url: '/stock/item/231/' }, error: 'x' }),
    ).toMatchObject({ model: 'stockitem', pk: 231 });
  });

  it('ignores non-match values under model keys (so-allocate’s "part": 108)', () => {
    const body = {
      stockitem: { pk: 231, api_url: '/api/stock/231/', web_url: '/stock/item/231/' },
      part: 108,
      stock_item: 231,
    };
    expect(extractMatches(body).map((m) => m.model)).toEqual(['stockitem']);
  });

  it('link answers hold only {pk}; the api_url is derived', () => {
    expect(extractMatch({ success: 'Assigned barcode to part instance', part: { pk: 69 } })).toEqual({
      model: 'part',
      pk: 69,
      apiUrl: '/api/part/69/',
      webUrl: null,
      instance: null,
    });
  });

  it('maps 403 table names and detail paths back to models', () => {
    expect(modelForTable('stock_stockitem')).toBe('stockitem');
    expect(modelForTable('company_manufacturerpart')).toBe('manufacturerpart');
    expect(modelForApiUrl('/api/company/part/manufacturer/197/')).toEqual({ model: 'manufacturerpart', pk: 197 });
    expect(modelForApiUrl('/api/company/part/203/?part_detail=true')).toEqual({ model: 'supplierpart', pk: 203 });
    expect(modelForApiUrl('/api/order/so/shipment/6/')).toEqual({ model: 'salesordershipment', pk: 6 });
    expect(modelForApiUrl('/api/stock/location/7/')).toEqual({ model: 'stocklocation', pk: 7 });
    expect(modelForApiUrl('/api/user/me/')).toBeNull();
  });

  it('web links are absolute on a server and absent in demo mode', () => {
    expect(webLink('https://inv.example.com/', { webUrl: '/stock/item/231/' })).toBe(
      'https://inv.example.com/stock/item/231/',
    );
    expect(webLink('', { webUrl: '/stock/item/231/' })).toBeNull();
    expect(webLink('https://inv.example.com', { webUrl: null })).toBeNull();
  });
});

describe('predictApiUrl (details load alongside the lookup)', () => {
  it('names the object of an InvenTree JSON barcode', () => {
    expect(predictApiUrl('{"stockitem": 12}')).toBe('/api/stock/12/');
    expect(predictApiUrl(' {"part":108} ')).toBe('/api/part/108/');
    expect(predictApiUrl('{"stocklocation": 7}')).toBe('/api/stock/location/7/');
  });
  it('guesses nothing for anything else', () => {
    for (const text of [
      'INV-SI12',
      '{"stockitem": "12"}',
      '{"stockitem": 0}',
      '{"stockitem": 1.5}',
      '{"stockitem": 12, "part": 1}',
      '{"nosuchmodel": 3}',
      '{"stockitem": 12',
      '[12]',
      '',
    ])
      expect(predictApiUrl(text)).toBeNull();
  });
});
