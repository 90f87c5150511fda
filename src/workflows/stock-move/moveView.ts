/** The Move page's words: outcome sentences and session-log lines. Pure. */
import { formatQuantity } from '../kit/text.ts';
import type { LogLine } from '../kit/useWorkflow.ts';
import type { MoveOutcome, MoveState } from './moveMachine.ts';

export interface Names {
  location: (pk: number) => string;
}

export function outcomeText(state: MoveState, o: MoveOutcome, names: Names): string {
  switch (o.kind) {
    case 'locationSet':
      return `Items you scan now move to ${o.name ?? names.location(o.location)}.`;
    case 'alreadyThere':
      return `${o.partName} (#${o.item}) is already in ${names.location(o.location)}: nothing moved.`;
    case 'moved':
    case 'undone': {
      const r = state.rows.find((row) => row.id === o.rowId);
      if (!r) return '';
      const what = `${r.partName ?? `Stock item #${r.item}`} (#${r.item})`;
      const qty = r.quantity === null ? '' : r.split ? `${formatQuantity(r.quantity)} of ` : '';
      const from = r.fromName ?? (r.from ? names.location(r.from) : null);
      return o.kind === 'moved'
        ? `Moved ${qty}${what}${from ? ` from ${from}` : ''} to ${names.location(r.to)}.`
        : `Moved ${what} back to ${from ?? 'where it was'}.`;
    }
    case 'queued':
      return 'Kept on this device; it is sent once the server can take it.';
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
