import { describe, expect, it } from 'vitest';
import { readScanAnswer } from './barcodeAnswers.ts';
import {
  classifyLabel,
  labelKindHeading,
  linkOffered,
  readLabelText,
  verdictOfBody,
  verdictOfScan,
  type LabelKind,
} from './labelKind.ts';
import { transcript } from './testing/transcripts.ts';
import { transcript425 } from './testing/transcripts425.ts';

/** Classify a recorded `POST /api/barcode/` exchange as the Scan page would. */
function recorded(prefix: string, at: typeof transcript = transcript): LabelKind {
  const t = at(prefix);
  const barcode = (t.request.body as { barcode: string }).barcode;
  const answer = readScanAnswer(t.response.status, t.response.body);
  return classifyLabel(barcode, verdictOfScan({ kind: 'answered', value: answer }));
}

describe('InvenTree labels', () => {
  it('of an existing object, JSON and short format (010, 044)', () => {
    const json = recorded('010-');
    expect(json).toEqual({ kind: 'inventree', format: 'json', model: 'stockitem', pk: 231, exists: true });
    expect(labelKindHeading(json)).toBe('InvenTree label of stock item 231');
    expect(recorded('044-')).toMatchObject({ kind: 'inventree', format: 'short', model: 'stockitem', exists: true });
    expect(linkOffered(json)).toBe(false);
  });

  it('of an object that no longer exists: v291 answers "No match found" (018)', () => {
    const k = recorded('018-');
    expect(k).toEqual({ kind: 'inventree', format: 'json', model: 'part', pk: 999999, exists: false });
    expect(labelKindHeading(k)).toBe('InvenTree label of part 999999 — the part no longer exists');
    expect(linkOffered(k)).toBe(false);
    const item = classifyLabel('{"stockitem": 99999}', verdictOfBody(transcript('018-').response.body, false));
    expect(labelKindHeading(item)).toBe('InvenTree label of stock item 99999 — the item no longer exists');
  });

  it('before an answer, or when the answer says nothing: existence unknown', () => {
    expect(classifyLabel('INV-SL7', null)).toMatchObject({ kind: 'inventree', model: 'stocklocation', exists: null });
    expect(classifyLabel('{"stockitem": 12}', { kind: 'silent' })).toMatchObject({ exists: null });
  });

  it('reads JSON pks as Python int() does and takes the object InvenTree matched', () => {
    expect(readLabelText('{"part": "12"}')).toEqual({
      kind: 'inventree',
      format: 'json',
      candidates: [{ model: 'part', pk: 12 }],
    });
    // Model order: part before stockitem; the first existing one wins on the server.
    const k = classifyLabel('{"stockitem": 5, "part": 99999}', {
      kind: 'matched',
      objects: [{ model: 'stockitem', pk: 5 }],
      plugin: 'InvenTreeBarcode',
    });
    expect(k).toMatchObject({ kind: 'inventree', model: 'stockitem', pk: 5, exists: true });
    // An unknown key is not an InvenTree label (020).
    expect(recorded('020-')).toEqual({ kind: 'foreign', neverFound: false });
  });

  it('a custom prefix from the server settings', () => {
    expect(readLabelText('TESTSL5', 'TEST')).toMatchObject({ kind: 'inventree', format: 'short' });
    expect(readLabelText('INV-SL5', 'TEST').kind).toBe('text');
  });
});

describe('supplier labels', () => {
  it('DigiKey, read by its plugin (098) and by the 30P form (099)', () => {
    const k = recorded('098-');
    expect(k).toMatchObject({
      kind: 'supplier',
      supplier: 'DigiKey',
      sku: '296-LM358BIDDFRCT-ND',
      mpn: 'LM358BIDDFR',
      found: [{ model: 'supplierpart', pk: 1035 }],
    });
    expect(labelKindHeading(k)).toBe('DigiKey supplier label of 296-LM358BIDDFRCT-ND');
    expect(recorded('099-')).toMatchObject({ kind: 'supplier', supplier: 'DigiKey' });
  });

  it('DigiKey without a supplier part in InvenTree (029): said so, no Link', () => {
    const k = recorded('029-');
    expect(k).toMatchObject({ kind: 'supplier', supplier: 'DigiKey', found: false });
    expect(labelKindHeading(k)).toBe(
      'DigiKey supplier label of 296-LM358BIDDFRCT-ND — no supplier part in InvenTree matches it',
    );
    expect(linkOffered(k)).toBe(false);
  });

  it('Mouser (101), old Mouser (102), LCSC (103), TME QR (104) and DataMatrix (105)', () => {
    expect(recorded('101-')).toMatchObject({ kind: 'supplier', format: 'ecia', supplier: 'Mouser', mpn: 'MC34063ADR' });
    expect(recorded('102-')).toMatchObject({ kind: 'supplier', supplier: 'Mouser', found: false });
    expect(recorded('103-')).toMatchObject({ kind: 'supplier', format: 'lcsc', supplier: 'LCSC', sku: 'C312270' });
    expect(recorded('104-')).toMatchObject({ kind: 'supplier', format: 'tme-qr', supplier: 'TME', sku: 'WBP-302' });
    expect(recorded('105-')).toMatchObject({ kind: 'supplier', format: 'tme-datamatrix', supplier: 'TME' });
  });

  it('the plugin names whose reading it was (API 425: several objects, 098)', () => {
    expect(recorded('098-', transcript425)).toMatchObject({
      kind: 'supplier',
      supplier: 'DigiKey',
      found: [
        { model: 'supplierpart', pk: 1035 },
        { model: 'purchaseorder', pk: 13 },
      ],
    });
  });

  it('a plugin failure keeps the server text as sent (BEHAVIOUR 2.1: 200 with error)', () => {
    const body = {
      error: 'Found multiple matching supplier parts for barcode',
      plugin: 'DigiKeyPlugin',
      barcode_data: 'x',
      barcode_hash: 'h',
      success: 'Match found for barcode data',
    };
    const t = transcript('098-');
    const k = classifyLabel((t.request.body as { barcode: string }).barcode, verdictOfBody(body, false));
    expect(k).toMatchObject({ kind: 'supplier', pluginError: 'Found multiple matching supplier parts for barcode' });
  });

  it('a received label found on its stock item by hash (110) is a linked supplier label', () => {
    const k = recorded('110-');
    expect(k).toEqual({ kind: 'custom', model: 'stockitem', pk: 1216, looksLike: 'DigiKey supplier label' });
    expect(labelKindHeading(k)).toBe('DigiKey supplier label linked to stock item 1216');
  });
});

describe('retail, custom and foreign codes', () => {
  it('retail codes by their check digit', () => {
    expect(readLabelText('4006381333931')).toEqual({ kind: 'retail', format: 'EAN-13' });
    expect(readLabelText('4006381333932').kind).toBe('text');
    expect(readLabelText('036000291452')).toEqual({ kind: 'retail', format: 'UPC-A' });
    expect(readLabelText('96385074')).toEqual({ kind: 'retail', format: 'EAN-8' });
    expect(readLabelText('04252614')).toEqual({ kind: 'retail', format: 'UPC-E' });
    expect(readLabelText('9780306406157')).toEqual({ kind: 'retail', format: 'ISBN' });
    expect(readLabelText('0306406152')).toEqual({ kind: 'retail', format: 'ISBN' });
    expect(readLabelText('10012345678902')).toEqual({ kind: 'retail', format: 'GTIN-14' });
  });

  it('an unknown retail code: Link offered', () => {
    const k = classifyLabel('4006381333931', verdictOfBody(transcript('019-').response.body, false));
    expect(k).toEqual({ kind: 'retail', format: 'EAN-13' });
    expect(labelKindHeading(k)).toBe('Retail code (EAN-13) — not linked to anything in InvenTree');
    expect(linkOffered(k)).toBe(true);
  });

  it('a custom barcode linked to a stock item (048)', () => {
    const k = recorded('048-');
    expect(k).toEqual({ kind: 'custom', model: 'stockitem', pk: 231, looksLike: null });
    expect(labelKindHeading(k)).toBe('Custom barcode linked to stock item 231');
    expect(linkOffered(k)).toBe(false);
  });

  it('a foreign barcode (019): nothing knows it, Link offered', () => {
    const k = recorded('019-');
    expect(k).toEqual({ kind: 'foreign', neverFound: false });
    expect(labelKindHeading(k)).toBe('Foreign barcode — nothing in InvenTree knows it');
    expect(linkOffered(k)).toBe(true);
  });

  it('INV- with an unknown code: InvenTree never finds it, even linked (BEHAVIOUR 1.7)', () => {
    const k = classifyLabel('INV-123456', { kind: 'noMatch' });
    expect(k).toEqual({ kind: 'foreign', neverFound: true });
    expect(linkOffered(k)).toBe(false);
  });

  it('no answer yet or a failed request: plain text is not called foreign', () => {
    expect(classifyLabel('SHELF-A1', null)).toEqual({ kind: 'unanswered' });
    expect(
      classifyLabel(
        'SHELF-A1',
        verdictOfScan({ kind: 'failed', failure: { status: 500, body: null, message: 'x', nextStep: null } }),
      ),
    ).toEqual({ kind: 'unanswered' });
  });
});

describe('verdicts stored in scan history (v291 stringifies nested values, 153)', () => {
  it('a so-allocate failure that found the stock item: the item exists', () => {
    const page = transcript('153-').response.body as {
      results: { data: string; response: unknown; result: boolean }[];
    };
    const row = page.results[0]!;
    const k = classifyLabel(row.data, verdictOfBody(row.response, row.result));
    expect(k).toMatchObject({ kind: 'inventree', model: 'stockitem', pk: 1003, exists: true });
  });

  it('so-allocate of an unknown code (133): "No matching plugin found" is no match', () => {
    const t = transcript('133-');
    expect(verdictOfBody(t.response.body, false)).toEqual({ kind: 'noMatch' });
  });

  it('a field error says nothing about the label', () => {
    const page = transcript('153-').response.body as { results: { response: unknown }[] };
    expect(verdictOfBody(page.results[1]!.response, false)).toEqual({ kind: 'silent' });
  });
});
