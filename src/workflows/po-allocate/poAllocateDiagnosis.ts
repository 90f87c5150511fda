/**
 * Why po-allocate said only "Invalid input.": reading the follow-up answers (generic scan,
 * supplier part, supplier part count) into an error outcome (split from poAllocateMachine.ts).
 */
import type { Page, ScanResult } from '../../api/barcode.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import type { SupplierPart } from '../../api/lists.ts';
import { modelName } from '../../api/models.ts';
import { failureOutcome } from '../kit/failure.ts';
import { begin } from '../kit/machine.ts';
import { capitalise as capital } from '../kit/text.ts';
import type {
  PoAllocateEffect,
  PoAllocateErrorReason,
  PoAllocateState,
  PoAllocateStep,
  SupplierPartDetail,
} from './poAllocateTypes.ts';

export const WORDS = {
  forbidden: 'Your InvenTree account may not change purchase orders (it needs the Purchase orders "add" right).',
};

export const start = (state: PoAllocateState, effect: PoAllocateEffect): PoAllocateStep => begin(state, effect);

export function fail(
  state: PoAllocateState,
  reason: PoAllocateErrorReason,
  message: string,
  status: number,
  barcode: string | null,
): PoAllocateState {
  return { ...state, outcome: { kind: 'error', reason, message, status, barcode } };
}

function supplierWords(state: PoAllocateState): string {
  return state.supplierName ? state.supplierName : 'this order’s supplier';
}

export function readIdentifyAnswer(
  state: PoAllocateState,
  barcode: string,
  answer: Answer<ScanResult>,
): PoAllocateStep {
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

export function readSupplierPartAnswer(
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

export function readCountAnswer(
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
