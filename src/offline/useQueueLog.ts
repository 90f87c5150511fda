/**
 * Shows a page's queued actions in its session log and keeps each line up to date: queued →
 * sending → done | failed (with retry and discard). Actions queued before a reload get their line
 * back. A page queues through `enqueue` with the log entry it already has; when
 * that action is answered, `onAnswered` lets the page update its own view (e.g. the scan card).
 */
import { useCallback, useEffect, useRef } from 'react';
import { i18n } from '../i18n/i18n.ts';
import type { SessionLogControls } from '../ui/useSessionLog.ts';
import { queueLogLine } from './queueLogLine.ts';
import type { NewAction, QueuedAction, QueuedKind } from './queueMachine.ts';
import { newQueueId } from './queueId.ts';
import { useOfflineQueue } from './useOfflineQueue.ts';

interface Tracked {
  logId: number;
  /** What was last written to the log line, to write only changes. */
  shown: string;
  /** The page's own reference (e.g. the scan workflow's sequence number). */
  ref?: number;
  status: QueuedAction['status'] | 'gone';
}

export interface QueueLogOptions {
  log: SessionLogControls;
  /** Route of this page: actions queued from it show in its log. */
  route: string;
  kinds: QueuedKind[];
  onAnswered?(item: QueuedAction, ref: number | undefined): void;
}

export function useQueueLog({ log, route, kinds, onAnswered }: QueueLogOptions) {
  const queue = useOfflineQueue();
  const tracked = useRef(new Map<string, Tracked>());
  const mountedAt = useRef(Date.now());
  const latest = useRef({ log, onAnswered });
  latest.current = { log, onAnswered };
  const kindKey = kinds.join(',');

  /** Queue an action for a line already in the log; `ref` comes back in onAnswered. */
  const enqueue = useCallback(
    async (input: NewAction, logId: number, ref?: number) => {
      if (!queue) throw new Error('No offline queue');
      const id = newQueueId();
      tracked.current.set(id, { logId, shown: '', ref, status: 'queued' });
      return queue.enqueue(input, id);
    },
    [queue],
  );

  const items = queue?.items;
  useEffect(() => {
    if (!items) return;
    const { log: l, onAnswered: answered } = latest.current;
    const present = new Set<string>();
    for (const item of items) {
      if (item.route !== route || !kindKey.split(',').includes(item.kind)) continue;
      present.add(item.id);
      let t = tracked.current.get(item.id);
      if (!t) {
        // From before this page opened: show what still matters (waiting, failed, or just finished).
        if (item.status === 'done' && item.updatedAt < mountedAt.current) continue;
        const logId = l.add(
          { text: item.barcode, source: item.source, format: item.format, at: item.at },
          { tone: 'queued', result: '' },
        );
        t = { logId, shown: '', status: item.status };
        tracked.current.set(item.id, t);
      }
      const line = queueLogLine(item);
      const key = `${item.status}|${line.tone}|${line.result}|${line.to ?? ''}`;
      if (key !== t.shown) {
        l.resolve(t.logId, { ...line, queueId: item.id });
        t.shown = key;
      }
      const finished = item.status === 'done' || item.status === 'failed';
      if (finished && t.status !== item.status) answered?.(item, t.ref);
      t.status = item.status;
    }
    // Discarded (or pruned) actions: say so on their line once.
    for (const [id, t] of tracked.current) {
      if (present.has(id) || t.status === 'gone') continue;
      if (t.status !== 'done' && t.shown) {
        l.resolve(t.logId, {
          tone: 'info',
          result:
            t.status === 'failed'
              ? i18n.t('offline:log.discardedAfterFailure')
              : i18n.t('offline:log.discardedNeverSent'),
        });
      }
      t.status = 'gone';
    }
  }, [items, route, kindKey]);

  return { queue, enqueue };
}
