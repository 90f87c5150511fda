/**
 * The po-allocate machine's types: request bodies, effects, offers, outcomes, state and events
 * (split from poAllocateMachine.ts so the machine file stays small).
 */
import type { Page, PoAllocateResult, ScanResult } from '../../api/barcode.ts';
import { PO_STATUS, type PurchaseOrderLine, type SupplierPart } from '../../api/lists.ts';
import type { BarcodeModel } from '../../api/models.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { FailureReason } from '../kit/failure.ts';
import type { AnswerEvent, ScanEventOf, Transition, Work } from '../kit/machine.ts';

export interface PoAllocateBody {
  barcode: string;
  purchase_order: number;
}

export interface PoLineBody {
  order: number;
  /** Supplier part pk (InvenTree's field name is `part`). */
  part: number;
  quantity: number;
}

export type PoAllocateEffect =
  | { kind: 'allocate'; request: PoAllocateBody }
  /** POST /api/barcode/ — what is this barcode, after po-allocate said only "Invalid input."? */
  | { kind: 'identify'; barcode: string }
  /** GET /api/company/part/{pk}/ — whose supplier part is it? */
  | { kind: 'supplierPart'; barcode: string; pk: number }
  /** GET /api/company/part/?{filter}={pk}&supplier={supplier}&limit=1 — how many supplier parts the order's supplier has for it. */
  | { kind: 'countSupplierParts'; barcode: string; model: 'part' | 'manufacturerpart'; pk: number; supplier: number }
  | { kind: 'createLine'; offerId: number; request: PoLineBody };

/** A matched supplier part waiting for the user to add it as a line. */
export interface LineOffer {
  id: number;
  barcode: string;
  supplierPart: number;
  /** What was scanned (part, manufacturer part or the supplier part itself). */
  scanned: { model: BarcodeModel; pk: number } | null;
  quantity: number;
}

export type PoAllocateErrorReason =
  | 'noOrder'
  | 'orderNotPending'
  | 'wrongSupplier'
  | 'noSupplierPart'
  | 'multipleSupplierParts'
  | 'notPart'
  | 'unknownBarcode'
  | 'unexplained'
  | 'lineRejected'
  | FailureReason
  | 'invalid';

export type PoAllocateOutcome =
  | {
      kind: 'offered';
      offerId: number;
      barcode: string;
      supplierPart: number;
      scanned: LineOffer['scanned'];
      repeated: boolean;
    }
  | { kind: 'lineAdded'; order: number; line: number | null; supplierPart: number; quantity: number; barcode: string }
  | { kind: 'error'; reason: PoAllocateErrorReason; message: string; status: number; barcode: string | null };

export interface PoAllocateState extends Work<PoAllocateEffect> {
  order: number | null;
  /** The order's supplier (company pk) and name, for diagnosing and wording failures. */
  supplier: number | null;
  supplierName: string | null;
  /** Newest first. */
  offers: LineOffer[];
  outcome: PoAllocateOutcome | null;
  nextOfferId: number;
  /** Status of the chosen order when known: po-allocate takes only a PENDING order (BEHAVIOUR.md 2.5). */
  orderStatus: number | null;
}

/** Why the chosen order cannot take new lines by barcode (null: it can, or its status is unknown). */
export function poAllocateOrderProblem(state: Pick<PoAllocateState, 'order' | 'orderStatus'>): string | null {
  const { order, orderStatus: status } = state;
  if (order === null || status === null || status === PO_STATUS.pending) return null;
  const word =
    status === PO_STATUS.placed
      ? i18n.t('wf-po-allocate:problem.status.placed')
      : status === PO_STATUS.onHold
        ? i18n.t('wf-po-allocate:problem.status.onHold')
        : status === PO_STATUS.complete
          ? i18n.t('wf-po-allocate:problem.status.complete')
          : status === PO_STATUS.cancelled
            ? i18n.t('wf-po-allocate:problem.status.cancelled')
            : i18n.t('wf-po-allocate:problem.status.notPending');
  return i18n.t('wf-po-allocate:problem.onlyPending', { status: word });
}

export type PoAllocateEvent =
  | { type: 'setOrder'; order: number | null }
  | { type: 'setSupplier'; supplier: number | null; name?: string | null }
  | { type: 'setOrderStatus'; order: number; status: number | null }
  | ScanEventOf
  | { type: 'setOfferQuantity'; id: number; quantity: number }
  | { type: 'addLine'; id: number }
  | { type: 'dismissOffer'; id: number }
  | AnswerEvent<'allocate', PoAllocateResult>
  | AnswerEvent<'identify', ScanResult>
  | AnswerEvent<'supplierPart', SupplierPartDetail>
  | AnswerEvent<'countSupplierParts', Page<SupplierPart>>
  | AnswerEvent<'createLine', PurchaseOrderLine>;

/** `supplier_detail=true` adds the supplier (not in the OpenAPI file; v291 honours it). */
export type SupplierPartDetail = SupplierPart & { supplier_detail?: { name?: string } | null };

export type PoAllocateStep = Transition<PoAllocateState, PoAllocateEffect>;
