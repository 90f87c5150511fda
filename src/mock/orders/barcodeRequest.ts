// What the three order barcode views share: serializer validation (logged to history on failure),
// InvenTree's generic scan (`scan_barcode`), and the stringified 400 bodies.
import { hashBarcode } from '../barcodeHash';
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { runPluginChain } from '../plugins/pluginChain';
import { drfStringify, toJsonValue } from '../pyRepr';
import { logScan } from '../scanHistory';
import type { Simulation } from '../simulation';
import type { UserRow } from '../store';
import { bodyAsDict, fieldErrorBody, hasErrors, type FieldErrors } from '../validation';

export type Json = Record<string, unknown>;

export function requestUser(req: ApiRequest): UserRow {
  if (!req.user) throw new Error('route requires authentication');
  return req.user;
}

/**
 * Runs the serializer (`validate` fills `errors` from the dict body). On failure the view logs
 * `{"error": <field errors>}` and answers 400 with the field errors.
 */
export function validateBarcodeRequest<T>(
  req: ApiRequest,
  sim: Simulation,
  validate: (data: Json, errors: FieldErrors) => T | undefined,
): { ok: true; value: T } | { ok: false; response: ApiResponse } {
  const parsed = bodyAsDict(req.body);
  const errors: FieldErrors = parsed.ok ? {} : parsed.errors;
  const value = parsed.ok ? validate(parsed.data, errors) : undefined;
  if (!hasErrors(errors) && value !== undefined) return { ok: true, value };
  logBarcodeScan(req, sim, { error: errors }, false);
  return { ok: false, response: jsonResponse(400, fieldErrorBody(errors)) };
}

/** log_scan: the raw request body (DRF's request.data is `{}` for an empty body). */
export function logBarcodeScan(req: ApiRequest, sim: Simulation, response: Json, result: boolean): void {
  logScan(sim, {
    user: requestUser(req),
    endpoint: req.path,
    body: req.body === undefined ? {} : req.body,
    query: req.query,
    response,
    result,
  });
}

/** BarcodeView.scan_barcode: the chain's result, then plugin, barcode_data, barcode_hash. */
export function scanBarcode(sim: Simulation, barcode: string): Json {
  const { plugin, result } = runPluginChain(sim, barcode);
  return { ...result, plugin: plugin ? plugin.name : null, barcode_data: barcode, barcode_hash: hashBarcode(barcode) };
}

/** `raise ValidationError(response)`: 400 with every scalar turned into a string. */
export function stringifiedError(response: Json): ApiResponse {
  return jsonResponse(400, drfStringify(response));
}

export function success(response: Json): ApiResponse {
  return jsonResponse(200, toJsonValue(response));
}
