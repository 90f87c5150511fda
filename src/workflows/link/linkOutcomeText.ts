/**
 * One line per link outcome for the session log and the feedback tone. Pure, so the log says the
 * same thing the result panel does.
 */
import { modelTitle } from '../../api/models.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { LinkOutcome } from './linkMachine.ts';

export interface OutcomeLine {
  tone: SessionLogTone;
  result: string;
  /** In-app route that shows the result. */
  to?: string;
}

export function linkOutcomeLine(outcome: LinkOutcome): OutcomeLine {
  switch (outcome.kind) {
    case 'targetChosen':
      return {
        tone: 'info',
        result: `Target: ${modelTitle(outcome.target.model)} #${outcome.target.pk}`,
        to: `/link?model=${outcome.target.model}&pk=${outcome.target.pk}`,
      };
    case 'barcodePending':
      return { tone: 'notFound', result: 'Not linked yet: choose the item to link it to' };
    case 'linked':
      return {
        tone: 'success',
        result: `Linked to ${modelTitle(outcome.target.model)} #${outcome.target.pk}`,
        to: `/link?model=${outcome.target.model}&pk=${outcome.target.pk}`,
      };
    case 'alreadyLinked':
      return {
        tone: outcome.isTarget ? 'repeat' : 'error',
        result: outcome.isTarget
          ? 'Already linked to this item'
          : `Already belongs to ${modelTitle(outcome.match.model)} #${outcome.match.pk}`,
        to: `/link?model=${outcome.match.model}&pk=${outcome.match.pk}`,
      };
    case 'unlinked':
      return {
        tone: 'success',
        result: `Barcode removed from ${modelTitle(outcome.target.model)} #${outcome.target.pk}`,
      };
    case 'queued':
      return {
        tone: 'queued',
        result: `Kept on this device: linked to ${modelTitle(outcome.target.model)} #${outcome.target.pk} when the server can be reached`,
      };
    case 'error':
      return { tone: 'error', result: outcome.message };
  }
}
