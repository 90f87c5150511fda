/**
 * The offline queue for a workflow page driven by a state machine (PO receive, SO allocate, link):
 * `send` runs a write, or — in server mode, when the server cannot take it (sendOrQueue, the same
 * rule as the scan page) — keeps it in the queue with its context and hands its session-log line to
 * the queue, which then shows it queued, sending, and done or failed (with retry and discard), also
 * after a reload. The page's machine gets `Queued` instead of its typed answer and treats it as a
 * finished step. When a queued write is answered, the lists and objects it may have changed are refreshed.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { failureOf, type Answer } from '../api/httpAnswer.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { useConnection } from '../connection/useConnection.ts';
import type { SessionLogControls } from '../ui/useSessionLog.ts';
import type { QueuedAction, QueuedKind } from './queueMachine.ts';
import { sendOrQueue, type Queued } from './sendOrQueue.ts';
import { useQueueLog } from './useQueueLog.ts';

/** What a page knows about a write the queue can replay: the POST and what it was about, in words. */
export interface QueueableWrite {
  kind: QueuedKind;
  path: string;
  body: Record<string, unknown>;
  barcode: string;
  /** "PO0001, into Electronics Lab": shown on the log line while it waits and after. */
  context: string;
}

export interface OfflineWritesOptions {
  log: SessionLogControls;
  route: string;
  kinds: QueueableWrite['kind'][];
  /** A queued write was answered (e.g. the scan card takes the answer while it still shows that scan). */
  onAnswered?: (item: QueuedAction) => void;
}

export function useOfflineWrites({ log, route, kinds, onAnswered: pageAnswered }: OfflineWritesOptions) {
  const { connectionKey } = useConnection();
  const queryClient = useQueryClient();
  const ck = useRef(connectionKey);
  ck.current = connectionKey;
  const pageHook = useRef(pageAnswered);
  pageHook.current = pageAnswered;
  // A queued write that was answered changed (or not) what the page lists: read it again.
  const onAnswered = useCallback(
    (item: QueuedAction) => {
      pageHook.current?.(item);
      for (const key of [queryKeys.lists(ck.current), queryKeys.objects(ck.current), queryKeys.histories(ck.current)]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
    [queryClient],
  );
  const { queue, enqueue } = useQueueLog({ log, route, kinds, onAnswered });
  const latest = useRef({ queue, enqueue, log, route });
  latest.current = { queue, enqueue, log, route };

  /**
   * Send `call`'s write, or queue `write` for the log line `logId` (null: a line is added when it is
   * queued, for writes started by a button). `write` null: never queued (not replayable). The
   * typed result, or why there is none, is the answer; `Queued` when the queue took it.
   */
  const submit = useCallback(
    <T>(write: QueueableWrite | null, logId: number | null, call: () => Promise<T>): Promise<Answer<T> | Queued> =>
      sendWith<T, Answer<T>>(
        latest.current,
        write,
        logId,
        call,
        (value) => ({ kind: 'answered', value }),
        (e) => ({ kind: 'failed', failure: failureOf(e) }),
      ),
    [],
  );

  return { queue, submit };
}

interface Io {
  queue: ReturnType<typeof useQueueLog>['queue'];
  enqueue: ReturnType<typeof useQueueLog>['enqueue'];
  log: SessionLogControls;
  route: string;
}

async function sendWith<T, A>(
  io: Io,
  write: QueueableWrite | null,
  logId: number | null,
  call: () => Promise<T>,
  toAnswer: (value: T) => A,
  onThrow: (e: unknown) => A,
): Promise<A | Queued> {
  const { queue: q, enqueue: enq, log: l, route } = io;
  const entry = logId !== null ? l.entry(logId) : undefined;
  const input =
    write && q?.server
      ? {
          ...write,
          source: entry?.source ?? 'manual',
          format: entry?.format ?? null,
          at: entry?.at ?? Date.now(),
          server: q.server,
          route,
        }
      : null;
  const writeQueue = q
    ? {
        shouldQueue: q.shouldQueue,
        enqueue: (i: Parameters<typeof enq>[0]) =>
          enq(i, logId ?? l.add({ text: i.barcode, source: i.source, format: i.format, at: i.at })),
      }
    : null;
  try {
    const r = await sendOrQueue(writeQueue, input, call);
    return r.queued ? r : toAnswer(r.sent);
  } catch (e) {
    return onThrow(e);
  }
}
