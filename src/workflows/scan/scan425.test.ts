// The scan workflow over API 425 answers: one card per answer, the other matched objects listed,
// and no second GET when the match carries its instance.
import { describe, expect, it } from 'vitest';
import { transcript425 } from '../../api/testing/transcripts425.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { answerFromReply, BARCODE_PATHS } from '../../api/barcode.ts';
import { readScanAnswer } from '../../api/barcodeAnswers.ts';
import { initialScanState, step } from './scanWorkflow.ts';

const scanOf = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1000 });

function lookup425(prefix: string) {
  const t = transcript425(prefix);
  const barcode = (t.request.body as { barcode: string }).barcode;
  const first = step(initialScanState, { type: 'scan', scan: scanOf(barcode) });
  const answer = answerFromReply(BARCODE_PATHS.scan, 200, t.response.body, readScanAnswer);
  const r = step(first.state, { type: 'answer', to: 'lookup', answer });
  // The kit's one request at a time: the effect to run next, as a list.
  return { ...r, effects: r.effect ? [r.effect] : [] };
}

describe('scan workflow over API 425 answers', () => {
  it('a stock item match (010) is shown from its instance: no loadObject request', () => {
    const r = lookup425('010-');
    expect(r.state.current?.result).toMatchObject({
      kind: 'match',
      match: { model: 'stockitem', pk: 231, webUrl: '/web/stock/item/231' },
    });
    expect(r.effects).toEqual([]);
    expect(r.state.current?.object).toMatchObject({ status: 'loaded', detail: { pk: 231, part: 108 } });
  });

  it('a DigiKey label (098) shows the supplier part and lists the order; Mouser (101) lists the manufacturer part', () => {
    const digikey = lookup425('098-').state.current?.result;
    expect(digikey).toMatchObject({
      kind: 'match',
      match: { model: 'supplierpart', pk: 1035 },
      others: [{ model: 'purchaseorder', pk: 13 }],
    });
    const mouser = lookup425('101-').state.current?.result;
    expect(mouser).toMatchObject({
      kind: 'match',
      match: { model: 'supplierpart', pk: 1036 },
      others: [{ model: 'manufacturerpart', pk: 198 }],
    });
  });
});
