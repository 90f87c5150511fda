/**
 * The move machine's types: effects, API values, rows, outcomes, state and events (split from
 * moveMachine.ts so the machine file stays small).
 */
import type { LocationView, StockItemView } from '../../api/stock.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import type { AnswerEvent, QueuedEvent, Work } from '../kit/machine.ts';

export type MoveEffect =
  /** POST /api/barcode/: a custom barcode; what does it name? */
  | { kind: 'identify'; barcode: string }
  | { kind: 'readLocation'; pk: number; barcode: string }
  /** GET the item (where it is, how much); offline answers `unknown`. */
  | { kind: 'readItem'; pk: number; barcode: string }
  /** POST /api/stock/transfer/ (or the offline queue). `quantity` null: whole item, read when sent. */
  | { kind: 'move'; rowId: number; item: number; quantity: number | null; location: number; barcode: string };

/** The typed results the page's API calls give (api/stock.ts, api/stockOnce.ts). */
export type MoveValue =
  | { kind: 'match'; model: string; pk: number }
  | { kind: 'noMatch' }
  | { kind: 'location'; location: LocationView | null }
  | { kind: 'item'; item: StockItemView | null }
  /** The item could not be read (offline): move it whole, from wherever it is. */
  | { kind: 'unknown' }
  | { kind: 'moved'; opId: string };

export type RowStatus = 'moving' | 'moved' | 'queued' | 'failed' | 'undone';

export interface MoveRow {
  id: number;
  barcode: string;
  item: number;
  partName: string | null;
  /** Moved quantity; null: the whole item (quantity unknown when scanned offline). */
  quantity: number | null;
  /** Less than the item had: the server split it (the moved part is a new item). */
  split: boolean;
  from: number | null;
  fromName: string | null;
  to: number;
  status: RowStatus;
  opId: string | null;
  queueId: string | null;
  message: string | null;
}

export type MoveOutcome =
  | { kind: 'locationSet'; location: number; name: string | null }
  | { kind: 'moved'; rowId: number }
  | { kind: 'queued'; rowId: number; queueId: string; reason: string | null; barcode: string }
  | { kind: 'alreadyThere'; item: number; partName: string; location: number }
  | { kind: 'undone'; rowId: number }
  | {
      kind: 'error';
      reason: 'noLocation' | 'notStock' | 'unknownItem' | 'notInStock' | 'structural' | 'request' | 'forbidden';
      message: string;
      status: number | null;
      barcode: string | null;
    };

export interface MoveState extends Work<MoveEffect> {
  location: number | null;
  locationName: string | null;
  shortPrefix: string;
  /** Quantity for the next item scan (a partial move); null: whole item. Used once. */
  quantity: number | null;
  /** Newest first. */
  rows: MoveRow[];
  outcome: MoveOutcome | null;
  nextRowId: number;
  /** Scans answered so far: the page resolves one session-log line per scan that ended in a step. */
  ended: number;
}

export type MoveEvent =
  | { type: 'scan'; scan: ScanEvent }
  | AnswerEvent<MoveEffect['kind'], MoveValue>
  | QueuedEvent
  | { type: 'setLocation'; location: number | null; name?: string | null }
  | { type: 'setQuantity'; quantity: number | null }
  | { type: 'setShortPrefix'; prefix: string }
  /** Moved back from the row's log line (the kit's undo): the row says so. */
  | { type: 'undone'; rowId: number };

export interface MoveStep {
  state: MoveState;
  effect: MoveEffect | null;
}
