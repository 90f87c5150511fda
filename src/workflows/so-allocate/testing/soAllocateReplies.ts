// Shared by the so-allocate machine tests: recorded v291 answers and the replies the page hands the machine.
import { expect } from 'vitest';
import { answerFromReply, BARCODE_PATHS } from '../../../api/barcode.ts';
import { readSoAllocateAnswer } from '../../../api/barcodeAnswers.ts';
import type { SalesOrderShipment } from '../../../api/lists.ts';
import {
  type SoAllocateEvent,
  type AllocateRequest,
  type SoAllocateState,
  initialSoAllocateState,
  soAllocateStep,
} from '../soAllocateMachine.ts';
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
export function reply(state: SoAllocateState, r: Reply): SoAllocateEvent {
  if (state.inFlight?.kind === 'createShipment') {
    const ok = r.status >= 200 && r.status < 300;
    return {
      type: 'answer',
      to: 'createShipment',
      answer: ok
        ? { kind: 'answered', value: r.body as SalesOrderShipment }
        : { kind: 'failed', failure: { status: r.status, body: r.body, message: r.message ?? '', nextStep: null } },
    };
  }
  const answer = answerFromReply(BARCODE_PATHS.soAllocate, r.status, r.body, readSoAllocateAnswer);
  // No answer at all (status 0): the API layer's message.
  if (answer.kind === 'failed' && r.message) answer.failure.message = r.message;
  return { type: 'answer', to: 'allocate', answer };
}

export const scan = (text: string): ScanEvent => ({ text, source: 'wedge', format: null, at: 5 });

/**
 * Set the context from the transcript's request, scan its barcode, check the machine sends exactly
 * the recorded request body, and feed the recorded answer.
 */
export function replay(name: string, from?: SoAllocateState): SoAllocateState {
  const t = transcript(name);
  const body = t.request.body as unknown as AllocateRequest;
  let s = from ?? initialSoAllocateState();
  s = soAllocateStep(s, { type: 'setOrder', order: (body.sales_order as number | undefined) ?? null }).state;
  s = soAllocateStep(s, { type: 'setLine', line: body.line ?? null }).state;
  s = soAllocateStep(s, { type: 'setShipment', shipment: body.shipment ?? null }).state;
  s = soAllocateStep(s, { type: 'setQuantity', quantity: body.quantity ?? null }).state;
  const step = soAllocateStep(s, { type: 'scan', scan: scan(body.barcode) });
  expect(step.effect).toEqual({ kind: 'allocate', request: body });
  return soAllocateStep(step.state, reply(step.state, { status: t.response.status, body: t.response.body })).state;
}

export function errorOf(s: SoAllocateState) {
  expect(s.outcome?.kind).toBe('error');
  return s.outcome as { reason: string; message: string };
}
