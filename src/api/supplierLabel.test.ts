import { describe, expect, it } from 'vitest';
import { readScanAnswer } from './barcodeAnswers.ts';
import { transcript425 } from './testing/transcripts425.ts';
import { transcript } from './testing/transcripts.ts';
import { chooseMatch, matchLabel, poReceiveContext, readSupplierLabel } from './supplierLabel.ts';

const scan425 = (prefix: string) => {
  const t = transcript425(prefix);
  return readScanAnswer(t.response.status, t.response.body);
};

describe('supplier labels answered with several models (API 425)', () => {
  it('a DigiKey label (098): the order on Receive, the supplier part on Add to order and for a card', () => {
    const r = scan425('098-');
    expect(r.ok).toBe(true);
    expect(r.matches.map((m) => `${m.model}:${m.pk}`)).toEqual(['supplierpart:1035', 'purchaseorder:13']);
    const receive = chooseMatch(r.matches, 'receive');
    expect(receive.chosen).toMatchObject({
      model: 'purchaseorder',
      pk: 13,
      webUrl: '/web/purchasing/purchase-order/13',
    });
    expect(receive.others.map((m) => m.model)).toEqual(['supplierpart']);
    expect(chooseMatch(r.matches, 'addToOrder').chosen).toMatchObject({ model: 'supplierpart', pk: 1035 });
    expect(chooseMatch(r.matches, 'card').chosen).toMatchObject({ model: 'supplierpart', pk: 1035 });
  });

  it('names matches from their instance, without a second GET (101: Mouser)', () => {
    const r = scan425('101-');
    expect(r.matches.map(matchLabel)).toEqual(['manufacturer part MC34063ADR', 'supplier part 595-MC34063ADR']);
    expect(matchLabel(scan425('014-').matches[0]!)).toBe('PO0001');
    expect(matchLabel(scan425('009-').matches[0]!)).toBe('530470210');
    // 291 answers carry no instance: the model and pk name it.
    const old = transcript('098-');
    expect(matchLabel(readScanAnswer(old.response.status, old.response.body).matches[0]!)).toBe('supplier part #1035');
  });

  it('reads the plugin, its supplier company and the owners of the matched objects', () => {
    const r = scan425('103-');
    expect(r.ok && readSupplierLabel(r)).toMatchObject({
      plugin: 'LCSC',
      pluginSupplier: 39,
      orderSupplierName: 'LCSC',
      partSupplierName: 'LCSC',
      current: true,
    });
    // An InvenTree barcode is no supplier label.
    expect(readSupplierLabel(scan425('009-'))).toBeNull();
  });

  it('po-receive context fields go only to servers that take them (API 293+)', () => {
    expect(poReceiveContext(425, { supplier: 36, lineItem: 4 })).toEqual({ supplier: 36, line_item: 4 });
    expect(poReceiveContext(512, { supplier: 36 })).toEqual({ supplier: 36 });
    expect(poReceiveContext(291, { supplier: 36, lineItem: 4 })).toEqual({});
    expect(poReceiveContext(425, { supplier: null })).toEqual({});
  });
});
