/**
 * Everything a workflow page needs around its machine, written once: the machine runner, the
 * session log and the pending-scan lines, feedback, the context read from the URL and written back
 * into it, and the offline queue. The page gives its rules (step), its URL fields, how to perform
 * each effect, and which steps end a scan (onStep with `io.report`).
 */
import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { Answer } from '../../api/httpAnswer.ts';
import { useRefreshData } from '../../api/queries.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { QueuedAction } from '../../offline/queueMachine.ts';
import { isQueued, type Queued } from '../../offline/sendOrQueue.ts';
import { useOfflineWrites, type QueueableWrite } from '../../offline/useOfflineWrites.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { unlockAudio } from '../../scanner/feedback.ts';
import { useFeedback, type Feedback } from '../../scanner/useFeedback.ts';
import { useScannerSettings } from '../../scanner/useScannerSettings.ts';
import { announce } from '../../ui/liveAnnouncer.ts';
import { feedbackForTone, useRepeatScan } from '../../ui/scanFeedback.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import { useSessionLog, type SessionLogControls } from '../../ui/useSessionLog.ts';
import { isBusy, type QueuedEvent, type ScanEventOf, type Step, type Transition, type Work } from './machine.ts';
import { useMachine } from './useMachine.ts';
import { PendingScans } from './pendingScans.ts';
import type { FailureWords } from './failure.ts';
import { mayStart, offered, sending, settled, type UndoOffer, type UndoRequest } from './undo.ts';

/** Feedback is given at the latest this long after the answer, rendered or not. */
const FEEDBACK_FALLBACK_MS = 100;

/** Run `fn` after the next frame is painted (when the page shows frames). */
function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0));
  else setTimeout(fn, 0);
}

export interface LogLine {
  tone: SessionLogTone;
  result: string;
  /** A link for the log line (e.g. the found object's page). */
  to?: string;
}

/** What a page's perform and onStep work with. */
export interface WorkflowIo {
  log: SessionLogControls;
  feedback: Feedback;
  /** Session-log lines of scans not yet answered, oldest first. */
  pending: PendingScans;
  /** Resolve a scan's log line (when given) and give the matching feedback. */
  report(logId: number | null | undefined, line: LogLine): void;
  /** Send a write through the offline queue (server mode), or at once. */
  submit<T>(write: QueueableWrite | null, logId: number | null, call: () => Promise<T>): Promise<Answer<T> | Queued>;
  /** Offer an undo or correction on a log line (after the write it undoes succeeded). */
  offer(logId: number | null | undefined, offer: UndoOffer): void;
}

/** A workflow's undo: the request, sent like any write, and what its machine hears when it is done. */
export interface UndoOptions<E> {
  /**
   * The API calls of the undo; resolves to the line's sentence ("Undone: the barcode is unlinked.")
   * and throws what the API throws (the kit sends it through `io.submit` and maps the failure).
   */
  perform: (request: UndoRequest) => Promise<string>;
  /** The event telling the machine (e.g. a move's row is back), when its state must agree. */
  done?: (request: UndoRequest) => E | null;
  /** The workflow's words for a refused undo (the right it needs). */
  words?: FailureWords;
}

export interface WorkflowOptions<S extends Work<F, unknown>, E, F> {
  step: Step<S, E, F>;
  /** The first state, from the page's URL query. */
  fromUrl: (params: URLSearchParams) => S;
  /** The URL query for the state's context; written back (replacing the history entry) so a station can bookmark it. */
  toUrl?: (state: S) => string;
  perform: (effect: F, io: WorkflowIo) => Promise<E>;
  /** Sees every step: the page reports the scans it ended (log line, feedback). */
  onStep?: (before: S, event: E, next: Transition<S, F>, io: WorkflowIo) => void;
  /** The log line a scan starts with; default: the log's own "looking up". */
  scanLine?: (state: S) => string | undefined;
  /** Server mode: writes the page may queue, and the route they belong to. */
  offline?: { route: string; kinds: QueueableWrite['kind'][]; onAnswered?: (item: QueuedAction) => void };
  /** Undo and correct from the log row, where InvenTree allows it. */
  undo?: UndoOptions<E>;
}

export function useWorkflow<S extends Work<F, unknown>, E extends ScanEventOf | { type: string }, F>(
  options: WorkflowOptions<S, E, F>,
) {
  const [params, setParams] = useSearchParams();
  const feedback = useFeedback();
  const log = useSessionLog();
  const onAnswered = useRef(options.offline?.onAnswered);
  onAnswered.current = options.offline?.onAnswered;
  const offline = useOfflineWrites({
    log,
    route: options.offline?.route ?? '',
    kinds: options.offline?.kinds ?? [],
    onAnswered: (item) => onAnswered.current?.(item),
  });
  const pending = useRef<PendingScans | null>(null);
  pending.current ??= new PendingScans();

  /**
   * An answered scan's feedback (sound, vibration, flash) is given once its answer is on screen:
   * after the commit that shows it, the next frame, then a task (React may run effects in the
   * commit's own task). The session's first sound creates the AudioContext (about 100 ms in a fresh
   * browser), which held the card back. The fallback timer covers an answer that changes nothing on
   * screen (its line was hidden meanwhile) and a hidden tab (no frames).
   */
  const owed = useRef<SessionLogTone[]>([]);
  // The AudioContext is made as the page opens, in a task of its own before the camera's first
  // frames, not by the first scan's sound (60-140 ms in a fresh browser: a long task while scanning).
  // Without a user gesture it starts suspended, as it would have at the first scan; the first
  // gesture resumes it (installAudioUnlock).
  const [{ sound }] = useScannerSettings();
  useEffect(() => {
    if (!sound) return;
    const timer = setTimeout(() => unlockAudio(), 0);
    return () => clearTimeout(timer);
  }, [sound]);
  const payOwed = useCallback(() => {
    const tones = owed.current;
    owed.current = [];
    for (const tone of tones) feedbackForTone(feedback, tone);
  }, [feedback]);
  useEffect(() => {
    if (owed.current.length > 0) afterPaint(payOwed);
  });

  const io: WorkflowIo = {
    log,
    feedback,
    pending: pending.current,
    report: (logId, line) => {
      if (logId !== null && logId !== undefined) log.resolve(logId, line);
      owed.current.push(line.tone);
      setTimeout(payOwed, FEEDBACK_FALLBACK_MS);
    },
    submit: (write, logId, call) =>
      options.offline ? offline.submit(write, logId, call) : offline.submit(null, logId, call),
    offer: (logId, offer) => {
      if (logId !== null && logId !== undefined) log.setAction(logId, offered(offer));
    },
  };
  const ioRef = useRef(io);
  ioRef.current = io;

  const { state, stateRef, dispatch } = useMachine<S, E, F>({
    initial: () => options.fromUrl(params),
    step: options.step,
    perform: (effect) => options.perform(effect, ioRef.current),
    onStep: (before, event, next) => options.onStep?.(before, event, next, ioRef.current),
  });

  const scanLine = useRef(options.scanLine);
  scanLine.current = options.scanLine;
  const onScan = useCallback(
    (scan: ScanEvent) => {
      if (scan.text.trim() === '') return;
      const result = scanLine.current?.(stateRef.current);
      const { log: l, pending: p } = ioRef.current;
      p.push({ scan, logId: l.add(scan, result === undefined ? undefined : { result }) });
      dispatch({ type: 'scan', scan } as E);
    },
    [dispatch, stateRef],
  );
  const onRepeat = useRepeatScan(log, feedback);
  const refresh = useRefreshData();

  // Undo from a log row: confirmed by the user in the row, sent like any write, the line updated.
  const undo = useRef(options.undo);
  undo.current = options.undo;
  const onUndo = useCallback(
    async (logId: number, input: number | null) => {
      const spec = undo.current;
      const { log: l, feedback: fb } = ioRef.current;
      const action = l.entry(logId)?.action;
      if (!spec || !mayStart(action, input)) return;
      const request: UndoRequest = { ref: action.ref, input: action.ask ? input : null };
      l.setAction(logId, sending(action));
      // Never queued: an undo is asked while looking at the line, and is sent now or not at all.
      const sent = await ioRef.current.submit(null, logId, () => spec.perform(request));
      const answer: Answer<string> = isQueued(sent)
        ? { kind: 'failed', failure: { status: 0, body: null, message: i18n.t('kit:undo.notSent'), nextStep: null } }
        : sent;
      const after = settled(action, answer, spec.words);
      ioRef.current.log.setAction(logId, after);
      // Whatever it changed (or not), the page's lists and cards are read again.
      refresh();
      announce(after.note ?? '', after.status === 'done' ? 'success' : 'error');
      if (after.status === 'done') {
        fb.success();
        const event = spec.done?.(request);
        if (event) dispatch(event);
      } else fb.error();
    },
    [dispatch, refresh],
  );

  // The context in the URL, so a station can bookmark it.
  const toUrl = options.toUrl;
  const query = toUrl ? toUrl(state) : null;
  useEffect(() => {
    if (query !== null && query !== params.toString()) setParams(new URLSearchParams(query), { replace: true });
  }, [query, params, setParams]);

  return {
    state,
    stateRef,
    dispatch,
    busy: isBusy(state),
    waiting: state.queue.length,
    log,
    feedback,
    io,
    onScan,
    onRepeat,
    onUndo: options.undo ? onUndo : undefined,
    offlineQueue: options.offline ? offline.queue : null,
  };
}

export type Workflow = Pick<
  ReturnType<typeof useWorkflow>,
  'busy' | 'waiting' | 'log' | 'onScan' | 'onRepeat' | 'onUndo' | 'offlineQueue'
>;

/** The event for an effect's result: its typed answer, or "kept in the offline queue". */
export function answered<K extends string, T>(
  to: K,
  result: Answer<T> | Queued,
): { type: 'answer'; to: K; answer: Answer<T> } | QueuedEvent {
  return isQueued(result)
    ? { type: 'queued', id: result.id, reason: result.reason }
    : { type: 'answer', to, answer: result };
}
