// Every barcode answer of the API 425 recordings read by the same typed readers the workflows use
// (answerFromReply routes them as a live call would), with the user-facing outcome of the answers
// that differ from 291 asserted.
import { describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from './barcode.ts';
import {
  readLinkAnswer,
  readPoAllocateAnswer,
  readPoReceiveAnswer,
  readScanAnswer,
  readSoAllocateAnswer,
  readUnlinkAnswer,
} from './barcodeAnswers.ts';
import { loadTranscripts425, transcript425 } from './testing/transcripts425.ts';
import { readAllocateAnswer } from '../workflows/so-allocate/soAllocateAnswers.ts';
import { initialSoAllocateState } from '../workflows/so-allocate/soAllocateTypes.ts';

const READERS: Record<string, (status: number, body: unknown) => unknown> = {
  [BARCODE_PATHS.scan]: readScanAnswer,
  [BARCODE_PATHS.link]: (s, b) => readLinkAnswer(s, b, 'stockitem', 325),
  [BARCODE_PATHS.unlink]: (s, b) => readUnlinkAnswer(s, b, 'stockitem'),
  [BARCODE_PATHS.poAllocate]: readPoAllocateAnswer,
  [BARCODE_PATHS.poReceive]: readPoReceiveAnswer,
  [BARCODE_PATHS.soAllocate]: readSoAllocateAnswer,
};

function answerOf(prefix: string) {
  const t = transcript425(prefix);
  return answerFromReply(t.request.path, t.response.status, t.response.body, READERS[t.request.path]!);
}

describe('API 425 barcode answers through the typed readers', () => {
  it('every recorded POST answer is read (a result or a failure in words), none crashes the reader', () => {
    let read = 0;
    for (const t of loadTranscripts425()) {
      const reader = READERS[t.request.path];
      if (!reader || t.request.method !== 'POST') continue;
      const answer = answerFromReply(t.request.path, t.response.status, t.response.body, reader);
      if (answer.kind === 'failed') expect(answer.failure.message, t.file).not.toBe('');
      read += 1;
    }
    expect(read).toBe(92); // the recorded POSTs to these six endpoints
  });

  it('po-allocate on a placed order succeeds on 425 (074): the supplier part to add', () => {
    const a = answerOf('074-');
    expect(a).toMatchObject({
      kind: 'answered',
      value: { ok: true, supplierPart: { model: 'supplierpart', pk: 203 } },
    });
  });

  it('so-allocate: "not open" (135) is said as such; a scan with both success and error (130) is a failure', () => {
    const t = transcript425('135-');
    // Read as the allocate page reads it: the typed answer, then the machine's words for it.
    const answer = answerFromReply(BARCODE_PATHS.soAllocate, t.response.status, t.response.body, readSoAllocateAnswer);
    const outcome = readAllocateAnswer(
      initialSoAllocateState(),
      { barcode: '{"stockitem": 231}', sales_order: 1 },
      answer,
    ).outcome;
    expect(outcome?.kind === 'error' ? [outcome.reason, outcome.message] : outcome).toEqual([
      'orderNotPending',
      'This sales order is not open (it is shipped, complete or cancelled), so stock cannot be allocated to it by barcode. Choose an open order.',
    ]);
    // No open shipment (124): 425 still says "Found matching item", yet nothing was allocated.
    expect(answerOf('124-')).toMatchObject({ kind: 'answered', value: { ok: false, code: 'no-shipment' } });
    expect(answerOf('126-')).toMatchObject({
      kind: 'answered',
      value: { ok: true, outcome: 'allocated', shipment: 6, quantity: 5 },
    });
    expect(answerOf('130-')).toMatchObject({
      kind: 'answered',
      value: { ok: false, message: 'This stock item is not the part of the chosen line.' },
    });
  });

  it('link/unlink refusals naming the model class (058, 060) still say which objects', () => {
    const link = answerOf('058-');
    expect(link.kind).toBe('failed');
    if (link.kind === 'failed') expect(link.failure.message).toMatch(/stock items/);
  });

  it('po-receive: the new lineitem fields (108) and "No plugin match" as no-match (117)', () => {
    expect(answerOf('108-')).toMatchObject({
      kind: 'answered',
      value: {
        ok: true,
        outcome: 'received',
        lineItem: { pk: 32, supplierPart: 1035, location: 7, purchaseOrder: 13 },
      },
    });
    expect(answerOf('117-')).toMatchObject({ kind: 'answered', value: { ok: false, code: 'no-match' } });
  });
});
