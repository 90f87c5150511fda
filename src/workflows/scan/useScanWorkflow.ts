/**
 * Runs the scan state machine against the API: each scan is logged at once, looked up with
 * POST /api/barcode/, and a match is loaded from its api_url. Effects run here; decisions stay in
 * scanWorkflow.ts.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { BARCODE_PATHS, scanBarcode } from '../../api/barcode.ts';
import { predictApiUrl } from '../../api/models.ts';
import { loadObject } from '../../api/objects.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { normaliseBaseUrl } from '../../api/http.ts';
import type { Connection } from '../../connection/connectionTypes.ts';
import type { NewAction } from '../../offline/queueMachine.ts';
import { sendOrQueue, type WriteQueue } from '../../offline/sendOrQueue.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import type { SessionLogControls } from '../../ui/useSessionLog.ts';
import {
  failureAnswer,
  initialScanState,
  step,
  type LookupAnswer,
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
  /** Server mode: the offline queue that keeps scans the server cannot take now. */
  offline?: ScanQueue | null;
}

export interface ScanQueue {
  shouldQueue(): boolean;
  /** Queue for the log line `logId`; `seq` comes back with the answer (see queueAnswer). */
  enqueue(input: NewAction, logId: number, seq: number): Promise<{ id: string }>;
}

export function useScanWorkflow({ connection, connectionKey, log, onOutcome, offline }: ScanWorkflowOptions) {
  const [state, setState] = useState<ScanState>(initialScanState);
  const stateRef = useRef(state);
  // The newest connection and callbacks, read when an answer arrives (not when the scan started).
  const latest = useRef({ connection, connectionKey, log, onOutcome, offline });
  latest.current = { connection, connectionKey, log, onOutcome, offline };
  // The scan behind each lookup, for queueing it with its source and time.
  const scans = useRef(new Map<number, ScanEvent>());
  const queryClient = useQueryClient();
  const aborts = useRef(new Set<AbortController>());
  /**
   * Details loading alongside a lookup, by its seq: an InvenTree JSON barcode names its object, so
   * the card need not wait for the lookup's answer before asking for it (one round trip less).
   */
  const early = useRef(new Map<number, { apiUrl: string; data: Promise<unknown> }>());

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
      let answer: LookupAnswer;
      try {
        if (effect.kind === 'lookup') {
          // Server mode: a scan the server cannot take now waits in the offline queue (sendOrQueue decides);
          // it is sent in order later and its log line follows it there.
          const scanEvent = scans.current.get(effect.seq);
          const logId = stateRef.current.inFlight[effect.seq]?.logId ?? null;
          const q = latest.current.offline;
          const queue: WriteQueue | null = q && logId !== null ? { shouldQueue: q.shouldQueue, enqueue: (input) => q.enqueue(input, logId, effect.seq) } : null;
          const input =
            conn.mode === 'server' && scanEvent
              ? { kind: 'scan' as const, path: BARCODE_PATHS.scan, body: { barcode: effect.barcode }, barcode: effect.barcode, source: scanEvent.source, format: scanEvent.format, at: scanEvent.at, server: normaliseBaseUrl(conn.baseUrl), route: '/scan', context: '' }
              : null;
          const r = await sendOrQueue(
            queue,
            input,
            () => {
              const guess = predictApiUrl(effect.barcode);
              if (guess) {
                const data = loadObject(conn, guess, abort.signal).then((loaded) => loaded.data);
                data.catch(() => undefined); // a wrong guess is simply not used
                early.current.set(effect.seq, { apiUrl: guess, data });
              }
              return scanBarcode(conn, effect.barcode, abort.signal);
            },
            abort.signal,
          );
          if (r.queued) {
            dispatch({ type: 'queued', seq: effect.seq, reason: r.reason });
            return;
          }
          const res = r.sent;
          answer = res.ok
            ? { ok: true, body: res.raw }
            : { ok: false, status: res.status, body: res.raw, message: res.message, nextStep: res.nextStep };
          // The server may have written scan history.
          void queryClient.invalidateQueries({ queryKey: queryKeys.histories(latest.current.connectionKey) });
        } else {
          const guessed = early.current.get(effect.seq);
          early.current.delete(effect.seq);
          const data = guessed?.apiUrl === effect.match.apiUrl ? await guessed.data.catch(() => null) : null;
          answer = { ok: true, body: data ?? (await loadObject(conn, effect.match.apiUrl, abort.signal)).data };
        }
      } catch (e) {
        if (abort.signal.aborted) return;
        answer = failureAnswer(e);
      } finally {
        if (effect.kind === 'lookup') {
          scans.current.delete(effect.seq);
          // A lookup that matched nothing (or something else) never asks for its guess: drop it later.
          const seq = effect.seq;
          setTimeout(() => early.current.delete(seq), 30_000);
        }
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
      // The machine numbers lookups one up from the last.
      scans.current.set(stateRef.current.seq + 1, event);
      dispatch({ type: 'scan', scan: event, logId });
    },
    [dispatch],
  );

  const dismiss = useCallback(() => dispatch({ type: 'dismiss' }), [dispatch]);

  /** A queued scan was answered (sent from the offline queue): the card shows it if still on screen. */
  const queueAnswer = useCallback((seq: number, answer: LookupAnswer) => dispatch({ type: 'lookupAnswer', seq, answer }), [dispatch]);

  return { state, scan, dismiss, queueAnswer };
}
