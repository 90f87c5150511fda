/**
 * Why po-allocate said only "Invalid input.": reading the follow-up answers (generic scan,
 * supplier part, supplier part count) into an error outcome (split from poAllocateMachine.ts).
 */
import type { Page, ScanResult } from '../../api/barcode.ts';
import type { Answer } from '../../api/httpAnswer.ts';
import type { SupplierPart } from '../../api/lists.ts';
import { modelName } from '../../api/models.ts';
import { i18n } from '../../i18n/i18n.ts';
import { failureOutcome, type FailureWords } from '../kit/failure.ts';
import { begin } from '../kit/machine.ts';
import { capitalise as capital } from '../kit/text.ts';
import type {
  PoAllocateEffect,
  PoAllocateErrorReason,
  PoAllocateState,
  PoAllocateStep,
  SupplierPartDetail,
} from './poAllocateTypes.ts';

/** A function, not a string: the words are made in the language in use when the failure comes. */
export const WORDS: FailureWords = {
  forbidden: () => i18n.t('wf-po-allocate:error.forbidden'),
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
  return state.supplierName ? state.supplierName : i18n.t('wf-po-allocate:diagnosis.thisSupplier');
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
        i18n.t('wf-po-allocate:diagnosis.unchecked', { reason: common.message }),
        status,
        barcode,
      ),
      effect: null,
    };
  }
  const result = answer.kind === 'answered' ? answer.value : null;
  if (result && !result.ok && /^Found multiple matching supplier parts/i.test(result.serverError)) {
    return {
      state: fail(state, 'multipleSupplierParts', i18n.t('wf-po-allocate:diagnosis.severalMatch'), status, barcode),
      effect: null,
    };
  }
  const match = result?.ok ? result.match : null;
  if (!match) {
    return {
      state: fail(state, 'unknownBarcode', i18n.t('wf-po-allocate:diagnosis.unknownBarcode'), status, barcode),
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
          i18n.t('wf-po-allocate:diagnosis.noSingle', {
            what: i18n.t('wf-po-allocate:diagnosis.what', { model: capital(modelName(match.model)), pk: match.pk }),
            supplier: supplierWords(state),
          }),
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
      i18n.t('wf-po-allocate:diagnosis.notPart', { model: modelName(match.model), pk: match.pk }),
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
  const theirName =
    part?.supplier_detail?.name ??
    (supplier !== null ? i18n.t('wf-po-allocate:diagnosis.company', { pk: supplier }) : null);
  if (part && supplier !== null && state.supplier !== null && supplier !== state.supplier) {
    return fail(
      state,
      'wrongSupplier',
      i18n.t('wf-po-allocate:diagnosis.wrongSupplier', {
        sku,
        theirs: theirName ?? i18n.t('wf-po-allocate:diagnosis.anotherCompany'),
        supplier: supplierWords(state),
      }),
      400,
      effect.barcode,
    );
  }
  return fail(
    state,
    'unexplained',
    i18n.t('wf-po-allocate:diagnosis.supplierPartRefused', { sku }),
    400,
    effect.barcode,
  );
}

export function readCountAnswer(
  state: PoAllocateState,
  effect: Extract<PoAllocateEffect, { kind: 'countSupplierParts' }>,
  answer: Answer<Page<SupplierPart>>,
): PoAllocateState {
  const what = i18n.t('wf-po-allocate:diagnosis.what', { model: capital(modelName(effect.model)), pk: effect.pk });
  const count = answer.kind === 'answered' ? answer.value.count : null;
  if (count === null) {
    return fail(
      state,
      'unexplained',
      i18n.t('wf-po-allocate:diagnosis.noSingle', { what, supplier: supplierWords(state) }),
      400,
      effect.barcode,
    );
  }
  if (count === 0) {
    return fail(
      state,
      'noSupplierPart',
      i18n.t('wf-po-allocate:diagnosis.noSupplierPart', { what, supplier: supplierWords(state) }),
      400,
      effect.barcode,
    );
  }
  if (count > 1) {
    return fail(
      state,
      'multipleSupplierParts',
      i18n.t('wf-po-allocate:diagnosis.multiple', { what, count, supplier: supplierWords(state) }),
      400,
      effect.barcode,
    );
  }
  return fail(state, 'unexplained', i18n.t('wf-po-allocate:diagnosis.refused', { what }), 400, effect.barcode);
}
