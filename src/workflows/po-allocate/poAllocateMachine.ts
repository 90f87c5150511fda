/**
 * Adding scanned parts to a pending purchase order, as a pure state machine
 * (`POST /api/barcode/po-allocate/`, BEHAVIOUR.md 2.5).
 *
 * po-allocate only says which supplier part of the order's supplier a barcode is; it changes
 * nothing. The matched supplier part is offered as a new line with a quantity, and the user's "add"
 * creates it with `POST /api/order/po-line/`.
 *
 * Every po-allocate failure in v291 is a bare `["Invalid input."]`. To say why, the machine asks
 * the generic scan endpoint what the barcode is, then (for a part or manufacturer part) counts that
 * object's supplier parts from the order's supplier, or (for a supplier part) reads its supplier.
 */
import { positiveInt } from '../../api/answerFields.ts';
import type { Page, PoAllocateResult, ScanResult } from '../../api/barcode.ts';
import { extractFieldErrors } from '../../api/errorMapping.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import type { PurchaseOrderLine, SupplierPart } from '../../api/lists.ts';
import { modelName, type BarcodeModel } from '../../api/models.ts';
import { failureOutcome, serverReason, type FailureReason } from '../kit/failure.ts';
import { begin, finish, stay, type AnswerEvent, type ScanEventOf, type Transition, type Work } from '../kit/machine.ts';
import { capitalise as capital } from '../kit/text.ts';

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
}

export type PoAllocateEvent =
  | { type: 'setOrder'; order: number | null }
  | { type: 'setSupplier'; supplier: number | null; name?: string | null }
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

const WORDS = {
  forbidden: 'Your InvenTree account may not change purchase orders (it needs the Purchase orders "add" right).',
};

export function initialPoAllocateState(init: { order?: number | null } = {}): PoAllocateState {
  return {
    order: init.order ?? null,
    supplier: null,
    supplierName: null,
    inFlight: null,
    queue: [],
    offers: [],
    outcome: null,
    nextOfferId: 1,
  };
}

/** `/purchasing/add?order=3`. */
export function poAllocateStateFromUrl(params: URLSearchParams): PoAllocateState {
  return initialPoAllocateState({ order: positiveInt(params.get('order')) });
}

export function poAllocateQuery(state: Pick<PoAllocateState, 'order'>): string {
  return state.order ? new URLSearchParams({ order: String(state.order) }).toString() : '';
}

const start = (state: PoAllocateState, effect: PoAllocateEffect): PoAllocateStep => begin(state, effect);

function fail(
  state: PoAllocateState,
  reason: PoAllocateErrorReason,
  message: string,
  status: number,
  barcode: string | null,
): PoAllocateState {
  return { ...state, outcome: { kind: 'error', reason, message, status, barcode } };
}

export function poAllocateStep(state: PoAllocateState, event: PoAllocateEvent): PoAllocateStep {
  switch (event.type) {
    case 'setOrder':
      if (event.order === state.order) return { state, effect: null };
      // Offers belong to the order's supplier; another order makes them meaningless.
      return {
        state: {
          ...state,
          order: event.order,
          supplier: null,
          supplierName: null,
          offers: [],
          queue: [],
          outcome: null,
        },
        effect: null,
      };
    case 'setSupplier':
      return {
        state: { ...state, supplier: event.supplier, supplierName: event.name ?? state.supplierName },
        effect: null,
      };
    case 'scan': {
      const text = event.scan.text;
      if (text.trim() === '') return { state, effect: null };
      if (!state.order) {
        return {
          state: fail(state, 'noOrder', 'Choose a pending purchase order first, then scan parts.', 0, text),
          effect: null,
        };
      }
      if (state.inFlight) return stay({ ...state, queue: [...state.queue, text] });
      return start(state, { kind: 'allocate', request: { barcode: text, purchase_order: state.order } });
    }
    case 'setOfferQuantity': {
      if (!(event.quantity > 0)) return { state, effect: null };
      return {
        state: {
          ...state,
          offers: state.offers.map((o) => (o.id === event.id ? { ...o, quantity: event.quantity } : o)),
        },
        effect: null,
      };
    }
    case 'addLine': {
      const offer = state.offers.find((o) => o.id === event.id);
      if (!offer || state.inFlight || !state.order) return { state, effect: null };
      return start(state, {
        kind: 'createLine',
        offerId: offer.id,
        request: { order: state.order, part: offer.supplierPart, quantity: offer.quantity },
      });
    }
    case 'dismissOffer':
      return { state: { ...state, offers: state.offers.filter((o) => o.id !== event.id) }, effect: null };
    case 'answer': {
      const effect = state.inFlight;
      const done = finish(state);
      if (!effect || effect.kind !== event.to) return stay(done);
      const next = readAnswer(done, effect, event);
      if (next.effect) return next;
      const [barcode, ...rest] = next.state.queue;
      if (barcode !== undefined && next.state.order) {
        return start(
          { ...next.state, queue: rest },
          { kind: 'allocate', request: { barcode, purchase_order: next.state.order } },
        );
      }
      return next;
    }
  }
}

function readAnswer(
  state: PoAllocateState,
  effect: PoAllocateEffect,
  event: Extract<PoAllocateEvent, { type: 'answer' }>,
): PoAllocateStep {
  if (event.to === 'allocate' && effect.kind === 'allocate')
    return readAllocateAnswer(state, effect.request, event.answer);
  if (event.to === 'identify' && effect.kind === 'identify')
    return readIdentifyAnswer(state, effect.barcode, event.answer);
  if (event.to === 'supplierPart' && effect.kind === 'supplierPart')
    return stay(readSupplierPartAnswer(state, effect, event.answer));
  if (event.to === 'countSupplierParts' && effect.kind === 'countSupplierParts')
    return stay(readCountAnswer(state, effect, event.answer));
  if (event.to === 'createLine' && effect.kind === 'createLine')
    return stay(readCreateLineAnswer(state, effect, event.answer));
  return stay(state);
}

function readAllocateAnswer(
  state: PoAllocateState,
  request: PoAllocateBody,
  answer: Answer<PoAllocateResult>,
): PoAllocateStep {
  const barcode = request.barcode;
  if (answer.kind === 'failed') {
    const { failure } = answer;
    const common = failureOutcome(failure, WORDS);
    if (common) return stay(fail(state, common.reason, common.message, failure.status, barcode));
    if (failure.status !== 400)
      return stay(
        fail(state, 'server', `Unexpected answer from the server (HTTP ${failure.status}).`, failure.status, barcode),
      );
    const fields = extractFieldErrors(failure.body);
    const po = fields.purchase_order?.join(' ') ?? '';
    if (/not pending/i.test(po)) {
      const message =
        'This purchase order is no longer pending (it has been placed or closed), so lines cannot be added by barcode. Choose a pending order.';
      return stay(fail(state, 'orderNotPending', message, 400, barcode));
    }
    const firstField = Object.entries(fields)[0];
    if (firstField) return stay(fail(state, 'invalid', `${firstField[0]}: ${firstField[1].join(' ')}`, 400, barcode));
    return start(state, { kind: 'identify', barcode });
  }
  const r = answer.value;
  // ["Invalid input."]: v291 keeps the reason to itself. Find it out.
  if (!r.ok) return start(state, { kind: 'identify', barcode });
  const sp = r.supplierPart.pk;
  const hit = r.match ?? r.supplierPart;
  const scanned = { model: hit.model, pk: hit.pk };
  const existing = state.offers.find((o) => o.supplierPart === sp);
  if (existing) {
    // Scanning the same part again adds one more to its line.
    const bumped = { ...existing, quantity: existing.quantity + 1 };
    return stay({
      ...state,
      offers: [bumped, ...state.offers.filter((o) => o.id !== existing.id)],
      outcome: { kind: 'offered', offerId: existing.id, barcode, supplierPart: sp, scanned, repeated: true },
    });
  }
  const offer: LineOffer = { id: state.nextOfferId, barcode, supplierPart: sp, scanned, quantity: 1 };
  return stay({
    ...state,
    nextOfferId: state.nextOfferId + 1,
    offers: [offer, ...state.offers],
    outcome: { kind: 'offered', offerId: offer.id, barcode, supplierPart: sp, scanned, repeated: false },
  });
}

function supplierWords(state: PoAllocateState): string {
  return state.supplierName ? state.supplierName : 'this order’s supplier';
}

function readIdentifyAnswer(state: PoAllocateState, barcode: string, answer: Answer<ScanResult>): PoAllocateStep {
  const common = answer.kind === 'failed' ? failureOutcome(answer.failure, WORDS) : null;
  const status = answer.kind === 'failed' ? answer.failure.status : answer.value.status;
  if (common) {
    return {
      state: fail(
        state,
        'unexplained',
        `InvenTree did not accept this barcode for the order, and the reason could not be checked: ${common.message}`,
        status,
        barcode,
      ),
      effect: null,
    };
  }
  const result = answer.kind === 'answered' ? answer.value : null;
  if (result && !result.ok && /^Found multiple matching supplier parts/i.test(result.serverError)) {
    return {
      state: fail(
        state,
        'multipleSupplierParts',
        'Several supplier parts match this label, so InvenTree cannot tell which one to add. Scan the supplier part’s own InvenTree barcode.',
        status,
        barcode,
      ),
      effect: null,
    };
  }
  const match = result?.ok ? result.match : null;
  if (!match) {
    return {
      state: fail(
        state,
        'unknownBarcode',
        'Not a part barcode: InvenTree knows no part, supplier part or manufacturer part with this barcode. Link it to the part first, or scan another label.',
        status,
        barcode,
      ),
      effect: null,
    };
  }
  if (match.model === 'supplierpart') return start(state, { kind: 'supplierPart', barcode, pk: match.pk });
  if (match.model === 'part' || match.model === 'manufacturerpart') {
    if (state.supplier === null) {
      return {
        state: fail(
          state,
          'noSupplierPart',
          `${capital(modelName(match.model))} #${match.pk} has no single supplier part from ${supplierWords(state)}.`,
          400,
          barcode,
        ),
        effect: null,
      };
    }
    return start(state, {
      kind: 'countSupplierParts',
      barcode,
      model: match.model,
      pk: match.pk,
      supplier: state.supplier,
    });
  }
  return {
    state: fail(
      state,
      'notPart',
      `That is the barcode of ${modelName(match.model)} #${match.pk}, not of a part. Scan a part, supplier part or manufacturer part barcode.`,
      400,
      barcode,
    ),
    effect: null,
  };
}

function readSupplierPartAnswer(
  state: PoAllocateState,
  effect: Extract<PoAllocateEffect, { kind: 'supplierPart' }>,
  answer: Answer<SupplierPartDetail>,
): PoAllocateState {
  const part = answer.kind === 'answered' ? answer.value : null;
  const supplier = part?.supplier ?? null;
  const sku = part?.SKU ? part.SKU : `#${effect.pk}`;
  const theirName = part?.supplier_detail?.name ?? (supplier !== null ? `company #${supplier}` : null);
  if (part && supplier !== null && state.supplier !== null && supplier !== state.supplier) {
    return fail(
      state,
      'wrongSupplier',
      `Wrong supplier: supplier part ${sku} is sold by ${theirName ?? 'another company'}, but this order is from ${supplierWords(state)}. Scan the part’s own barcode to find its ${supplierWords(state)} supplier part.`,
      400,
      effect.barcode,
    );
  }
  return fail(
    state,
    'unexplained',
    `InvenTree did not accept supplier part ${sku} for this order (it answered only “Invalid input.”).`,
    400,
    effect.barcode,
  );
}

function readCountAnswer(
  state: PoAllocateState,
  effect: Extract<PoAllocateEffect, { kind: 'countSupplierParts' }>,
  answer: Answer<Page<SupplierPart>>,
): PoAllocateState {
  const what = `${capital(modelName(effect.model))} #${effect.pk}`;
  const count = answer.kind === 'answered' ? answer.value.count : null;
  if (count === null) {
    return fail(
      state,
      'unexplained',
      `${what} has no single supplier part from ${supplierWords(state)}.`,
      400,
      effect.barcode,
    );
  }
  if (count === 0) {
    return fail(
      state,
      'noSupplierPart',
      `No supplier part: ${what} is not sold by ${supplierWords(state)} in InvenTree. Create a supplier part for it first, or choose an order from another supplier.`,
      400,
      effect.barcode,
    );
  }
  if (count > 1) {
    return fail(
      state,
      'multipleSupplierParts',
      `${what} has ${count} supplier parts from ${supplierWords(state)}, so InvenTree will not guess. Scan the supplier part’s own barcode.`,
      400,
      effect.barcode,
    );
  }
  return fail(
    state,
    'unexplained',
    `InvenTree did not accept ${what} for this order (it answered only “Invalid input.”).`,
    400,
    effect.barcode,
  );
}

function readCreateLineAnswer(
  state: PoAllocateState,
  effect: Extract<PoAllocateEffect, { kind: 'createLine' }>,
  answer: Answer<PurchaseOrderLine>,
): PoAllocateState {
  const offer = state.offers.find((o) => o.id === effect.offerId);
  const barcode = offer?.barcode ?? null;
  if (answer.kind === 'answered') {
    return {
      ...state,
      offers: state.offers.filter((o) => o.id !== effect.offerId),
      outcome: {
        kind: 'lineAdded',
        order: effect.request.order,
        line: typeof answer.value.pk === 'number' ? answer.value.pk : null,
        supplierPart: effect.request.part,
        quantity: effect.request.quantity,
        barcode: barcode ?? '',
      },
    };
  }
  const { failure } = answer;
  const common = failureOutcome(failure, WORDS);
  if (common) return fail(state, common.reason, common.message, failure.status, barcode);
  const fields = extractFieldErrors(failure.body);
  const detail = Object.entries(fields)
    .map(([k, v]) => (k === 'non_field_errors' ? v.join(' ') : `${k}: ${v.join(' ')}`))
    .join(' ');
  return fail(
    state,
    'lineRejected',
    `The line was not added. ${detail || serverReason(failure.body) || `HTTP ${failure.status}`}`.trim(),
    failure.status,
    barcode,
  );
}
