/** What the session log shows for a queued action, by its state. Pure, so tests can read it. */
import { i18n } from '../i18n/i18n.ts';
import type { SessionLogTone } from '../ui/sessionLog.ts';
import type { QueuedAction } from './queueMachine.ts';

export interface QueueLogLine {
  tone: SessionLogTone;
  result: string;
  to?: string;
}

/** The action's own line, then what it was about ("PO0001, into Electronics Lab"), when it says. */
function withContext(item: QueuedAction, line: QueueLogLine): QueueLogLine {
  return item.context
    ? { ...line, result: i18n.t('offline:log.withContext', { result: line.result, about: item.context }) }
    : line;
}

export function queueLogLine(item: QueuedAction): QueueLogLine {
  switch (item.status) {
    case 'queued':
      return withContext(item, {
        tone: 'queued',
        // The reason goes in brackets: without its full stop (Chinese: its 。).
        result: item.problem
          ? i18n.t('offline:log.waitingBecause', { reason: item.problem.message.replace(/[.。]$/, '') })
          : i18n.t('offline:log.waiting'),
      });
    case 'sending':
      return withContext(item, { tone: 'sending', result: i18n.t('offline:log.sending') });
    case 'done': {
      const o = item.outcome ?? { tone: 'success' as const, result: i18n.t('offline:log.sent') };
      const line = { tone: o.tone, result: i18n.t('offline:log.sentFromQueue', { result: o.result }) };
      return withContext(item, o.to ? { ...line, to: o.to } : line);
    }
    case 'failed': {
      const reason = item.problem?.message ?? i18n.t('offline:log.refused');
      const nextStep = item.problem?.nextStep;
      return withContext(item, {
        tone: 'error',
        result: nextStep
          ? i18n.t('offline:log.notSentNext', { reason, nextStep })
          : i18n.t('offline:log.notSent', { reason }),
      });
    }
  }
}
