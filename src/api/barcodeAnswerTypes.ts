/**
 * The typed results of every barcode endpoint (success or barcode-level failure), split from
 * barcodeAnswers.ts, which parses HTTP answers into them.
 */
import type { BarcodeMatch, BarcodeModel } from './models.ts';

/** Why a barcode answer is a failure, for workflows that branch on it. */
export type BarcodeFailureCode =
  | 'no-match' // nothing knows this barcode
  | 'already-assigned' // link: the barcode already belongs to an object
  | 'already-received' // po-receive: this label was received before
  | 'needs-choice' // the server needs an order/line/shipment chosen first
  | 'no-shipment' // so-allocate answered 200 but allocated nothing (no single open shipment)
  | 'not-found' // the target object does not exist
  | 'error';

export interface AnswerBase {
  /** HTTP status of the answer (200 or 400). */
  status: number;
  /** Plugin NAME that answered (e.g. "InvenTreeBarcode", "DigiKeyPlugin"); null when none. */
  plugin: string | null;
  /** The barcode as the server stored it (trimmed); null when the answer did not echo it. */
  barcodeData: string | null;
  barcodeHash: string | null;
  /** Every matched object in the answer (v291: at most one; newer supplier plugins: several). */
  matches: BarcodeMatch[];
  /** The most specific matched object, if any. */
  match: BarcodeMatch | null;
  /** The answer body as received (JSON value). */
  raw: unknown;
}

export interface BarcodeFailure extends AnswerBase {
  ok: false;
  code: BarcodeFailureCode;
  /** A clear sentence for the user. */
  message: string;
  nextStep: string | null;
  /** The server's own error text, unwrapped from any Python repr. */
  serverError: string;
}

export interface ScanSuccess extends AnswerBase {
  ok: true;
  match: BarcodeMatch;
  success: string;
}
export type ScanResult = ScanSuccess | BarcodeFailure;

export interface LinkSuccess extends AnswerBase {
  ok: true;
  model: BarcodeModel;
  pk: number;
  success: string;
}
export type LinkResult = LinkSuccess | BarcodeFailure;

export interface UnlinkSuccess extends AnswerBase {
  ok: true;
  success: string;
}
export type UnlinkResult = UnlinkSuccess | BarcodeFailure;

export interface PoAllocateSuccess extends AnswerBase {
  ok: true;
  /** The supplier part to add to the order (the endpoint does not change the order itself). */
  supplierPart: BarcodeMatch;
  success: string;
}
export type PoAllocateResult = PoAllocateSuccess | BarcodeFailure;

export interface ReceivedLine {
  /** Purchase order line pk. */
  pk: number;
  purchaseOrder: number | null;
  /** Quantity on the label (v293+: always present). */
  quantity: number | null;
  location: number | null;
  supplierPart: number | null;
}

export interface PoReceiveSuccess extends AnswerBase {
  ok: true;
  /** 'received': stock was created. 'action-required': nothing received; ask for quantity/location and use receivePurchaseOrder(). */
  outcome: 'received' | 'action-required';
  lineItem: ReceivedLine;
  /** Server's success or action_required text. */
  message: string;
}
export type PoReceiveResult = PoReceiveSuccess | BarcodeFailure;

export interface SoAllocateSuccess extends AnswerBase {
  ok: true;
  outcome: 'allocated';
  stockItem: number;
  part: number | null;
  salesOrder: number;
  lineItem: number;
  shipment: number | null;
  quantity: number;
  success: string;
}
/** A so-allocate failure keeps what the server echoed: the item, line and quantity it looked at. */
export interface SoAllocateFailure extends BarcodeFailure {
  stockItem: number | null;
  lineItem: number | null;
  quantity: number | null;
}
export type SoAllocateResult = SoAllocateSuccess | SoAllocateFailure;
