// Shared by the link machine tests: recorded v291 answers and the replies the page hands the machine.
import { expect } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../../api/barcode.ts';
import { readLinkAnswer, readScanAnswer, readUnlinkAnswer } from '../../../api/barcodeAnswers.ts';
import { type LinkEvent, type LinkState, linkStep } from '../linkMachine.ts';
import type { ScanEvent } from '../../../scanner/scanEvent.ts';

export interface Transcript {
  request: { path: string; body: Record<string, unknown> | null };
  response: { status: number; body: unknown };
}

// The recorded v291 answers, copied into the project (e2e/fixtures/contract).
const FILES = import.meta.glob<Transcript>('../../../../e2e/fixtures/contract/transcripts/*.json', {
  eager: true,
  import: 'default',
});

export function transcript(name: string): Transcript {
  const t = FILES[`../../../../e2e/fixtures/contract/transcripts/${name}.json`];
  if (!t) throw new Error(`no transcript ${name}`);
  return t;
}

export interface Reply {
  status: number;
  body: unknown;
  message?: string;
}

/** The server's reply to the request in flight, as the page hands it to the machine: parsed once by api/. */
export function reply(state: LinkState, r: Reply): LinkEvent {
  const effect = state.inFlight;
  const fix = <T>(a: ReturnType<typeof answerFromReply<T>>) => {
    // No answer at all (status 0): the API layer's message.
    if (a.kind === 'failed' && r.message) a.failure.message = r.message;
    return a;
  };
  if (effect?.kind === 'link') {
    const { model, pk } = effect.target;
    return {
      type: 'answer',
      to: 'link',
      answer: fix(answerFromReply(BARCODE_PATHS.link, r.status, r.body, (s, b) => readLinkAnswer(s, b, model, pk))),
    };
  }
  if (effect?.kind === 'unlink') {
    const { model } = effect.target;
    return {
      type: 'answer',
      to: 'unlink',
      answer: fix(answerFromReply(BARCODE_PATHS.unlink, r.status, r.body, (s, b) => readUnlinkAnswer(s, b, model))),
    };
  }
  return {
    type: 'answer',
    to: 'scan',
    answer: fix(answerFromReply(BARCODE_PATHS.scan, r.status, r.body, readScanAnswer)),
  };
}

export function answerOf(name: string): Reply {
  const t = transcript(name);
  return { status: t.response.status, body: t.response.body };
}

export function scan(text: string): ScanEvent {
  return { text, source: 'wedge', format: null, at: 0 };
}

/** Send a scan, check the request the machine wants matches the transcript's, feed its answer. */
export function scanThrough(state: LinkState, name: string): LinkState {
  const t = transcript(name);
  const step = linkStep(state, { type: 'scan', scan: scan(String(t.request.body?.barcode)) });
  expect(step.effect).not.toBeNull();
  return linkStep(step.state, reply(step.state, answerOf(name))).state;
}

export const item231 = { model: 'stockitem', pk: 231 } as const;
export const item325 = { model: 'stockitem', pk: 325 } as const;
