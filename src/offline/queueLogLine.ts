/** What the session log shows for a queued action, by its state. Pure, so tests can read it. */
import type { SessionLogTone } from '../ui/sessionLog.ts';
import type { QueuedAction } from './queueMachine.ts';

export interface QueueLogLine {
  tone: SessionLogTone;
  result: string;
  to?: string;
}

/** The action's own line, then what it was about ("PO0001, into Electronics Lab"), when it says. */
function withContext(item: QueuedAction, line: QueueLogLine): QueueLogLine {
  return item.context ? { ...line, result: `${line.result} · ${item.context}` } : line;
}

export function queueLogLine(item: QueuedAction): QueueLogLine {
  switch (item.status) {
    case 'queued':
      return withContext(item, {
        tone: 'queued',
        result: item.problem
          ? `Waiting to be sent (${item.problem.message.replace(/\.$/, '')})`
          : 'Waiting to be sent when the server can be reached',
      });
    case 'sending':
      return withContext(item, { tone: 'sending', result: 'Sending…' });
    case 'done': {
      const o = item.outcome ?? { tone: 'success' as const, result: 'Sent' };
      const line = { tone: o.tone, result: `${o.result} (sent from the queue)` };
      return withContext(item, o.to ? { ...line, to: o.to } : line);
    }
    case 'failed':
      return withContext(item, {
        tone: 'error',
        result: `Not sent: ${item.problem?.message ?? 'the server refused it.'}${item.problem?.nextStep ? ` ${item.problem.nextStep}` : ''}`,
      });
  }
}
