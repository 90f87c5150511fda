import { describe, expect, it } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../api/barcode.ts';
import { readGenerateAnswer, readScanAnswer } from '../../api/barcodeAnswers.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import {
  type GenerateEvent,
  type GenerateState,
  generateStep,
  generateTargetFromUrl,
  initialGenerateState,
} from './generateMachine.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';

interface Transcript {
  request: { body: Record<string, unknown> | null };
  response: { status: number; body: unknown };
}

// The recorded v291 answers, copied into the project (e2e/fixtures/contract).
const FILES = import.meta.glob<Transcript>('../../../e2e/fixtures/contract/transcripts/*.json', {
  eager: true,
  import: 'default',
});

function transcript(name: string): Transcript {
  const t = FILES[`../../../e2e/fixtures/contract/transcripts/${name}.json`];
  if (!t) throw new Error(`no transcript ${name}`);
  return t;
}

interface Reply {
  status: number;
  body: unknown;
  message?: string;
}

function recorded(name: string): Reply {
  const t = transcript(name);
  return { status: t.response.status, body: t.response.body };
}

/** The server's reply to the request in flight, as the page hands it to the machine: parsed once by api/. */
function reply(state: GenerateState, r: Reply): GenerateEvent {
  const fix = <T>(a: Answer<T>): Answer<T> => {
    // No answer at all (status 0): the API layer's message.
    if (a.kind === 'failed' && r.message) a.failure.message = r.message;
    return a;
  };
  if (state.inFlight?.kind === 'generate') {
    // generate is no barcode-result endpoint: any error status is a failed request (as apiRequest throws it).
    const ok = r.status >= 200 && r.status < 300;
    const failure = { status: r.status, body: r.body, message: r.message ?? '', nextStep: null };
    return {
      type: 'answer',
      to: 'generate',
      answer: ok ? { kind: 'answered', value: readGenerateAnswer(r.body) } : { kind: 'failed', failure },
    };
  }
  return {
    type: 'answer',
    to: 'scan',
    answer: fix(answerFromReply(BARCODE_PATHS.scan, r.status, r.body, readScanAnswer)),
  };
}

const scan = (text: string): ScanEvent => ({ text, source: 'manual', format: null, at: 1 });

/** Choose the transcript's target; the effect must be the request the transcript made. */
function generateThrough(name: string): GenerateState {
  const t = transcript(name);
  const target = { model: t.request.body!.model as 'part', pk: t.request.body!.pk as number };
  const step = generateStep(initialGenerateState, { type: 'chooseTarget', target });
  expect(step.effect).toEqual({ kind: 'generate', target });
  expect(step.state.inFlight?.kind).toBe('generate');
  return generateStep(step.state, reply(step.state, recorded(name))).state;
}

describe('generate', () => {
  it.each([
    ['030-generate-part', '{"part": 69}'],
    ['031-generate-stockitem', '{"stockitem": 231}'],
    ['032-generate-stocklocation', '{"stocklocation": 7}'],
    ['033-generate-purchaseorder', '{"purchaseorder": 1}'],
    ['034-generate-salesorder', '{"salesorder": 2}'],
    ['035-generate-build', '{"build": 1}'],
    ['041-generate-part-short', 'INV-PA69'],
    ['042-generate-stockitem-short', 'INV-SI231'],
  ])('%s gives the barcode text %s', (name, text) => {
    const s = generateThrough(name);
    expect(s.barcode).toBe(text);
    expect(s.outcome).toMatchObject({ kind: 'generated', barcode: text });
    expect(s.inFlight).toBeNull();
  });

  it('an unsupported model is explained (036)', () => {
    const chosen = generateStep(initialGenerateState, { type: 'chooseTarget', target: { model: 'part', pk: 1 } }).state;
    const s = generateStep(chosen, reply(chosen, recorded('036-generate-bad-model'))).state;
    expect(s.outcome).toEqual({
      kind: 'error',
      reason: 'unsupported',
      status: 400,
      message: 'This server cannot make barcodes for parts.',
    });
  });

  it('a missing object is named (037)', () => {
    const s = generateThrough('037-generate-bad-pk');
    expect(s.outcome).toEqual({
      kind: 'error',
      reason: 'notFound',
      status: 400,
      message: 'Part #999999 does not exist on the server.',
    });
    expect(s.barcode).toBeNull();
  });

  it('field errors are shown in words (038)', () => {
    const chosen = generateStep(initialGenerateState, { type: 'chooseTarget', target: { model: 'part', pk: 1 } }).state;
    const s = generateStep(chosen, reply(chosen, recorded('038-generate-missing-fields'))).state;
    expect(s.outcome).toMatchObject({
      kind: 'error',
      reason: 'invalid',
      message: 'The server refused: model: This field is required.',
    });
  });

  it('401 says signed out (039)', () => {
    expect(generateThrough('039-generate-noauth').outcome).toMatchObject({ kind: 'error', reason: 'signedOut' });
  });

  it('a scan of an InvenTree label chooses the object and asks for its barcode at once', () => {
    const first = generateStep(initialGenerateState, { type: 'scan', scan: scan('{"stocklocation": 7}') });
    expect(first.effect).toEqual({ kind: 'scan', barcode: '{"stocklocation": 7}' });
    const second = generateStep(first.state, reply(first.state, recorded('011-scan-stocklocation')));
    expect(second.effect).toEqual({ kind: 'generate', target: { model: 'stocklocation', pk: 7 } });
    const third = generateStep(second.state, reply(second.state, recorded('032-generate-stocklocation')));
    expect(third.state.barcode).toBe('{"stocklocation": 7}');
  });

  it('a scanned linked custom barcode finds its object too (048)', () => {
    const first = generateStep(initialGenerateState, { type: 'scan', scan: scan('CUSTOM-BARCODE-0001') });
    const second = generateStep(first.state, reply(first.state, recorded('048-scan-linked-custom')));
    expect(second.effect).toEqual({ kind: 'generate', target: { model: 'stockitem', pk: 231 } });
  });

  it('an unknown scan is an error and leaves the current barcode alone (019)', () => {
    const done = generateThrough('031-generate-stockitem');
    const first = generateStep(done, { type: 'scan', scan: scan('123456789') });
    const s = generateStep(first.state, reply(first.state, recorded('019-scan-unknown'))).state;
    expect(s.outcome).toMatchObject({ kind: 'error', reason: 'noMatch' });
    expect(s.barcode).toBe('{"stockitem": 231}');
  });

  it('ignores scans while busy and a network failure frees it again', () => {
    const first = generateStep(initialGenerateState, { type: 'chooseTarget', target: { model: 'part', pk: 69 } });
    expect(generateStep(first.state, { type: 'scan', scan: scan('x') }).effect).toBeNull();
    const s = generateStep(first.state, reply(first.state, { status: 0, body: null, message: 'Timed out.' })).state;
    expect(s.outcome).toMatchObject({ kind: 'error', reason: 'network', message: 'Timed out.' });
    expect(s.inFlight).toBeNull();
  });

  it('reads the target from the URL', () => {
    expect(generateTargetFromUrl(new URLSearchParams('model=stockitem&pk=12'))).toEqual({ model: 'stockitem', pk: 12 });
    expect(generateTargetFromUrl(new URLSearchParams('model=company&pk=12'))).toBeNull();
    expect(generateTargetFromUrl(new URLSearchParams('model=part&pk=-3'))).toBeNull();
    expect(generateTargetFromUrl(new URLSearchParams(''))).toBeNull();
  });
});
