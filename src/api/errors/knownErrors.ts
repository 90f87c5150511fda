/** The known-error catalogue: InvenTree's barcode error texts with a clearer sentence or a next step. */
import { i18n } from '../../i18n/i18n.ts';
import type api from '../../i18n/locales/en/api.json';
import { ALL_BARCODE_MODELS, BARCODE_MODEL_INFO, modelForTable, readMatchEntry } from '../models.ts';
import { cleanServerText, ensurePeriod } from './serverText.ts';

/**
 * Known InvenTree messages with a clearer sentence or a next step. Both are made when the error is
 * described (i18n.t in the function), so they follow the language in use.
 */
interface Known {
  test: RegExp;
  message?: (m: RegExpExecArray, body: Record<string, unknown> | null) => string;
  nextStep?: () => string;
}

/** A catalogue sentence, made when it is read. */
const t = (key: keyof (typeof api)['known']) => () => i18n.t(`api:known.${key}`);

const KNOWN_ERRORS: Known[] = [
  {
    test: /^No match found for barcode data$/i,
    message: t('noMatch'),
    nextStep: t('noMatchNext'),
  },
  {
    test: /^Barcode matches existing item$/i,
    message: (_m, body) => {
      const match = body ? firstMatch(body) : null;
      return match
        ? i18n.t('api:known.alreadyAssignedTo', { model: BARCODE_MODEL_INFO[match.model].name, pk: match.pk })
        : i18n.t('api:known.alreadyAssigned');
    },
    nextStep: t('alreadyAssignedNext'),
  },
  // link says "provide" and lists a Python list repr; unlink says "Provide" (BEHAVIOUR 2.3/2.4).
  {
    test: /^Missing data: provide one of/,
    message: t('linkMissing'),
  },
  {
    test: /^Missing data: Provide one of/,
    message: t('unlinkMissing'),
  },
  {
    test: /^Multiple conflicting fields/i,
    message: t('conflicting'),
  },
  { test: /^Could not unassign barcode$/i, message: t('cannotUnassign') },
  {
    test: /^Model instance not found$/i,
    message: t('instanceNotFound'),
  },
  {
    test: /^Item has already been received$/i,
    message: t('alreadyReceived'),
    nextStep: t('alreadyReceivedNext'),
  },
  {
    test: /^No match for supplier barcode$|^No plugin match for supplier barcode$/i,
    message: t('noSupplierMatch'),
    nextStep: t('noSupplierMatchNext'),
  },
  {
    test: /^No matching purchase order for '(.*)'$/i,
    message: (m) =>
      m[1] && m[1] !== 'None' ? i18n.t('api:known.noOrderNumber', { order: m[1] }) : i18n.t('api:known.noOrder'),
    nextStep: t('chooseOrderNext'),
  },
  {
    test: /^Found multiple purchase orders matching '(.*)'$/i,
    message: (m) => i18n.t('api:known.severalOrders', { order: m[1] }),
    nextStep: t('chooseOrderNext'),
  },
  {
    test: /^Purchase order does not match supplier$/i,
    message: t('otherSupplier'),
  },
  {
    test: /^Failed to find pending line item for supplier part$/i,
    message: t('noPendingLine'),
  },
  {
    test: /^Found multiple matching supplier parts for barcode$/i,
    message: t('severalSupplierParts'),
  },
  {
    test: /^No matching plugin found for barcode data$/i,
    message: t('noMatch'),
  },
  {
    test: /^Barcode does not match an existing stock item$/i,
    message: t('notStockItem'),
  },
  { test: /^No matching line item found$/i, message: t('noLineItem') },
  {
    test: /^Multiple matching line items found$/i,
    message: t('severalLines'),
    nextStep: t('chooseLineNext'),
  },
  {
    test: /^Shipment does not match sales order$/i,
    message: t('otherShipment'),
  },
  {
    test: /^Stock item does not match line item$/i,
    message: t('stockNotLine'),
  },
  {
    test: /^Insufficient stock available$/i,
    message: t('insufficient'),
  },
  {
    test: /^You do not have the required permissions for (\w+|<class '[\w.]+'>)$/i,
    message: (m) => {
      const model = modelForTable(m[1]!);
      return model
        ? i18n.t('api:forbidden.change', { models: BARCODE_MODEL_INFO[model].plural })
        : i18n.t('api:forbidden.general');
    },
  },
];

function firstMatch(body: Record<string, unknown>) {
  for (const m of ALL_BARCODE_MODELS) {
    if (m in body) {
      const hit = readMatchEntry(m, body[m]);
      if (hit) return hit;
    }
  }
  return null;
}

/** Clean text for a barcode answer's `error` value, with InvenTree's wording made clearer. */
export function describeBarcodeError(
  error: unknown,
  body: Record<string, unknown> | null = null,
): { message: string; nextStep: string | null } {
  const text = cleanServerText(error);
  for (const k of KNOWN_ERRORS) {
    const m = k.test.exec(text);
    if (m) return { message: k.message ? k.message(m, body) : text, nextStep: k.nextStep?.() ?? null };
  }
  return {
    message: text ? ensurePeriod(text) : i18n.t('api:known.unsaid'),
    nextStep: null,
  };
}
