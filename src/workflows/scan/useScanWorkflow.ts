/**
 * Runs the scan state machine against the API: each scan is logged at once, looked up with
 * POST /api/barcode/, and a match is loaded from its api_url. Effects run here; decisions stay in
 * scanWorkflow.ts.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { scanBarcode } from '../../api/barcode.ts';
import { loadObject } from '../../api/objects.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import type { Connection } from '../../connection/connectionTypes.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import type { SessionLogControls } from '../../ui/useSessionLog.ts';
import {
  failureAnswer,
  initialScanState,
  step,
  type Answer,
  type LogOutcome,
  type ScanEffect,
  type ScanState,
  type ScanWorkflowEvent,
} from './scanWorkflow.ts';

export interface ScanWorkflowOptions {
  connection: Connection;
  connectionKey: string;
  log: SessionLogControls;
  /** Called once per finished lookup (feedback: sound, vibration, flash). */
  onOutcome?: (outcome: LogOutcome) => void;
}

export function useScanWorkflow({ connection, connectionKey, log, onOutcome }: ScanWorkflowOptions) {
  const [state, setState] = useState<ScanState>(initialScanState);
  const stateRef = useRef(state);
  // The newest connection and callbacks, read when an answer arrives (not when the scan started).
  const latest = useRef({ connection, connectionKey, log, onOutcome });
  latest.current = { connection, connectionKey, log, onOutcome };
  const queryClient = useQueryClient();
  const aborts = useRef(new Set<AbortController>());

  useEffect(() => {
    const pending = aborts.current;
    return () => {
      for (const a of pending) a.abort();
      pending.clear();
    };
  }, []);

  const dispatch = useCallback(
    (event: ScanWorkflowEvent) => {
      const result = step(stateRef.current, event);
      stateRef.current = result.state;
      setState(result.state);
      if (result.log) {
        const { logId, ...outcome } = result.log;
        if (logId !== null) latest.current.log.resolve(logId, outcome);
        latest.current.onOutcome?.(result.log);
      }
      if (result.relabel) latest.current.log.relabel(result.relabel.logId, result.relabel.result);
      for (const effect of result.effects) void run(effect);
    },
    // run is stable (declared below with useCallback and only refs inside)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const run = useCallback(
    async (effect: ScanEffect) => {
      const abort = new AbortController();
      aborts.current.add(abort);
      const conn = latest.current.connection;
      let answer: Answer;
      try {
        if (effect.kind === 'lookup') {
          const r = await scanBarcode(conn, effect.barcode, abort.signal);
          answer = r.ok
            ? { ok: true, body: r.raw }
            : { ok: false, status: r.status, body: r.raw, message: r.message, nextStep: r.nextStep };
          // The server may have written scan history.
          void queryClient.invalidateQueries({ queryKey: queryKeys.histories(latest.current.connectionKey) });
        } else {
          const loaded = await loadObject(conn, effect.match.apiUrl, abort.signal);
          answer = { ok: true, body: loaded.data };
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        answer = failureAnswer(e);
      } finally {
        aborts.current.delete(abort);
      }
      dispatch(
        effect.kind === 'lookup'
          ? { type: 'lookupAnswer', seq: effect.seq, answer }
          : { type: 'objectAnswer', seq: effect.seq, answer },
      );
    },
    [dispatch, queryClient],
  );

  const scan = useCallback(
    (event: ScanEvent) => {
      const logId = latest.current.log.add(event);
      dispatch({ type: 'scan', scan: event, logId });
    },
    [dispatch],
  );

  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), [dispatch]);

  return { state, scan, dismiss };
}
