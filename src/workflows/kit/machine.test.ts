import { describe, expect, it } from 'vitest';
import {
  begin,
  finish,
  isBusy,
  nextQueued,
  scanOrQueue,
  stay,
  waitingText,
  type Transition,
  type Work,
} from './machine.ts';

/** A tiny workflow: every scan is one lookup; answers are the looked-up text in capitals. */
type F = { kind: 'lookup'; text: string };
interface S extends Work<F> {
  seen: string[];
}
type E = { type: 'scan'; text: string } | { type: 'answer'; value: string };

const start = (s: S, text: string): Transition<S, F> => begin(s, { kind: 'lookup', text });
function step(s: S, e: E): Transition<S, F> {
  if (e.type === 'scan') return scanOrQueue(s, e.text, start);
  return nextQueued({ ...finish(s), seen: [...s.seen, e.value] }, start);
}
const initial: S = { inFlight: null, queue: [], seen: [] };

describe('the kit machine contract', () => {
  it('starts a scan at once when idle, and is busy until the answer', () => {
    const t = step(initial, { type: 'scan', text: 'a' });
    expect(t.effect).toEqual({ kind: 'lookup', text: 'a' });
    expect(isBusy(t.state)).toBe(true);
    const done = step(t.state, { type: 'answer', value: 'A' });
    expect(done.effect).toBeNull();
    expect(isBusy(done.state)).toBe(false);
  });

  it('queues scans arriving while busy and sends them in scan order', () => {
    let t = step(initial, { type: 'scan', text: 'a' });
    t = step(t.state, { type: 'scan', text: 'b' });
    expect(t.effect).toBeNull();
    t = step(t.state, { type: 'scan', text: 'c' });
    expect(t.state.queue).toEqual(['b', 'c']);
    t = step(t.state, { type: 'answer', value: 'A' });
    expect(t.effect).toEqual({ kind: 'lookup', text: 'b' });
    expect(t.state.queue).toEqual(['c']);
    t = step(t.state, { type: 'answer', value: 'B' });
    expect(t.effect).toEqual({ kind: 'lookup', text: 'c' });
    t = step(t.state, { type: 'answer', value: 'C' });
    expect(t.state).toEqual({ inFlight: null, queue: [], seen: ['A', 'B', 'C'] });
  });

  it('stay performs nothing; waiting scans are counted in words', () => {
    expect(stay(initial)).toEqual({ state: initial, effect: null });
    expect(waitingText(1, 'label')).toBe('1 more label waiting…');
    expect(waitingText(3)).toBe('3 more scans waiting…');
    expect(waitingText(2, 'scan', 'for the shipment')).toBe('2 more scans waiting for the shipment…');
  });
});
