/**
 * One line per link outcome for the session log and the feedback tone. Pure, so the log says the
 * same thing the result panel does.
 */
import { modelTitle } from '../../api/models.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import type { LinkOutcome, LinkTarget } from './linkMachine.ts';

export interface OutcomeLine {
  tone: SessionLogTone;
  result: string;
  /** In-app route that shows the result. */
  to?: string;
}

/** The object as the log names it: "Stock item #12". */
function named(t: LinkTarget): { model: string; pk: number } {
  return { model: modelTitle(t.model), pk: t.pk };
}

export function linkOutcomeLine(outcome: LinkOutcome): OutcomeLine {
  switch (outcome.kind) {
    case 'targetChosen':
      return {
        tone: 'info',
        result: i18n.t('wf-link:log.target', named(outcome.target)),
        to: `/link?model=${outcome.target.model}&pk=${outcome.target.pk}`,
      };
    case 'barcodePending':
      return { tone: 'notFound', result: i18n.t('wf-link:log.pending') };
    case 'linked':
      return {
        tone: 'success',
        result: i18n.t('wf-link:log.linked', named(outcome.target)),
        to: `/link?model=${outcome.target.model}&pk=${outcome.target.pk}`,
      };
    case 'alreadyLinked':
      return {
        tone: outcome.isTarget ? 'repeat' : 'error',
        result: outcome.isTarget
          ? i18n.t('wf-link:log.onTarget')
          : i18n.t('wf-link:log.belongsTo', named(outcome.match)),
        to: `/link?model=${outcome.match.model}&pk=${outcome.match.pk}`,
      };
    case 'unlinked':
      return {
        tone: 'success',
        result: i18n.t('wf-link:log.unlinked', named(outcome.target)),
      };
    case 'queued':
      return {
        tone: 'queued',
        result: i18n.t('wf-link:log.queued', named(outcome.target)),
      };
    case 'error':
      return { tone: 'error', result: outcome.message };
  }
}
