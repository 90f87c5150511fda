/**
 * Runs a workflow's pure machine in React: `step(state, event)` gives the next state and at most one
 * effect; `perform` runs the effect and resolves to the event carrying its typed answer, which is
 * stepped in turn. The state also lives in a ref, so scans arriving between renders see the newest
 * state, and `dispatch` is stable (ScanInput keeps its listeners for the page's lifetime).
 */
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { Step, Transition } from './machine.ts';

export interface MachineOptions<S, E, F> {
  /** The first state (read once). */
  initial: () => S;
  step: Step<S, E, F>;
  /** Performs an effect; never rejects (failures are answers). The newest function is used. */
  perform: (effect: F) => Promise<E>;
  /** Sees every step before its effect starts (session log, feedback); the newest function is used. */
  onStep?: (before: S, event: E, next: Transition<S, F>) => void;
}

export function useMachine<S, E, F>(
  options: MachineOptions<S, E, F>,
): { state: S; stateRef: RefObject<S>; dispatch: (event: E) => void } {
  const stateRef = useRef<S | null>(null);
  if (stateRef.current === null) stateRef.current = options.initial();
  const [state, setState] = useState<S>(stateRef.current);
  const latest = useRef(options);
  latest.current = options;

  const dispatch = useCallback((event: E) => {
    const { step, onStep } = latest.current;
    const before = stateRef.current as S;
    const next = step(before, event);
    stateRef.current = next.state;
    setState(next.state);
    onStep?.(before, event, next);
    if (next.effect !== null) void latest.current.perform(next.effect).then(dispatch);
  }, []);

  return { state, stateRef: stateRef as RefObject<S>, dispatch };
}
