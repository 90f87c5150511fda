// Shared steps of the barcode POST endpoints: serializer validation with history logging.
import { jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { logScan } from '../scanHistory';
import type { Simulation } from '../simulation';
import { bodyAsDict, fieldErrorBody, hasErrors, type FieldErrors } from '../validation';

/** The authenticated user of a route declared `authenticated`. */
export function requireUser(req: ApiRequest) {
  if (!req.user) throw new Error('route requires authentication');
  return req.user;
}

/**
 * Serializer validation failure: logged to history (if storage is on) with the Python repr of the
 * errors, then answered 400 with the field messages.
 */
export function validationFailure(sim: Simulation, req: ApiRequest, errors: FieldErrors, log: boolean): ApiResponse {
  if (log) {
    logScan(sim, {
      user: requireUser(req),
      endpoint: req.path,
      body: req.body ?? {},
      query: req.query,
      response: { error: errors },
      result: false,
    });
  }
  return jsonResponse(400, fieldErrorBody(errors));
}

/** Validates the body as a dict, then runs `validate` to fill errors; logs failures if `log`. */
export function validateSerializer<T>(
  sim: Simulation,
  req: ApiRequest,
  log: boolean,
  validate: (data: Record<string, unknown>, errors: FieldErrors) => T,
): { ok: true; value: T; data: Record<string, unknown> } | { ok: false; response: ApiResponse } {
  const dict = bodyAsDict(req.body);
  if (!dict.ok) return { ok: false, response: validationFailure(sim, req, dict.errors, log) };
  const errors: FieldErrors = {};
  const value = validate(dict.data, errors);
  if (hasErrors(errors)) return { ok: false, response: validationFailure(sim, req, errors, log) };
  return { ok: true, value, data: dict.data };
}
