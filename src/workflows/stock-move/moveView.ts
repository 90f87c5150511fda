/** The Move page's words: outcome sentences and session-log lines. Pure. */
import { i18n } from '../../i18n/i18n.ts';
import { formatQuantity } from '../../i18n/format.ts';
import type { LogLine } from '../kit/useWorkflow.ts';
import type { MoveOutcome, MoveRow, MoveState } from './moveMachine.ts';

export interface Names {
  location: (pk: number) => string;
}

/** "1551ABK (#408)"; an item read offline has no part name yet. */
export function itemText(row: Pick<MoveRow, 'partName' | 'item'>): string {
  const part = row.partName ?? i18n.t('wf-stock-move:names.stockItem', { pk: row.item });
  return i18n.t('wf-stock-move:names.item', { part, pk: row.item });
}

/** Where the row's item came from, or null when it was moved offline without being read. */
export function fromText(row: MoveRow, names: Names): string | null {
  return row.fromName ?? (row.from ? names.location(row.from) : null);
}

function movedText(r: MoveRow, names: Names): string {
  const from = fromText(r, names);
  const values = { item: itemText(r), to: names.location(r.to), from };
  if (r.split && r.quantity !== null) {
    const quantity = formatQuantity(r.quantity);
    return from
      ? i18n.t('wf-stock-move:outcome.movedPart', { ...values, from, quantity })
      : i18n.t('wf-stock-move:outcome.movedPartFromUnknown', { ...values, quantity });
  }
  return from
    ? i18n.t('wf-stock-move:outcome.moved', { ...values, from })
    : i18n.t('wf-stock-move:outcome.movedFromUnknown', values);
}

export function outcomeText(state: MoveState, o: MoveOutcome, names: Names): string {
  switch (o.kind) {
    case 'locationSet':
      return i18n.t('wf-stock-move:outcome.locationSet', { location: o.name ?? names.location(o.location) });
    case 'alreadyThere':
      return i18n.t('wf-stock-move:outcome.alreadyThere', {
        item: i18n.t('wf-stock-move:names.item', { part: o.partName, pk: o.item }),
        location: names.location(o.location),
      });
    case 'moved':
    case 'undone': {
      const r = state.rows.find((row) => row.id === o.rowId);
      if (!r) return '';
      if (o.kind === 'moved') return movedText(r, names);
      const from = fromText(r, names);
      return from
        ? i18n.t('wf-stock-move:outcome.movedBack', { item: itemText(r), from })
        : i18n.t('wf-stock-move:outcome.movedBackUnknown', { item: itemText(r) });
    }
    case 'queued':
      return i18n.t('wf-stock-move:outcome.queued');
    case 'error':
      return o.message;
  }
}

export function moveLogLine(state: MoveState, names: Names): LogLine {
  const o = state.outcome;
  if (!o) return { tone: 'info', result: '' };
  const text = outcomeText(state, o, names);
  if (o.kind === 'error')
    return { tone: o.reason === 'unknownItem' || o.reason === 'notStock' ? 'notFound' : 'error', result: text };
  if (o.kind === 'alreadyThere' || o.kind === 'locationSet') return { tone: 'info', result: text };
  return { tone: 'success', result: text };
}
