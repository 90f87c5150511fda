/**
 * Every barcode endpoint's answer, parsed once into a typed result: pure functions of the HTTP
 * status and body, used by the calls in barcode.ts and, in unit tests, over recorded answers.
 * Barcode-level failures (400 with `error`, and 200 with `error`, BEHAVIOUR 2.1) are results
 * (`ok: false`); an answer StockScan cannot read throws ApiError.
 */
import { i18n } from '../i18n/i18n.ts';
import { ApiError } from './apiError.ts';
import { answerNumber as num, isRecord } from './answerFields.ts';
import { BARCODE_PATHS } from './barcodePaths.ts';
import { cleanServerText, describeBarcodeError, describeUnexpectedBody, mapErrorBody } from './errorMapping.ts';
import { failureOf, type Answer } from './httpAnswer.ts';
import { extractMatches, primaryMatch, readMatchEntry, type BarcodeModel } from './models.ts';
import type {
  AnswerBase,
  BarcodeFailure,
  BarcodeFailureCode,
  LinkResult,
  PoAllocateResult,
  PoReceiveResult,
  ReceivedLine,
  ScanResult,
  SoAllocateResult,
  UnlinkResult,
} from './barcodeAnswerTypes.ts';

export type {
  BarcodeFailure,
  BarcodeFailureCode,
  LinkResult,
  LinkSuccess,
  PoAllocateResult,
  PoAllocateSuccess,
  PoReceiveResult,
  PoReceiveSuccess,
  ReceivedLine,
  ScanResult,
  ScanSuccess,
  SoAllocateFailure,
  SoAllocateResult,
  SoAllocateSuccess,
  UnlinkResult,
  UnlinkSuccess,
} from './barcodeAnswerTypes.ts';

function str(v: unknown): string | null {
  if (typeof v !== 'string' || v === 'None') return null;
  return v;
}

function baseOf(status: number, body: unknown): AnswerBase {
  const rec = isRecord(body) ? body : {};
  const matches = extractMatches(rec);
  return {
    status,
    plugin: str(rec.plugin),
    barcodeData: typeof rec.barcode_data === 'string' ? rec.barcode_data : null,
    barcodeHash: str(rec.barcode_hash),
    matches,
    match: primaryMatch(matches),
    raw: body,
  };
}

function codeFor(serverError: string): BarcodeFailureCode {
  if (
    /^No match found for barcode data|^No matching plugin found|^No match for supplier barcode|^No plugin match for supplier barcode/i.test(
      serverError,
    )
  )
    return 'no-match';
  if (/^Barcode matches existing item/i.test(serverError)) return 'already-assigned';
  if (/^Item has already been received/i.test(serverError)) return 'already-received';
  if (/^Model instance not found/i.test(serverError)) return 'not-found';
  // Cases the user can fix by choosing the order, line or target before scanning again.
  if (
    /^(Found multiple purchase orders|Multiple matching line items|No matching purchase order|Missing data)/i.test(
      serverError,
    )
  )
    return 'needs-choice';
  return 'error';
}

function failure(status: number, body: unknown, error: unknown, path: string): BarcodeFailure {
  const serverError = cleanServerText(error);
  const rec = isRecord(body) ? body : null;
  const described = rec ? describeBarcodeError(error, rec) : mapErrorBody(status, body, { method: 'POST', path });
  return {
    ...baseOf(status, body),
    ok: false,
    code: codeFor(serverError),
    message: described.message,
    nextStep: described.nextStep,
    serverError,
  };
}

/** A body InvenTree uses for barcode-level failures, as opposed to field errors or auth errors. */
export function isBarcodeFailureBody(body: unknown, path: string): boolean {
  if (isRecord(body)) return typeof body.error === 'string' || (body.error !== undefined && body.error !== null);
  // po-allocate hides every failure behind ["Invalid input."] (BEHAVIOUR 1.2 #4).
  return Array.isArray(body) && path === BARCODE_PATHS.poAllocate;
}

export function unexpected(path: string, body: unknown): ApiError {
  if (body === null || body === undefined) {
    // An empty 200 (e.g. a proxy that swallowed the body): say so rather than "not understood".
    const mapped = describeUnexpectedBody(200, '', { method: 'POST', path });
    return new ApiError({
      kind: 'parse',
      status: 200,
      method: 'POST',
      path,
      body,
      message: mapped.message,
      nextStep: mapped.nextStep,
    });
  }
  return new ApiError({
    kind: 'parse',
    status: 200,
    method: 'POST',
    path,
    body,
    message: i18n.t('api:answers.barcodeUnreadable'),
    nextStep: i18n.t('api:answers.barcodeUnreadableNext'),
  });
}

function readLine(v: unknown): ReceivedLine | null {
  if (!isRecord(v)) return null;
  const pk = num(v.pk);
  if (pk === null) return null;
  return {
    pk,
    purchaseOrder: num(v.purchase_order),
    quantity: num(v.quantity),
    location: num(v.location),
    supplierPart: num(v.supplier_part),
  };
}

/** POST /api/barcode/ */
export function readScanAnswer(status: number, body: unknown): ScanResult {
  const path = BARCODE_PATHS.scan;
  if (!isRecord(body)) {
    if (status === 400) return failure(status, body, body, path);
    throw unexpected(path, body);
  }
  // 200 with `error` (e.g. several supplier parts match) is a failure too.
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  if (!base.match) {
    return {
      ...base,
      ok: false,
      code: 'no-match',
      message: i18n.t('api:known.noMatch'),
      nextStep: null,
      serverError: '',
    };
  }
  return { ...base, ok: true, match: base.match, success: str(body.success) ?? 'Match found for barcode data' };
}

/** POST /api/barcode/generate/ */
export function readGenerateAnswer(body: unknown): string {
  if (isRecord(body) && typeof body.barcode === 'string') return body.barcode;
  throw unexpected(BARCODE_PATHS.generate, body);
}

/** POST /api/barcode/link/ for `model` #`pk`. */
export function readLinkAnswer(status: number, body: unknown, model: BarcodeModel, pk: number): LinkResult {
  const path = BARCODE_PATHS.link;
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  const target = readMatchEntry(model, body[model]);
  return {
    ...base,
    ok: true,
    model,
    pk: target?.pk ?? pk,
    success: str(body.success) ?? `Assigned barcode to ${model} instance`,
  };
}

/** POST /api/barcode/unlink/ for `model`. */
export function readUnlinkAnswer(status: number, body: unknown, model: BarcodeModel): UnlinkResult {
  const path = BARCODE_PATHS.unlink;
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  return {
    ...baseOf(status, body),
    ok: true,
    success: str(body.success) ?? `Barcode unassigned from ${model} instance`,
  };
}

/** POST /api/barcode/po-allocate/ */
export function readPoAllocateAnswer(status: number, body: unknown): PoAllocateResult {
  const path = BARCODE_PATHS.poAllocate;
  if (Array.isArray(body)) return failure(status, body, body, path);
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  const supplierPart = readMatchEntry('supplierpart', body.supplierpart);
  if (!supplierPart) throw unexpected(path, body);
  // The scanned object: the supplier part itself, or the part/manufacturer part that led to it.
  const scanned = primaryMatch(base.matches.filter((m) => m.model !== 'supplierpart')) ?? supplierPart;
  return { ...base, match: scanned, ok: true, supplierPart, success: str(body.success) ?? 'Matched supplier part' };
}

/** POST /api/barcode/po-receive/ */
export function readPoReceiveAnswer(status: number, body: unknown): PoReceiveResult {
  const path = BARCODE_PATHS.poReceive;
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  const lineItem = readLine(body.lineitem);
  if (!lineItem) throw unexpected(path, body);
  if (typeof body.success === 'string') {
    return { ...base, ok: true, outcome: 'received', lineItem, message: body.success };
  }
  const action =
    typeof body.action_required === 'string'
      ? body.action_required
      : 'Further information required to receive line item';
  return { ...base, ok: true, outcome: 'action-required', lineItem, message: action };
}

/** POST /api/barcode/so-allocate/ */
export function readSoAllocateAnswer(status: number, body: unknown): SoAllocateResult {
  const path = BARCODE_PATHS.soAllocate;
  if (!isRecord(body)) throw unexpected(path, body);
  const echoed = { stockItem: num(body.stock_item), lineItem: num(body.line_item), quantity: num(body.quantity) };
  if (body.error !== undefined && body.error !== null) return { ...failure(status, body, body.error, path), ...echoed };
  const base = baseOf(status, body);
  // API 425 keeps the plugin's "Found matching item" as `success` even when nothing was allocated
  // (no shipment): only an answer with a shipment allocated something.
  const noShipment = body.shipment === null || body.shipment === undefined;
  if (typeof body.success === 'string' && !(noShipment && body.success === 'Found matching item')) {
    const stockItem = num(body.stock_item);
    const salesOrder = num(body.sales_order);
    const lineItem = num(body.line_item);
    const quantity = num(body.quantity);
    if (stockItem === null || salesOrder === null || lineItem === null || quantity === null)
      throw unexpected(path, body);
    return {
      ...base,
      ok: true,
      outcome: 'allocated',
      stockItem,
      part: num(body.part),
      salesOrder,
      lineItem,
      shipment: num(body.shipment),
      quantity,
      success: body.success,
    };
  }
  // v291 answers 200 without success/error when no single open shipment exists: nothing was allocated.
  if (noShipment) {
    return {
      ...base,
      ...echoed,
      ok: false,
      code: 'no-shipment',
      message: i18n.t('api:answers.noShipment'),
      nextStep: i18n.t('api:answers.noShipmentNext'),
      serverError: '',
    };
  }
  const action = cleanServerText(body.action_required);
  return {
    ...base,
    ...echoed,
    ok: false,
    code: 'needs-choice',
    // The server's action_required text goes in as sent.
    message: action ? i18n.t('api:answers.needsChoice', { server: action }) : i18n.t('api:answers.needsMore'),
    nextStep: i18n.t('api:answers.needsChoiceNext'),
    serverError: action,
  };
}

/**
 * The answer a recorded reply (status + body) stands for, routed exactly as a live call routes it:
 * a 2xx and a barcode-level 400 are read by `read`; any other status is a failed request.
 */
export function answerFromReply<T>(
  path: string,
  status: number,
  body: unknown,
  read: (status: number, body: unknown) => T,
): Answer<T> {
  const readable = (status >= 200 && status < 300) || (status === 400 && isBarcodeFailureBody(body, path));
  if (!readable) {
    const mapped = mapErrorBody(status, body, { method: 'POST', path });
    return { kind: 'failed', failure: { status, body, message: mapped.message, nextStep: mapped.nextStep } };
  }
  try {
    return { kind: 'answered', value: read(status, body) };
  } catch (e) {
    if (e instanceof ApiError) return { kind: 'failed', failure: failureOf(e) };
    throw e;
  }
}

/**
 * The typed answer to a lookup the offline queue sent later: the queue keeps the reply as it came
 * (`ok` and body, or the failure's status, body and sentence); it is read like a live reply.
 */
export function scanAnswerOfQueued(
  reply:
    | { ok: true; body: unknown }
    | { ok: false; status: number | null; body: unknown; message: string; nextStep?: string | null },
): Answer<ScanResult> {
  if (reply.ok) return answerFromReply(BARCODE_PATHS.scan, 200, reply.body, readScanAnswer);
  const status = reply.status ?? 0;
  if (status === 400 && isBarcodeFailureBody(reply.body, BARCODE_PATHS.scan))
    return answerFromReply(BARCODE_PATHS.scan, 400, reply.body, readScanAnswer);
  return {
    kind: 'failed',
    failure: { status, body: reply.body, message: reply.message, nextStep: reply.nextStep ?? null },
  };
}
