/**
 * Adjust stock by scanning (/stock/adjust?item=N) as a pure state machine: scan an item label (or
 * open it by URL), then add or remove a quantity with a reason note. The item is read back after
 * the write, because InvenTree answers with an echo of the request, not the result
 * (STOCK-OPERATIONS.md): removing all of an item may delete it.
 */
import { positiveInt } from '../../api/answerFields.ts';
import type { StockItemView } from '../../api/stock.ts';
import { DEFAULT_SHORT_PREFIX, stockTargetFromBarcode } from '../../api/stockBarcode.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { stockWriteFailure } from '../kit/failure.ts';
import {
  begin,
  finish,
  nextQueued,
  scanOrQueue,
  stay,
  type AnswerEvent,
  type QueuedEvent,
  type Work,
} from '../kit/machine.ts';

export type AdjustMode = 'add' | 'remove';

export type AdjustEffect =
  | { kind: 'identify'; barcode: string }
  | { kind: 'readItem'; pk: number; barcode: string | null }
  | { kind: 'adjust'; mode: AdjustMode; item: number; quantity: number; note: string };

export type AdjustValue =
  | { kind: 'match'; model: string; pk: number }
  | { kind: 'noMatch' }
  | { kind: 'item'; item: StockItemView | null }
  /** After the write: the item as it is now (null: it was used up and deleted). */
  | { kind: 'adjusted'; item: StockItemView | null };

export type AdjustOutcome =
  | { kind: 'itemShown' }
  | {
      kind: 'adjusted';
      mode: AdjustMode;
      quantity: number;
      before: number;
      after: number | null;
      partName: string;
      pk: number;
    }
  | { kind: 'queued'; id: string; reason: string | null }
  | { kind: 'error'; reason: 'notStock' | 'unknownItem' | 'serialized' | 'forbidden' | 'request'; message: string };

export interface AdjustState extends Work<AdjustEffect> {
  item: StockItemView | null;
  mode: AdjustMode;
  quantity: number | null;
  note: string;
  shortPrefix: string;
  outcome: AdjustOutcome | null;
  /** Scans answered so far (one session-log line each). */
  ended: number;
}

export type AdjustEvent =
  | { type: 'scan'; scan: ScanEvent }
  | AnswerEvent<AdjustEffect['kind'], AdjustValue>
  | QueuedEvent
  | { type: 'open'; pk: number }
  | { type: 'setMode'; mode: AdjustMode }
  | { type: 'setQuantity'; quantity: number | null }
  | { type: 'setNote'; note: string }
  | { type: 'setShortPrefix'; prefix: string }
  | { type: 'submit' };

type T = { state: AdjustState; effect: AdjustEffect | null };

export function initialAdjustState(): AdjustState {
  return {
    item: null,
    mode: 'add',
    quantity: null,
    note: '',
    shortPrefix: DEFAULT_SHORT_PREFIX,
    outcome: null,
    ended: 0,
    inFlight: null,
    queue: [],
  };
}

/** `?item=N` opens that item at once (the page dispatches `open`). */
export function adjustItemFromUrl(params: URLSearchParams): number | null {
  return positiveInt(params.get('item'));
}

export function adjustQuery(state: AdjustState): string {
  return state.item ? `item=${state.item.pk}` : '';
}

function done(state: AdjustState, fromScan: boolean): T {
  return nextQueued(finish(fromScan ? { ...state, ended: state.ended + 1 } : state), startScan);
}

function startScan(state: AdjustState, barcode: string): T {
  const target = stockTargetFromBarcode(barcode, state.shortPrefix);
  if (!target) return begin(state, { kind: 'identify', barcode });
  if (target.model !== 'stockitem')
    return done(
      {
        ...state,
        outcome: { kind: 'error', reason: 'notStock', message: i18n.t('wf-stock-adjust:error.notStock') },
      },
      true,
    );
  return begin(state, { kind: 'readItem', pk: target.pk, barcode });
}

function onAnswer(state: AdjustState, effect: AdjustEffect, value: AdjustValue): T {
  switch (effect.kind) {
    case 'identify':
      if (value.kind === 'match' && value.model === 'stockitem')
        return begin(finish(state), { kind: 'readItem', pk: value.pk, barcode: effect.barcode });
      return done(
        {
          ...state,
          outcome: { kind: 'error', reason: 'notStock', message: i18n.t('wf-stock-adjust:error.unknownBarcode') },
        },
        true,
      );
    case 'readItem': {
      const fromScan = effect.barcode !== null;
      const item = value.kind === 'item' ? value.item : null;
      if (!item)
        return done(
          {
            ...state,
            outcome: {
              kind: 'error',
              reason: 'unknownItem',
              message: i18n.t('wf-stock-adjust:error.noSuchItem', { pk: effect.pk }),
            },
          },
          fromScan,
        );
      return done({ ...state, item, quantity: null, outcome: { kind: 'itemShown' } }, fromScan);
    }
    case 'adjust': {
      const after = value.kind === 'adjusted' ? value.item : null;
      const before = state.item;
      const outcome: AdjustOutcome = {
        kind: 'adjusted',
        mode: effect.mode,
        quantity: effect.quantity,
        before: before?.quantity ?? 0,
        after: after?.quantity ?? null,
        partName: before?.partName ?? '',
        pk: effect.item,
      };
      return done({ ...state, item: after, quantity: null, note: '', outcome }, false);
    }
  }
}

export function adjustStep(state: AdjustState, event: AdjustEvent): T {
  switch (event.type) {
    case 'scan':
      if (event.scan.text.trim() === '') return stay(state);
      return scanOrQueue(state, event.scan.text, startScan);
    case 'open':
      if (state.inFlight) return stay(state);
      return begin(state, { kind: 'readItem', pk: event.pk, barcode: null });
    case 'answer': {
      const effect = state.inFlight;
      if (!effect || effect.kind !== event.to) return stay(state);
      if (event.answer.kind === 'answered') return onAnswer(state, effect, event.answer.value);
      const text = stockWriteFailure(event.answer.failure, {
        afterServerError: i18n.t('wf-stock-adjust:error.afterServerError'),
      });
      const outcome: AdjustOutcome = {
        kind: 'error',
        reason: text.forbidden ? 'forbidden' : 'request',
        message: text.message,
      };
      return done(
        { ...state, outcome },
        effect.kind !== 'adjust' && !(effect.kind === 'readItem' && effect.barcode === null),
      );
    }
    case 'queued':
      return done(
        { ...state, quantity: null, note: '', outcome: { kind: 'queued', id: event.id, reason: event.reason } },
        false,
      );
    case 'setMode':
      return stay({ ...state, mode: event.mode });
    case 'setQuantity':
      return stay({ ...state, quantity: event.quantity });
    case 'setNote':
      return stay({ ...state, note: event.note });
    case 'setShortPrefix':
      return stay({ ...state, shortPrefix: event.prefix });
    case 'submit': {
      const item = state.item;
      if (!item || state.inFlight || state.quantity === null || state.quantity <= 0) return stay(state);
      if (item.serialized)
        return stay({
          ...state,
          outcome: {
            kind: 'error',
            reason: 'serialized',
            message: i18n.t('wf-stock-adjust:error.serialized'),
          },
        });
      return begin(state, {
        kind: 'adjust',
        mode: state.mode,
        item: item.pk,
        quantity: state.quantity,
        note: state.note,
      });
    }
  }
}
