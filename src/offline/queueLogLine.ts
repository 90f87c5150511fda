/** What the session log shows for a queued action, by its state. Pure, so tests can read it. */
import type { SessionLogTone } from '../ui/sessionLog.ts';
import type { QueuedAction } from './queueMachine.ts';

export interface QueueLogLine {
  tone: SessionLogTone;
  result: string;
  to?: string;
}

export function queueLogLine(item: QueuedAction): QueueLogLine {
  switch (item.status) {
    case 'queued':
      return {
        tone: 'queued',
        result: item.problem
          ? `Waiting to be sent (${item.problem.message.replace(/\.$/, '')})`
          : 'Waiting to be sent when the server can be reached',
      };
    case 'sending':
      return { tone: 'sending', result: 'Sending…' };
    case 'done': {
      const o = item.outcome ?? { tone: 'success' as const, result: 'Sent' };
      return o.to ? { tone: o.tone, result: `${o.result} (sent from the queue)`, to: o.to } : { tone: o.tone, result: `${o.result} (sent from the queue)` };
    }
    case 'failed':
      return { tone: 'error', result: `Not sent: ${item.problem?.message ?? 'the server refused it.'}${item.problem?.nextStep ? ` ${item.problem.nextStep}` : ''}` };
  }
}
