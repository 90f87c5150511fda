/**
 * Move stock by scanning (/stock/move?location=N) as a pure state machine.
 *
 * A location label sets the destination, which stays until another location label is scanned.
 * Each stock item label then moves that item there, whole, or the quantity typed before the scan
 * (the server splits the item). Scans arriving while a request is in flight wait in `pending`, so
 * a gun burst is moved in scan order. `moveStep(state, event)` returns the next state and at most
 * one effect; the page runs the effect (API calls, offline queue) and answers with an event.
 */
import { positiveInt } from '../../api/answerFields.ts';
import type { RequestFailure } from '../../api/httpAnswer.ts';
import type { StockItemView } from '../../api/stock.ts';
import { DEFAULT_SHORT_PREFIX, stockTargetFromBarcode } from '../../api/stockBarcode.ts';
import { i18n } from '../../i18n/i18n.ts';
import { stockWriteFailure } from '../kit/failure.ts';
import { begin, finish, nextQueued, scanOrQueue, stay } from '../kit/machine.ts';
import type { MoveEffect, MoveEvent, MoveOutcome, MoveRow, MoveState, MoveStep, MoveValue } from './moveTypes.ts';

export type {
  MoveEffect,
  MoveEvent,
  MoveOutcome,
  MoveRow,
  MoveState,
  MoveStep,
  MoveValue,
  RowStatus,
} from './moveTypes.ts';

/** A refused move: after signing in the label is scanned again; a server failure moved nothing. */
const moveFailureWords = () => ({
  afterSignIn: i18n.t('wf-stock-move:error.afterSignIn'),
  afterServerError: i18n.t('wf-stock-move:error.afterServerError'),
});

export function initialMoveState(init: { location?: number | null } = {}): MoveState {
  return {
    location: init.location ?? null,
    locationName: null,
    shortPrefix: DEFAULT_SHORT_PREFIX,
    quantity: null,
    inFlight: null,
    queue: [],
    rows: [],
    outcome: null,
    nextRowId: 1,
    ended: 0,
  };
}

export function moveStateFromUrl(params: URLSearchParams): MoveState {
  return initialMoveState({ location: positiveInt(params.get('location')) });
}

export function moveQuery(state: MoveState): string {
  return state.location ? `location=${state.location}` : '';
}

const run = (state: MoveState, effect: MoveEffect): MoveStep => begin(state, effect);

/** A scan's last word: start the next waiting scan, if any. */
function idle(state: MoveState): MoveStep {
  return nextQueued(finish({ ...state, ended: state.ended + 1 }), startScan);
}

function fail(
  state: MoveState,
  reason: Extract<MoveOutcome, { kind: 'error' }>['reason'],
  message: string,
  barcode: string | null,
  status: number | null = null,
): MoveState {
  return { ...state, outcome: { kind: 'error', reason, message, barcode, status } };
}

function failWith(state: MoveState, failure: RequestFailure, barcode: string | null): MoveState {
  const text = stockWriteFailure(failure, moveFailureWords());
  return fail(state, text.forbidden ? 'forbidden' : 'request', text.message, barcode, failure.status);
}

function startScan(state: MoveState, barcode: string): MoveStep {
  const target = stockTargetFromBarcode(barcode, state.shortPrefix);
  if (!target) return run(state, { kind: 'identify', barcode });
  return targetScanned(state, target.model, target.pk, barcode);
}

function targetScanned(state: MoveState, model: string, pk: number, barcode: string): MoveStep {
  if (model === 'stocklocation') return run(state, { kind: 'readLocation', pk, barcode });
  if (model !== 'stockitem') return idle(fail(state, 'notStock', i18n.t('wf-stock-move:error.notStock'), barcode));
  if (state.location === null)
    return idle(fail(state, 'noLocation', i18n.t('wf-stock-move:error.noLocation'), barcode));
  return run(state, { kind: 'readItem', pk, barcode });
}

function updateRow(state: MoveState, id: number, patch: Partial<MoveRow>): MoveState {
  return { ...state, rows: state.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

function startMove(state: MoveState, barcode: string, pk: number, item: StockItemView | null): MoveStep {
  const location = state.location as number;
  const wanted = state.quantity;
  const quantity = item ? (wanted !== null && wanted > 0 && wanted < item.quantity ? wanted : item.quantity) : wanted;
  const row: MoveRow = {
    id: state.nextRowId,
    barcode,
    item: pk,
    partName: item?.partName ?? null,
    quantity,
    split: item !== null && quantity !== null && quantity < item.quantity && !item.serialized,
    from: item?.location ?? null,
    fromName: item?.locationName ?? null,
    to: location,
    status: 'moving',
    opId: null,
    queueId: null,
    message: null,
  };
  const next = { ...state, quantity: null, rows: [row, ...state.rows], nextRowId: state.nextRowId + 1 };
  return run(next, { kind: 'move', rowId: row.id, item: pk, quantity, location, barcode });
}

function onFailed(state: MoveState, effect: MoveEffect, failure: RequestFailure): MoveStep {
  const barcode = 'barcode' in effect ? effect.barcode : null;
  switch (effect.kind) {
    case 'readLocation':
      // No answer (offline): the label still names the location.
      if (failure.status === 0)
        return idle({
          ...state,
          location: effect.pk,
          locationName: null,
          outcome: { kind: 'locationSet', location: effect.pk, name: null },
        });
      return idle(failWith(state, failure, barcode));
    case 'readItem':
      // Offline: the item cannot be read; it is queued to move whole, from wherever it is.
      if (failure.status === 0) return startMove(finish(state), effect.barcode, effect.pk, null);
      return idle(failWith(state, failure, barcode));
    case 'move':
      return idle(
        failWith(
          updateRow(state, effect.rowId, {
            status: 'failed',
            message: stockWriteFailure(failure, moveFailureWords()).message,
          }),
          failure,
          barcode,
        ),
      );
    case 'identify':
      return idle(failWith(state, failure, barcode));
  }
}

function onAnswer(state: MoveState, effect: MoveEffect, answer: MoveValue): MoveStep {
  switch (effect.kind) {
    case 'identify':
      if (answer.kind === 'match') return targetScanned(finish(state), answer.model, answer.pk, effect.barcode);
      return idle(fail(state, 'notStock', i18n.t('wf-stock-move:error.unknownBarcode'), effect.barcode));
    case 'readLocation': {
      const loc = answer.kind === 'location' ? answer.location : null;
      if (loc === null)
        return idle(
          fail(state, 'notStock', i18n.t('wf-stock-move:error.noSuchLocation', { pk: effect.pk }), effect.barcode),
        );
      if (loc.structural)
        return idle(
          fail(
            state,
            'structural',
            i18n.t('wf-stock-move:error.structural', { location: loc.pathstring || loc.name }),
            effect.barcode,
          ),
        );
      const name = loc.pathstring || loc.name;
      return idle({
        ...state,
        location: effect.pk,
        locationName: name,
        outcome: { kind: 'locationSet', location: effect.pk, name },
      });
    }
    case 'readItem': {
      if (answer.kind === 'unknown') return startMove(finish(state), effect.barcode, effect.pk, null);
      const item = answer.kind === 'item' ? answer.item : null;
      if (!item)
        return idle(
          fail(state, 'unknownItem', i18n.t('wf-stock-move:error.noSuchItem', { pk: effect.pk }), effect.barcode),
        );
      if (!item.inStock)
        return idle(
          fail(
            state,
            'notInStock',
            i18n.t('wf-stock-move:error.notInStock', {
              item: i18n.t('wf-stock-move:names.item', { part: item.partName, pk: item.pk }),
            }),
            effect.barcode,
          ),
        );
      const whole = state.quantity === null || state.quantity >= item.quantity;
      if (item.location === state.location && whole) {
        return idle({
          ...state,
          quantity: null,
          outcome: { kind: 'alreadyThere', item: item.pk, partName: item.partName, location: state.location as number },
        });
      }
      return startMove(finish(state), effect.barcode, effect.pk, item);
    }
    case 'move':
      if (answer.kind !== 'moved') return idle(state);
      return idle({
        ...updateRow(state, effect.rowId, { status: 'moved', opId: answer.opId }),
        outcome: { kind: 'moved', rowId: effect.rowId },
      });
  }
}

export function moveStep(state: MoveState, event: MoveEvent): MoveStep {
  switch (event.type) {
    case 'scan':
      if (event.scan.text.trim() === '') return stay(state);
      return scanOrQueue(state, event.scan.text, startScan);
    case 'answer': {
      const effect = state.inFlight;
      if (!effect || effect.kind !== event.to) return stay(state);
      return event.answer.kind === 'answered'
        ? onAnswer(state, effect, event.answer.value)
        : onFailed(state, effect, event.answer.failure);
    }
    case 'queued': {
      // The offline queue took the move: it is sent (once) when the server can take it.
      const effect = state.inFlight;
      if (!effect || effect.kind !== 'move') return stay(state);
      const next = updateRow(state, effect.rowId, { status: 'queued', queueId: event.id });
      return idle({
        ...next,
        outcome: {
          kind: 'queued',
          rowId: effect.rowId,
          queueId: event.id,
          reason: event.reason,
          barcode: effect.barcode,
        },
      });
    }
    case 'setLocation':
      return stay({ ...state, location: event.location, locationName: event.name ?? null });
    case 'setQuantity':
      return {
        state: { ...state, quantity: event.quantity !== null && event.quantity > 0 ? event.quantity : null },
        effect: null,
      };
    case 'setShortPrefix':
      return { state: { ...state, shortPrefix: event.prefix }, effect: null };
    case 'undone': {
      // The move back ran from the row's log line (the kit's undo); the machine's scans go on meanwhile.
      const row = state.rows.find((r) => r.id === event.rowId);
      if (!row || row.status !== 'moved') return stay(state);
      return stay({ ...updateRow(state, row.id, { status: 'undone' }), outcome: { kind: 'undone', rowId: row.id } });
    }
  }
}
