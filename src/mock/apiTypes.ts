// The simulation's request/response model, independent of MSW so endpoint logic stays pure and
// testable: a handler takes an ApiRequest and returns an ApiResponse.
import type { UserRow } from './store';

export interface ApiRequest {
  method: string;
  /** Full request URL (origin included: paginated `next` links are absolute, as in DRF). */
  url: URL;
  /** URL path, e.g. `/api/barcode/`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  /** Parsed body: JSON value, form fields as an object, or undefined when there is no body. */
  body: unknown;
  /** The authenticated user, or null for an anonymous request. */
  user: UserRow | null;
  /** Path parameters captured by the route pattern. */
  params: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  /** JSON body; undefined for an empty body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

export function jsonResponse(status: number, body: unknown, headers?: Record<string, string>): ApiResponse {
  return { status, body, headers };
}

export function emptyResponse(status: number): ApiResponse {
  return { status };
}
