/**
 * "Move back" from a move's log line: the item (or the part split off it) goes back whole to where
 * it was, with a stock transfer (moveRunner.moveBack). The sentence is said before anything is sent.
 */
import { i18n } from '../../i18n/i18n.ts';
import { formatQuantity } from '../../i18n/format.ts';
import type { UndoOffer } from '../kit/undo.ts';
import type { MoveRow } from './moveTypes.ts';
import { fromText, itemText, type Names } from './moveView.ts';

function what(row: MoveRow): string {
  const item = itemText(row);
  return row.split && row.quantity !== null
    ? i18n.t('wf-stock-move:names.splitOff', { quantity: formatQuantity(row.quantity), item })
    : item;
}

function from(row: MoveRow, names: Names): string {
  return fromText(row, names) ?? i18n.t('wf-stock-move:names.whereItWas');
}

/** Offered once a move is done and where it came from is known (not for a move queued offline). */
export function moveUndoOffer(row: MoveRow, names: Names): UndoOffer | null {
  if (row.status !== 'moved' || row.from === null) return null;
  return {
    label: i18n.t('wf-stock-move:undo.label'),
    confirm: i18n.t('wf-stock-move:undo.confirm', {
      what: what(row),
      to: names.location(row.to),
      from: from(row, names),
    }),
    ref: String(row.id),
  };
}

export function movedBackText(row: MoveRow, names: Names): string {
  return i18n.t('wf-stock-move:undo.done', { what: what(row), from: from(row, names) });
}
