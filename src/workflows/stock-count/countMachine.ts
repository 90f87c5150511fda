/**
 * Count a bin (/stock/count?location=N) as a pure state machine. A location label (or the URL)
 * loads the items InvenTree holds there (expected quantities). Each item label counts it: +1 per
 * scan, or the quantity typed. Items that belong elsewhere are "found here" (with "move here");
 * expected items not scanned are "missing". Nothing is sent until Submit: one
 * `POST /api/stock/count/` for the counted items here, then the tracking entries say what changed.
 */
import { positiveInt } from '../../api/answerFields.ts';
import type { LocationView, StockItemView } from '../../api/stock.ts';
import { DEFAULT_SHORT_PREFIX, stockTargetFromBarcode } from '../../api/stockBarcode.ts';
import { formatQuantity } from '../../i18n/format.ts';
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

export interface CountLine {
  item: StockItemView;
  counted: number;
  /** At this location (expected, or moved here); false: found here but InvenTree has it elsewhere. */
  here: boolean;
}

export interface CountChange {
  pk: number;
  partName: string;
  before: number;
  after: number | null;
}

export type CountEffect =
  | { kind: 'identify'; barcode: string }
  | { kind: 'loadLocation'; pk: number; barcode: string | null }
  | { kind: 'readItem'; pk: number; barcode: string }
  | { kind: 'moveHere'; pk: number; location: number }
  | { kind: 'submit'; location: number; lines: { pk: number; quantity: number }[]; note: string };

export type CountValue =
  | { kind: 'match'; model: string; pk: number }
  | { kind: 'noMatch' }
  | { kind: 'location'; location: LocationView | null; items: StockItemView[] }
  | { kind: 'item'; item: StockItemView | null }
  | { kind: 'moved' }
  /** The server's tracking entries of the count, per item: the new quantity (null: deleted). */
  | { kind: 'counted'; after: { pk: number; quantity: number | null }[] };

export type CountOutcome =
  | { kind: 'info'; message: string }
  | { kind: 'submitted'; changes: CountChange[] }
  | { kind: 'queued'; id: string; reason: string | null }
  | { kind: 'error'; forbidden: boolean; message: string };

export interface CountState extends Work<CountEffect> {
  location: number | null;
  locationName: string | null;
  expected: StockItemView[] | null;
  lines: CountLine[];
  /** Quantity for the next item scan; null: +1. */
  quantityNext: number | null;
  note: string;
  shortPrefix: string;
  outcome: CountOutcome | null;
  ended: number;
}

export type CountEvent =
  | { type: 'scan'; scan: ScanEvent }
  | AnswerEvent<CountEffect['kind'], CountValue>
  | QueuedEvent
  | { type: 'open'; pk: number }
  | { type: 'restore'; lines: CountLine[] }
  | { type: 'setCount'; pk: number; counted: number }
  | { type: 'setQuantityNext'; quantity: number | null }
  | { type: 'setNote'; note: string }
  | { type: 'moveHere'; pk: number }
  | { type: 'setShortPrefix'; prefix: string }
  | { type: 'submit' };

type T = { state: CountState; effect: CountEffect | null };

export function initialCountState(location: number | null = null): CountState {
  return {
    location,
    locationName: null,
    expected: null,
    lines: [],
    quantityNext: null,
    note: '',
    shortPrefix: DEFAULT_SHORT_PREFIX,
    outcome: null,
    ended: 0,
    inFlight: null,
    queue: [],
  };
}

export function countLocationFromUrl(params: URLSearchParams): number | null {
  return positiveInt(params.get('location'));
}

export function countQuery(state: CountState): string {
  return state.location ? `location=${state.location}` : '';
}

/** Expected items not counted. */
export function missingItems(state: CountState): StockItemView[] {
  return (state.expected ?? []).filter((i) => !state.lines.some((l) => l.item.pk === i.pk));
}

function done(state: CountState, fromScan: boolean): T {
  return nextQueued(finish(fromScan ? { ...state, ended: state.ended + 1 } : state), startScan);
}

const info = (state: CountState, message: string): CountState => ({ ...state, outcome: { kind: 'info', message } });

function countItem(state: CountState, item: StockItemView, here: boolean): CountState {
  const existing = state.lines.find((l) => l.item.pk === item.pk);
  const q = state.quantityNext;
  const counted = q !== null ? q : (existing?.counted ?? 0) + 1;
  const lines = existing
    ? state.lines.map((l) => (l.item.pk === item.pk ? { ...l, counted } : l))
    : [...state.lines, { item, counted, here }];
  const values = {
    item: i18n.t('wf-stock-count:names.item', { part: item.partName, pk: item.pk }),
    counted: formatQuantity(counted),
  };
  const text = here
    ? i18n.t('wf-stock-count:info.counted', values)
    : i18n.t('wf-stock-count:info.countedFound', {
        ...values,
        location: item.locationName ?? i18n.t('wf-stock-count:info.anotherLocation'),
      });
  return info({ ...state, lines, quantityNext: null }, text);
}

function startScan(state: CountState, barcode: string): T {
  const target = stockTargetFromBarcode(barcode, state.shortPrefix);
  if (!target) return begin(state, { kind: 'identify', barcode });
  if (target.model === 'stocklocation') return begin(state, { kind: 'loadLocation', pk: target.pk, barcode });
  if (state.location === null || state.expected === null)
    return done(info(state, i18n.t('wf-stock-count:info.locationFirst')), true);
  const expected = state.expected.find((i) => i.pk === target.pk);
  if (expected) return done(countItem(state, expected, true), true);
  const line = state.lines.find((l) => l.item.pk === target.pk);
  if (line) return done(countItem(state, line.item, line.here), true);
  return begin(state, { kind: 'readItem', pk: target.pk, barcode });
}

function onAnswer(state: CountState, effect: CountEffect, value: CountValue): T {
  switch (effect.kind) {
    case 'identify':
      if (value.kind === 'match' && value.model === 'stocklocation')
        return begin(finish(state), { kind: 'loadLocation', pk: value.pk, barcode: effect.barcode });
      if (value.kind === 'match' && value.model === 'stockitem')
        return startScan(finish(state), `{"stockitem": ${value.pk}}`);
      return done(info(state, i18n.t('wf-stock-count:info.unknownBarcode')), true);
    case 'loadLocation': {
      if (value.kind !== 'location' || !value.location)
        return done(
          info(state, i18n.t('wf-stock-count:info.noSuchLocation', { pk: effect.pk })),
          effect.barcode !== null,
        );
      const keep = state.location === effect.pk ? state.lines : [];
      const next = {
        ...state,
        location: effect.pk,
        locationName: value.location.pathstring || value.location.name,
        expected: value.items,
        lines: keep,
      };
      return done(
        info(next, i18n.t('wf-stock-count:info.counting', { location: next.locationName, count: value.items.length })),
        effect.barcode !== null,
      );
    }
    case 'readItem': {
      const item = value.kind === 'item' ? value.item : null;
      if (!item) return done(info(state, i18n.t('wf-stock-count:info.noSuchItem', { pk: effect.pk })), true);
      return done(countItem(state, item, item.location === state.location), true);
    }
    case 'moveHere': {
      const lines = state.lines.map((l) =>
        l.item.pk === effect.pk
          ? { ...l, here: true, item: { ...l.item, location: effect.location, locationName: state.locationName } }
          : l,
      );
      return done(info({ ...state, lines }, i18n.t('wf-stock-count:info.movedHere', { pk: effect.pk })), false);
    }
    case 'submit': {
      const after = value.kind === 'counted' ? value.after : [];
      const changes: CountChange[] = effect.lines.map((l) => {
        const line = state.lines.find((x) => x.item.pk === l.pk);
        const a = after.find((x) => x.pk === l.pk);
        return {
          pk: l.pk,
          partName: line?.item.partName ?? '',
          before: line?.item.quantity ?? 0,
          after: a ? a.quantity : null,
        };
      });
      return done({ ...state, lines: [], expected: null, outcome: { kind: 'submitted', changes } }, false);
    }
  }
}

export function countStep(state: CountState, event: CountEvent): T {
  switch (event.type) {
    case 'scan':
      if (event.scan.text.trim() === '') return stay(state);
      return scanOrQueue(state, event.scan.text, startScan);
    case 'open':
      return state.inFlight ? stay(state) : begin(state, { kind: 'loadLocation', pk: event.pk, barcode: null });
    case 'restore':
      return stay({ ...state, lines: event.lines });
    case 'answer': {
      const effect = state.inFlight;
      if (!effect || effect.kind !== event.to) return stay(state);
      if (event.answer.kind === 'answered') return onAnswer(state, effect, event.answer.value);
      const text = stockWriteFailure(event.answer.failure, {
        afterServerError: i18n.t('wf-stock-count:info.afterServerError'),
      });
      const fromScan =
        effect.kind === 'identify' ||
        effect.kind === 'readItem' ||
        (effect.kind === 'loadLocation' && effect.barcode !== null);
      return done({ ...state, outcome: { kind: 'error', forbidden: text.forbidden, message: text.message } }, fromScan);
    }
    case 'queued':
      return done(
        { ...state, lines: [], expected: null, outcome: { kind: 'queued', id: event.id, reason: event.reason } },
        false,
      );
    case 'setCount':
      return stay({
        ...state,
        lines: state.lines.map((l) => (l.item.pk === event.pk ? { ...l, counted: Math.max(0, event.counted) } : l)),
      });
    case 'setQuantityNext':
      return stay({ ...state, quantityNext: event.quantity });
    case 'setNote':
      return stay({ ...state, note: event.note });
    case 'setShortPrefix':
      return stay({ ...state, shortPrefix: event.prefix });
    case 'moveHere':
      if (state.inFlight || state.location === null) return stay(state);
      return begin(state, { kind: 'moveHere', pk: event.pk, location: state.location });
    case 'submit': {
      const lines = state.lines.filter((l) => l.here).map((l) => ({ pk: l.item.pk, quantity: l.counted }));
      if (state.inFlight || state.location === null || lines.length === 0) return stay(state);
      return begin(state, { kind: 'submit', location: state.location, lines, note: state.note });
    }
  }
}
