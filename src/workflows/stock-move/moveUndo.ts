/**
 * "Move back" from a move's log line: the item (or the part split off it) goes back whole to where
 * it was, with a stock transfer (moveRunner.moveBack). The sentence is said before anything is sent.
 */
import { formatQuantity } from '../kit/text.ts';
import type { UndoOffer } from '../kit/undo.ts';
import type { MoveRow } from './moveTypes.ts';
import type { Names } from './moveView.ts';

function what(row: MoveRow): string {
  const item = `${row.partName ?? `Stock item #${row.item}`} (#${row.item})`;
  return row.split && row.quantity !== null ? `the ${formatQuantity(row.quantity)} split off ${item}` : item;
}

function from(row: MoveRow, names: Names): string {
  return row.fromName ?? (row.from !== null ? names.location(row.from) : 'where it was');
}

/** Offered once a move is done and where it came from is known (not for a move queued offline). */
export function moveUndoOffer(row: MoveRow, names: Names): UndoOffer | null {
  if (row.status !== 'moved' || row.from === null) return null;
  return {
    label: 'Move back',
    confirm: `Moves ${what(row)} from ${names.location(row.to)} back to ${from(row, names)}.`,
    ref: String(row.id),
  };
}

export function movedBackText(row: MoveRow, names: Names): string {
  return `Undone: ${what(row)} is back in ${from(row, names)}.`;
}
