/**
 * One typed function per InvenTree barcode endpoint. Barcode answers are returned as a
 * discriminated result (`ok: true | false`) because InvenTree reports barcode-level failures in the
 * body — as 400 with an `error` key, and sometimes as 200 with `error` (BEHAVIOUR 2.1) — and
 * workflows show those as outcomes, not crashes. Everything else (401/403/404/5xx, field errors such
 * as a blank barcode or a non-pending order, network trouble) throws ApiError.
 */
import { i18n } from '../i18n/i18n.ts';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { isRecord } from './answerFields.ts';
import { BARCODE_PATHS } from './barcodePaths.ts';
import {
  isBarcodeFailureBody,
  readGenerateAnswer,
  readLinkAnswer,
  readUnlinkAnswer,
  readPoAllocateAnswer,
  readPoReceiveAnswer,
  readScanAnswer,
  readSoAllocateAnswer,
  type LinkResult,
  type PoAllocateResult,
  type PoReceiveResult,
  type ScanResult,
  type SoAllocateResult,
  type UnlinkResult,
} from './barcodeAnswers.ts';
import { apiRequest } from './http.ts';
import type { BarcodeModel } from './models.ts';
import type { components } from './schema/inventree.d.ts';

export type * from './barcodeAnswers.ts';
export { answerFromReply, scanAnswerOfQueued } from './barcodeAnswers.ts';

type Schemas = components['schemas'];

export { BARCODE_PATHS };

/** InvenTree refuses longer barcodes (CharField max_length); the check is api/barcodeLimits.ts. */
export { MAX_BARCODE_LENGTH } from './barcodeLimits.ts';

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

/**
 * POST a barcode request and read its answer with `read`: a barcode-level 400 is a result, not an
 * error (any other failure throws ApiError).
 */
async function postBarcode<T>(
  conn: Connection,
  path: string,
  body: unknown,
  read: (status: number, body: unknown) => T,
  signal?: AbortSignal,
): Promise<T> {
  let answer: unknown;
  try {
    answer = await apiRequest<unknown>(conn, { method: 'POST', path, body, signal });
  } catch (e) {
    if (e instanceof ApiError && e.status === 400 && isBarcodeFailureBody(e.body, path)) return read(400, e.body);
    throw e;
  }
  return read(200, answer);
}

/** POST /api/barcode/ — look a barcode up. */
export function scanBarcode(conn: Connection, barcode: string, signal?: AbortSignal): Promise<ScanResult> {
  return postBarcode(conn, BARCODE_PATHS.scan, { barcode } satisfies ScanRequest, readScanAnswer, signal);
}

/** POST /api/barcode/generate/ — the barcode text InvenTree would print for an object. */
export async function generateBarcode(
  conn: Connection,
  model: BarcodeModel,
  pk: number,
  signal?: AbortSignal,
): Promise<string> {
  const body = await apiRequest<unknown>(conn, {
    method: 'POST',
    path: BARCODE_PATHS.generate,
    body: { model, pk } satisfies GenerateRequest,
    signal,
  });
  return readGenerateAnswer(body);
}

/** POST /api/barcode/link/ — assign a custom barcode to one object (any existing barcode is replaced). */
export function linkBarcode(
  conn: Connection,
  barcode: string,
  model: BarcodeModel,
  pk: number,
  signal?: AbortSignal,
): Promise<LinkResult> {
  return postBarcode(
    conn,
    BARCODE_PATHS.link,
    { barcode, [model]: pk },
    (s, b) => readLinkAnswer(s, b, model, pk),
    signal,
  );
}

/** POST /api/barcode/unlink/ — remove the custom barcode from one object. */
export function unlinkBarcode(
  conn: Connection,
  model: BarcodeModel,
  pk: number,
  signal?: AbortSignal,
): Promise<UnlinkResult> {
  return postBarcode(conn, BARCODE_PATHS.unlink, { [model]: pk }, (s, b) => readUnlinkAnswer(s, b, model), signal);
}

/** POST /api/barcode/po-allocate/ — which supplier part of a pending PO's supplier this barcode is. */
export function poAllocate(conn: Connection, req: PoAllocateRequest, signal?: AbortSignal): Promise<PoAllocateResult> {
  return postBarcode(conn, BARCODE_PATHS.poAllocate, req, readPoAllocateAnswer, signal);
}

/** POST /api/barcode/po-receive/ — receive a supplier label against a placed purchase order. */
export function poReceive(conn: Connection, req: PoReceiveRequest, signal?: AbortSignal): Promise<PoReceiveResult> {
  return postBarcode(conn, BARCODE_PATHS.poReceive, req, readPoReceiveAnswer, signal);
}

/** POST /api/barcode/so-allocate/ — allocate a scanned stock item to a pending sales order. */
export function soAllocate(conn: Connection, req: SoAllocateRequest, signal?: AbortSignal): Promise<SoAllocateResult> {
  return postBarcode(conn, BARCODE_PATHS.soAllocate, req, readSoAllocateAnswer, signal);
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
  throw new ApiError({
    kind: 'parse',
    status: 200,
    body,
    message: i18n.t('api:answers.listUnreadable'),
  });
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
export async function listScanHistory(
  conn: Connection,
  q: HistoryQuery = {},
  signal?: AbortSignal,
): Promise<Page<ScanHistoryEntry>> {
  const body = await apiRequest<unknown>(conn, {
    path: BARCODE_PATHS.history,
    query: { limit: q.limit ?? 25, offset: q.offset ?? 0, user: q.user, result: q.result, ordering: q.ordering },
    signal,
  });
  return toPage<ScanHistoryEntry>(body);
}

export async function getScanHistoryEntry(
  conn: Connection,
  id: number,
  signal?: AbortSignal,
): Promise<ScanHistoryEntry> {
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
export async function bulkDeleteScanHistory(
  conn: Connection,
  req: HistoryBulkDelete,
  signal?: AbortSignal,
): Promise<void> {
  await apiRequest(conn, { method: 'DELETE', path: BARCODE_PATHS.history, body: req, signal });
}
