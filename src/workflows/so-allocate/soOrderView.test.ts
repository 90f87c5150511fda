import { describe, expect, it } from 'vitest';
import { allocationSentence, lineRows, shipmentRows, soOutcomeLine } from './soOrderView.ts';

interface Transcript {
  response: { status: number; body: unknown };
}
const FILES = import.meta.glob<Transcript>('../../../e2e/fixtures/contract/transcripts/*.json', {
  eager: true,
  import: 'default',
});
const body = (name: string) =>
  FILES[`../../../e2e/fixtures/contract/transcripts/${name}.json`]!.response.body as unknown[];

describe('order view', () => {
  it('reads the order lines as the server lists them (145)', () => {
    const rows = lineRows(body('145-get-so-lines'));
    expect(rows.map((r) => [r.pk, r.part, r.required, r.allocated, r.shipped, r.full])).toEqual([
      [2, 108, 5, 10, 0, true],
      [3, 107, 25, 10, 0, false],
    ]);
    expect(rows[0]!.partName).toBe('Part #108');
    expect(
      lineRows([
        { pk: 1, part: 5, quantity: 2, allocated: 0, shipped: 0, part_detail: { full_name: 'Blue Chair' } },
      ])[0]!.partName,
    ).toBe('Blue Chair');
  });

  it('reads shipments; a shipped one is not open (146, dataset)', () => {
    expect(shipmentRows(body('146-get-so-shipments'))).toEqual([{ pk: 6, reference: 'SHIP-BARCODE-1', open: true }]);
    expect(shipmentRows([{ pk: 3, reference: '1', shipment_date: '2022-06-02', delivery_date: null }])[0]!.open).toBe(
      false,
    );
  });

  it('words an allocation with part, line and shipment', () => {
    const lines = lineRows([
      { pk: 2, part: 108, quantity: 5, allocated: 5, shipped: 0, part_detail: { full_name: 'Blue Chair' } },
    ]);
    const shipments = shipmentRows(body('146-get-so-shipments'));
    const a = { barcode: '{"stockitem": 231}', stockItem: 231, part: 108, line: 2, shipment: 6, quantity: 5 };
    expect(allocationSentence(a, lines, shipments)).toBe(
      'Allocated 5 × Blue Chair from stock item #231 to line #2, shipment SHIP-BARCODE-1.',
    );
    expect(allocationSentence({ ...a, line: 9, shipment: 7 }, [], [])).toBe(
      'Allocated 5 × part #108 from stock item #231 to line #9, shipment #7.',
    );
    expect(soOutcomeLine({ kind: 'allocated', allocation: a }, lines, shipments).tone).toBe('success');
    expect(
      soOutcomeLine({ kind: 'error', reason: 'unknownBarcode', message: 'x', status: 400, barcode: 'x' }, [], []).tone,
    ).toBe('notFound');
  });
});
