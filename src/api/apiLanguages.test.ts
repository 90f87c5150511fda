// The api area in German and Chinese: our sentence around InvenTree's own text is translated, the
// server's words stay exactly as sent. The language is switched for this file and set back after.
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import roles from '../mock/data/roles.json';
import { refuseBarcode } from './barcodeLimits.ts';
import { mapErrorBody } from './errorMapping.ts';
import { labelKindHeading, KIND_GROUPS } from './labelKind.ts';
import { modelName } from './models.ts';
import { evaluateServerCheck } from './serverCheck.ts';
import type { UserRoles } from './users.ts';
import { inLanguage } from '../i18n/testing/inLanguage.ts';

describe('in German', () => {
  inLanguage('de');

  it('a 500 crash: the sentence is German, InvenTree’s class and detail stay as sent', () => {
    const m = mapErrorBody(500, {
      error: 'TypeError',
      error_class: "<class 'TypeError'>",
      detail: "'NoneType' object has no attribute 'pk'",
      status_code: 500,
    });
    expect(m.message).toBe(
      "Der InvenTree-Server ist mit einem internen Fehler abgebrochen (TypeError: 'NoneType' object has no attribute 'pk').",
    );
    expect(m.nextStep).toMatch(/^Das ist ein Fehler auf dem Server; nichts wurde geändert\./);
  });

  it('a 503 names the status as HTTP says it, in a German sentence', () => {
    expect(mapErrorBody(503, '<html><body>down</body></html>').message).toBe(
      'Der Server ist gerade nicht erreichbar (503 Service Unavailable).',
    );
  });

  it('a 404 names the object in InvenTree’s German word', () => {
    const m = mapErrorBody(404, { detail: 'Not found.' }, { method: 'GET', path: '/api/stock/231/' });
    expect(m.message).toBe('Nicht gefunden: Lagerartikel 231 existiert auf dem Server nicht.');
  });

  it('a 403 on link names the missing roles with German quotes', () => {
    const m = mapErrorBody(
      403,
      { error: 'You do not have the required permissions for stock_stockitem' },
      { method: 'POST', path: '/api/barcode/link/' },
    );
    expect(m.message).toBe('Sie haben keine Berechtigung, Lagerartikel zu ändern.');
    expect(m.nextStep).toBe(
      'Bitten Sie einen InvenTree-Administrator um das Recht „Ändern“ für „Lagerartikel“ oder „Bauaufträge“, oder melden Sie sich als Benutzer an, der es hat.',
    );
  });

  it('a field error: our field name in German, InvenTree’s message as sent', () => {
    const m = mapErrorBody(400, { quantity: ['Ensure this value is greater than or equal to 0.'] });
    expect(m.message).toBe('Anzahl: Ensure this value is greater than or equal to 0.');
  });

  it('an unknown barcode error is shown exactly as InvenTree sent it', () => {
    const m = mapErrorBody(400, { error: 'Some brand-new InvenTree message' }, { path: '/api/barcode/' });
    expect(m.message).toBe('Some brand-new InvenTree message.');
  });

  it('a sign-in problem and a known barcode error read German', () => {
    expect(mapErrorBody(401, { detail: 'Token has expired' }).message).toBe('Ihre Anmeldung ist abgelaufen.');
    const known = mapErrorBody(
      400,
      { error: "No matching purchase order for 'PO-0042'" },
      { path: '/api/barcode/po-receive/' },
    );
    // The order number from the label is InvenTree's, kept inside German quotes.
    expect(known.message).toBe('Keine platzierte Einkaufsbestellung passt zur Bestellnummer „PO-0042“.');
  });

  it('the server check: German lines, the username and role words as InvenTree has them', () => {
    const sections = evaluateServerCheck({
      apiVersion: 291,
      serverVersion: '0.17.0 dev',
      infoFailure: null,
      signedIn: true,
      roles: roles.reader.roles as unknown as UserRoles,
      plugins: [{ key: 'inventreebarcode', name: 'InvenTreeBarcode', active: true }],
      storeResults: false,
    });
    expect(sections.map((s) => s.title)).toEqual(['Server', 'Rechte von reader', 'Barcode-Plugins und Verlauf']);
    const receive = sections[1]!.lines.find((l) => l.id === 'receive')!;
    expect(receive.label).toBe('Wareneingang');
    expect(receive.detail).toBe(
      'reader darf keine Lieferantenetiketten ins Lager einbuchen: Es fehlen die Rechte Einkaufsbestellungen: Ändern und Lagerartikel: Hinzufügen.',
    );
    const digikey = sections[2]!.lines.find((l) => l.id === 'plugin-digikeyplugin')!;
    expect(digikey.detail).toBe(
      'Nicht installiert: DigiKey-Etiketten (Wareneingang, zur Bestellung hinzufügen) werden nicht erkannt.',
    );
    expect(digikey.fix).toBe('Aktivieren Sie das Plugin „digikeyplugin“ (Admin-Center → Plugins).');
  });

  it('label headings, History groups and model names', () => {
    expect(labelKindHeading({ kind: 'inventree', format: 'json', model: 'stockitem', pk: 99999, exists: false })).toBe(
      'InvenTree-Etikett von Lagerartikel 99999 – der Artikel existiert nicht mehr',
    );
    expect(KIND_GROUPS.map((g) => g.title)[0]).toBe('Fremde Barcodes');
    expect([modelName('stocklocation'), modelName('purchaseorder', 2)]).toEqual(['Lagerort', 'Einkaufsbestellungen']);
  });

  it('a too-long barcode counts with German digit grouping', () => {
    expect(refuseBarcode('x'.repeat(5000))?.message).toBe(
      'Dieser Barcode ist 5.000 Zeichen lang; InvenTree nimmt höchstens 4.095 an, daher wurde er nicht gesendet.',
    );
  });
});

describe('in Chinese', () => {
  inLanguage('zh-Hans');

  it('a 500 crash keeps InvenTree’s text inside full-width brackets', () => {
    expect(mapErrorBody(500, { error: 'ValueError', detail: 'bad value' }).message).toBe(
      'InvenTree 服务器发生内部错误（ValueError: bad value）。',
    );
    expect(mapErrorBody(404, { detail: 'Not found.' }, { path: '/api/stock/location/7/' }).message).toBe(
      '未找到：服务器上不存在库存地点 7。',
    );
  });
});

describe('back in English', () => {
  it('the same answers read exactly as before', () => {
    expect(i18n.language).toBe('en');
    expect(mapErrorBody(404, { detail: 'Not found.' }, { path: '/api/stock/231/' }).message).toBe(
      'Not found: stock item 231 does not exist on the server.',
    );
    expect(modelName('stockitem', 2)).toBe('stock items');
  });
});
