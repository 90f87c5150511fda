/**
 * One typed function per InvenTree barcode endpoint. Barcode answers are returned as a
 * discriminated result (`ok: true | false`) because InvenTree reports barcode-level failures in the
 * body — as 400 with an `error` key, and sometimes as 200 with `error` (BEHAVIOUR 2.1) — and
 * workflows show those as outcomes, not crashes. Everything else (401/403/404/5xx, field errors such
 * as a blank barcode or a non-pending order, network trouble) throws ApiError.
 */
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { cleanServerText, describeBarcodeError, describeUnexpectedBody, mapErrorBody } from './errorMapping.ts';
import { apiRequest } from './http.ts';
import { extractMatches, primaryMatch, readMatchEntry, type BarcodeMatch, type BarcodeModel } from './models.ts';
import type { components } from './schema/inventree.d.ts';
import { answerNumber as num, isRecord } from './answerFields.ts';

type Schemas = components['schemas'];

export const BARCODE_PATHS = {
  scan: '/api/barcode/',
  generate: '/api/barcode/generate/',
  link: '/api/barcode/link/',
  unlink: '/api/barcode/unlink/',
  poAllocate: '/api/barcode/po-allocate/',
  poReceive: '/api/barcode/po-receive/',
  soAllocate: '/api/barcode/so-allocate/',
  history: '/api/barcode/history/',
} as const;

/** InvenTree refuses longer barcodes (CharField max_length); the check is api/barcodeLimits.ts. */
export { MAX_BARCODE_LENGTH } from './barcodeLimits.ts';

/** Why a barcode answer is a failure, for workflows that branch on it. */
export type BarcodeFailureCode =
  | 'no-match' // nothing knows this barcode
  | 'already-assigned' // link: the barcode already belongs to an object
  | 'already-received' // po-receive: this label was received before
  | 'needs-choice' // the server needs an order/line/shipment chosen first
  | 'no-shipment' // so-allocate answered 200 but allocated nothing (no single open shipment)
  | 'not-found' // the target object does not exist
  | 'error';

interface AnswerBase {
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
export type SoAllocateResult = SoAllocateSuccess | BarcodeFailure;

export type ScanRequest = Schemas['Barcode'];
export type GenerateRequest = Schemas['BarcodeGenerate'];
export type LinkTarget = Partial<Record<BarcodeModel, number>>;
export type PoAllocateRequest = Schemas['BarcodePOAllocate'];
export type PoReceiveRequest = Schemas['BarcodePOReceive'] & {
  /** v293+ only; a v291 server ignores these. */
  supplier?: number | null;
  line_item?: number | null;
  auto_allocate?: boolean;
};
export type SoAllocateRequest = Schemas['BarcodeSOAllocate'];

export type ScanHistoryEntry = Schemas['BarcodeScanResult'];

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
  if (/^No match found for barcode data|^No matching plugin found|^No match for supplier barcode|^No plugin match for supplier barcode/i.test(serverError)) return 'no-match';
  if (/^Barcode matches existing item/i.test(serverError)) return 'already-assigned';
  if (/^Item has already been received/i.test(serverError)) return 'already-received';
  if (/^Model instance not found/i.test(serverError)) return 'not-found';
  // Cases the user can fix by choosing the order, line or target before scanning again.
  if (/^(Found multiple purchase orders|Multiple matching line items|No matching purchase order|Missing data)/i.test(serverError)) return 'needs-choice';
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
function isBarcodeFailureBody(body: unknown, path: string): boolean {
  if (isRecord(body)) return typeof body.error === 'string' || (body.error !== undefined && body.error !== null);
  // po-allocate hides every failure behind ["Invalid input."] (BEHAVIOUR 1.2 #4).
  return Array.isArray(body) && path === BARCODE_PATHS.poAllocate;
}

async function postBarcode(conn: Connection, path: string, body: unknown, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  try {
    const answer = await apiRequest<unknown>(conn, { method: 'POST', path, body, signal });
    return { status: 200, body: answer };
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && isBarcodeFailureBody(e.body, path)) return { status: 400, body: e.body };
    throw e;
  }
}

function unexpected(path: string, body: unknown): ApiError {
  if (body === null || body === undefined) {
    // An empty 200 (e.g. a proxy that swallowed the body): say so rather than "not understood".
    const mapped = describeUnexpectedBody(200, '', { method: 'POST', path });
    return new ApiError({ kind: 'parse', status: 200, method: 'POST', path, body, message: mapped.message, nextStep: mapped.nextStep });
  }
  return new ApiError({
    kind: 'parse',
    status: 200,
    method: 'POST',
    path,
    body,
    message: 'The server’s answer to the barcode request was not in a form StockScan understands.',
    nextStep: 'Check that the server runs InvenTree with a compatible API version.',
  });
}

/** POST /api/barcode/ — look a barcode up. */
export async function scanBarcode(conn: Connection, barcode: string, signal?: AbortSignal): Promise<ScanResult> {
  const path = BARCODE_PATHS.scan;
  const { status, body } = await postBarcode(conn, path, { barcode } satisfies ScanRequest, signal);
  if (!isRecord(body)) {
    if (status === 400) return failure(status, body, body, path);
    throw unexpected(path, body);
  }
  // 200 with `error` (e.g. several supplier parts match) is a failure too.
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  if (!base.match) {
    return { ...base, ok: false, code: 'no-match', message: 'No match found for this barcode.', nextStep: null, serverError: '' };
  }
  return { ...base, ok: true, match: base.match, success: str(body.success) ?? 'Match found for barcode data' };
}

/** POST /api/barcode/generate/ — the barcode text InvenTree would print for an object. */
export async function generateBarcode(conn: Connection, model: BarcodeModel, pk: number, signal?: AbortSignal): Promise<string> {
  const path = BARCODE_PATHS.generate;
  const body = await apiRequest<unknown>(conn, { method: 'POST', path, body: { model, pk } satisfies GenerateRequest, signal });
  if (isRecord(body) && typeof body.barcode === 'string') return body.barcode;
  throw unexpected(path, body);
}

/** POST /api/barcode/link/ — assign a custom barcode to one object (any existing barcode is replaced). */
export async function linkBarcode(conn: Connection, barcode: string, model: BarcodeModel, pk: number, signal?: AbortSignal): Promise<LinkResult> {
  const path = BARCODE_PATHS.link;
  const { status, body } = await postBarcode(conn, path, { barcode, [model]: pk }, signal);
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  const target = readMatchEntry(model, body[model]);
  return { ...base, ok: true, model, pk: target?.pk ?? pk, success: str(body.success) ?? `Assigned barcode to ${model} instance` };
}

/** POST /api/barcode/unlink/ — remove the custom barcode from one object. */
export async function unlinkBarcode(conn: Connection, model: BarcodeModel, pk: number, signal?: AbortSignal): Promise<UnlinkResult> {
  const path = BARCODE_PATHS.unlink;
  const { status, body } = await postBarcode(conn, path, { [model]: pk }, signal);
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  return { ...baseOf(status, body), ok: true, success: str(body.success) ?? `Barcode unassigned from ${model} instance` };
}

/** POST /api/barcode/po-allocate/ — which supplier part of a pending PO's supplier this barcode is. */
export async function poAllocate(conn: Connection, req: PoAllocateRequest, signal?: AbortSignal): Promise<PoAllocateResult> {
  const path = BARCODE_PATHS.poAllocate;
  const { status, body } = await postBarcode(conn, path, req, signal);
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

/** POST /api/barcode/po-receive/ — receive a supplier label against a placed purchase order. */
export async function poReceive(conn: Connection, req: PoReceiveRequest, signal?: AbortSignal): Promise<PoReceiveResult> {
  const path = BARCODE_PATHS.poReceive;
  const { status, body } = await postBarcode(conn, path, req, signal);
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  const lineItem = readLine(body.lineitem);
  if (!lineItem) throw unexpected(path, body);
  if (typeof body.success === 'string') {
    return { ...base, ok: true, outcome: 'received', lineItem, message: body.success };
  }
  const action = typeof body.action_required === 'string' ? body.action_required : 'Further information required to receive line item';
  return { ...base, ok: true, outcome: 'action-required', lineItem, message: action };
}

/** POST /api/barcode/so-allocate/ — allocate a scanned stock item to a pending sales order. */
export async function soAllocate(conn: Connection, req: SoAllocateRequest, signal?: AbortSignal): Promise<SoAllocateResult> {
  const path = BARCODE_PATHS.soAllocate;
  const { status, body } = await postBarcode(conn, path, req, signal);
  if (!isRecord(body)) throw unexpected(path, body);
  if (body.error !== undefined && body.error !== null) return failure(status, body, body.error, path);
  const base = baseOf(status, body);
  if (typeof body.success === 'string') {
    const stockItem = num(body.stock_item);
    const salesOrder = num(body.sales_order);
    const lineItem = num(body.line_item);
    const quantity = num(body.quantity);
    if (stockItem === null || salesOrder === null || lineItem === null || quantity === null) throw unexpected(path, body);
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
  if (body.shipment === null || body.shipment === undefined) {
    return {
      ...base,
      ok: false,
      code: 'no-shipment',
      message: 'Nothing was allocated: the sales order has no single open shipment to allocate to.',
      nextStep: 'Choose a shipment (or create one) and scan again.',
      serverError: '',
    };
  }
  const action = cleanServerText(body.action_required);
  return {
    ...base,
    ok: false,
    code: 'needs-choice',
    message: action ? `Nothing was allocated: ${action}` : 'Nothing was allocated: the server needs more information.',
    nextStep: 'Choose the line and shipment, then scan again.',
    serverError: action,
  };
}

/** Paged answer, normalised: InvenTree returns a plain array when no `limit` is sent. */
export interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export function toPage<T>(body: unknown): Page<T> {
  if (Array.isArray(body)) return { count: body.length, next: null, previous: null, results: body as T[] };
  if (isRecord(body) && Array.isArray(body.results)) {
    return {
      count: typeof body.count === 'number' ? body.count : body.results.length,
      next: typeof body.next === 'string' ? body.next : null,
      previous: typeof body.previous === 'string' ? body.previous : null,
      results: body.results as T[],
    };
  }
  throw new ApiError({ kind: 'parse', status: 200, body, message: 'The server’s list answer was not in a form StockScan understands.' });
}

export interface HistoryQuery {
  limit?: number;
  offset?: number;
  user?: number;
  result?: boolean;
  /** 'timestamp' | '-timestamp' | 'user' | 'endpoint' | 'result' (with optional '-'). Never 'plugin' (500 in v291). */
  ordering?: string;
}

/** GET /api/barcode/history/ (paged). `search` is not offered: any search is a 500 in v291. */
export async function listScanHistory(conn: Connection, q: HistoryQuery = {}, signal?: AbortSignal): Promise<Page<ScanHistoryEntry>> {
  const body = await apiRequest<unknown>(conn, {
    path: BARCODE_PATHS.history,
    query: { limit: q.limit ?? 25, offset: q.offset ?? 0, user: q.user, result: q.result, ordering: q.ordering },
    signal,
  });
  return toPage<ScanHistoryEntry>(body);
}

export async function getScanHistoryEntry(conn: Connection, id: number, signal?: AbortSignal): Promise<ScanHistoryEntry> {
  return apiRequest<ScanHistoryEntry>(conn, { path: `${BARCODE_PATHS.history}${id}/`, signal });
}

/** DELETE /api/barcode/history/{id}/ (staff only). */
export async function deleteScanHistoryEntry(conn: Connection, id: number, signal?: AbortSignal): Promise<void> {
  await apiRequest(conn, { method: 'DELETE', path: `${BARCODE_PATHS.history}${id}/`, signal });
}

export interface HistoryBulkDelete {
  items?: number[];
  filters?: Record<string, string | number | boolean>;
}

/** DELETE /api/barcode/history/ with {items} and/or {filters} (staff only). Answers 204. */
export async function bulkDeleteScanHistory(conn: Connection, req: HistoryBulkDelete, signal?: AbortSignal): Promise<void> {
  await apiRequest(conn, { method: 'DELETE', path: BARCODE_PATHS.history, body: req, signal });
}
