/** GET /api/ — who the server is and which API version it speaks. */
import { i18n } from '../i18n/i18n.ts';
import type { Connection } from './apiConnection.ts';
import { ApiError } from './apiError.ts';
import { apiRequest } from './http.ts';
import { effectiveApiVersion, MIN_SUPPORTED_API_VERSION } from './apiVersion.ts';

/** The version this client is written against. */
export const TARGET_API_VERSION = 291;
/** Older servers are refused (apiVersion.ts says why). */
export const MIN_API_VERSION = MIN_SUPPORTED_API_VERSION;

export interface ServerInfo {
  server: string;
  version: string;
  instance: string;
  apiVersion: number;
  [key: string]: unknown;
}

/** API versions where the barcode API changed in ways the client branches on (BEHAVIOUR Appendix A). */
export const API_FEATURES = {
  /** po-receive takes supplier/line_item/auto_allocate. */
  poReceiveExtendedFields: 293,
  /** Match objects carry `instance` (full detail JSON). */
  matchInstance: 339,
  /** Sales order shipments carry barcodes. */
  shipmentBarcodes: 345,
} as const;

export function supports(apiVersion: number | null | undefined, feature: keyof typeof API_FEATURES): boolean {
  return effectiveApiVersion(apiVersion ?? TARGET_API_VERSION) >= API_FEATURES[feature];
}

/** The reason a body is not InvenTree's `GET /api/` answer, or null when it is. */
export function serverInfoProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return i18n.t('api:serverInfo.notDescription');
  const rec = body as Record<string, unknown>;
  if (typeof rec.apiVersion !== 'number' || !Number.isFinite(rec.apiVersion))
    return i18n.t('api:serverInfo.noApiVersion');
  if (typeof rec.server !== 'string' || !/inventree/i.test(rec.server)) return i18n.t('api:serverInfo.notInvenTree');
  return null;
}

export function isServerInfo(body: unknown): body is ServerInfo {
  return serverInfoProblem(body) === null;
}

/** GET /api/ (works without signing in). Throws ApiError (kind 'parse') when the server is not InvenTree. */
export async function getServerInfo(conn: Connection, signal?: AbortSignal): Promise<ServerInfo> {
  const body = await apiRequest<unknown>(conn, { path: '/api/', signal });
  const problem = serverInfoProblem(body);
  if (problem) {
    throw new ApiError({
      kind: 'parse',
      status: 200,
      path: '/api/',
      body,
      message: i18n.t('api:serverInfo.notServer', { problem }),
      nextStep: i18n.t('api:serverInfo.notServerNext'),
    });
  }
  const info = body as ServerInfo;
  return {
    ...info,
    instance: typeof info.instance === 'string' ? info.instance : '',
    version: typeof info.version === 'string' ? info.version : '',
  };
}
