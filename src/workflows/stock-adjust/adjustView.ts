/** The Adjust page's words: the outcome sentence and its session-log line. Pure. */
import { formatQuantity } from '../../i18n/format.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { LogLine } from '../kit/useWorkflow.ts';
import type { AdjustState } from './adjustMachine.ts';

const itemName = (part: string, pk: number) => i18n.t('wf-stock-adjust:names.item', { part, pk });

const ADJUSTED = {
  add: { kept: 'wf-stock-adjust:outcome.added', deleted: 'wf-stock-adjust:outcome.addedDeleted' },
  remove: { kept: 'wf-stock-adjust:outcome.removed', deleted: 'wf-stock-adjust:outcome.removedDeleted' },
} as const;

export function outcomeText(state: AdjustState): string {
  const o = state.outcome;
  if (!o) return '';
  switch (o.kind) {
    case 'itemShown': {
      const item = state.item;
      if (!item) return '';
      const values = { item: itemName(item.partName, item.pk), quantity: formatQuantity(item.quantity) };
      return item.locationName === null
        ? i18n.t('wf-stock-adjust:outcome.itemShownNoLocation', values)
        : i18n.t('wf-stock-adjust:outcome.itemShown', { ...values, location: item.locationName });
    }
    case 'adjusted': {
      const values = {
        quantity: formatQuantity(o.quantity),
        item: itemName(o.partName, o.pk),
        before: formatQuantity(o.before),
      };
      return o.after === null
        ? i18n.t(ADJUSTED[o.mode].deleted, values)
        : i18n.t(ADJUSTED[o.mode].kept, { ...values, after: formatQuantity(o.after) });
    }
    case 'queued':
      return i18n.t('wf-stock-adjust:outcome.queued');
    case 'error':
      return o.message;
  }
}

export function adjustLogLine(state: AdjustState): LogLine {
  const o = state.outcome;
  if (o?.kind === 'error')
    return {
      tone: o.reason === 'unknownItem' || o.reason === 'notStock' ? 'notFound' : 'error',
      result: outcomeText(state),
    };
  return { tone: o?.kind === 'itemShown' ? 'info' : 'success', result: outcomeText(state) };
}
