/**
 * Runs a workflow's pure state machine in React: `step(state, event)` gives the next state and at
 * most one effect; the effect (an API call) runs and its answer comes back as an event. The state
 * also lives in a ref, so scans arriving between renders see the newest state, and `dispatch` is
 * stable (ScanInput keeps its listeners for the page's lifetime).
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { HttpAnswer } from '../api/httpAnswer.ts';

export interface MachineStep<S, F> {
  state: S;
  effect: F | null;
}

/** `A`: what an effect resolves to (an HTTP answer, or e.g. "kept in the offline queue"). */
export interface MachineOptions<S, E, F, T extends MachineStep<S, F>, A = HttpAnswer> {
  /** The first state (read once). */
  initial: () => S;
  step: (state: S, event: E) => T;
  /** Performs an effect; the newest function is used. */
  run: (effect: F) => Promise<A>;
  /** The event that carries an effect's answer back into the machine. */
  answerEvent: (answer: A) => E;
  /** Sees every step before its effect starts (session log, feedback); the newest function is used. */
  onStep?: (before: S, event: E, step: T) => void;
}

export function useMachine<S, E, F, T extends MachineStep<S, F> = MachineStep<S, F>, A = HttpAnswer>(
  options: MachineOptions<S, E, F, T, A>,
): { state: S; stateRef: RefObject<S>; dispatch: (event: E) => void } {
  const stateRef = useRef<S | null>(null);
  if (stateRef.current === null) stateRef.current = options.initial();
  const [state, setState] = useState<S>(stateRef.current);
  const latest = useRef(options);
  latest.current = options;

  const dispatch = useCallback((event: E) => {
    const { step, answerEvent, onStep } = latest.current;
    const before = stateRef.current as S;
    const next = step(before, event);
    stateRef.current = next.state;
    setState(next.state);
    onStep?.(before, event, next);
    const effect = next.effect;
    if (effect !== null) void latest.current.run(effect).then((answer) => dispatch(answerEvent(answer)));
  }, []);

  return { state, stateRef: stateRef as RefObject<S>, dispatch };
}
