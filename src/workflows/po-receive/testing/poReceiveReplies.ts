// Shared by the po-receive machine tests: recorded v291 answers and the replies the page hands the machine.
import { expect } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../../api/barcode.ts';
import { readPoReceiveAnswer, readScanAnswer } from '../../../api/barcodeAnswers.ts';
import type { RequestFailure } from '../../../api/httpAnswer.ts';
import { transcript } from '../../../api/testing/transcripts.ts';
import type { ScanEvent } from '../../../scanner/scanEvent.ts';
import {
  initialPoReceiveState,
  poReceiveStep,
  type PoReceiveEvent,
  type PoReceiveBody,
  type PoReceiveState,
} from '../poReceiveMachine.ts';

export const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 1 });
export interface Reply {
  status: number;
  body: unknown;
  message?: string;
}
export const answerOf = (name: string): Reply => {
  const t = transcript(name);
  return { status: t.response.status, body: t.response.body };
};

/** The server's reply to the request in flight, as the page hands it to the machine: parsed once by api/. */
export function reply(state: PoReceiveState, r: Reply): PoReceiveEvent {
  const kind = state.inFlight?.kind;
  if (kind === 'identify')
    return {
      type: 'answer',
      to: 'identify',
      answer: answerFromReply(BARCODE_PATHS.scan, r.status, r.body, readScanAnswer),
    };
  if (kind === 'receiveLine') {
    const failure: RequestFailure = { status: r.status, body: r.body, message: r.message ?? '', nextStep: null };
    return {
      type: 'answer',
      to: 'receiveLine',
      answer: r.status >= 200 && r.status < 300 ? { kind: 'answered', value: r.body } : { kind: 'failed', failure },
    };
  }
  const answer = answerFromReply(BARCODE_PATHS.poReceive, r.status, r.body, readPoReceiveAnswer);
  // No answer at all (status 0): the API layer's message.
  if (answer.kind === 'failed' && r.message) answer.failure.message = r.message;
  return { type: 'answer', to: 'receive', answer };
}

/** Set the context from the recorded request, scan its barcode, check the request sent, feed the recorded answer. */
export function replay(name: string, from?: PoReceiveState): ReturnType<typeof poReceiveStep> {
  const t = transcript(name);
  const body = t.request.body as PoReceiveBody;
  let s = from ?? initialPoReceiveState();
  s = poReceiveStep(s, { type: 'setOrder', order: body.purchase_order ?? null }).state;
  s = poReceiveStep(s, { type: 'setLocation', location: body.location ?? null }).state;
  const step = poReceiveStep(s, { type: 'scan', scan: scan(body.barcode) });
  expect(step.effect).toEqual({ kind: 'receive', request: body });
  return poReceiveStep(step.state, reply(step.state, { status: t.response.status, body: t.response.body }));
}

export function errorOf(s: PoReceiveState) {
  expect(s.outcome?.kind).toBe('error');
  return s.outcome as { reason: string; message: string };
}
