/** The server check's input and result types (split from serverCheck.ts). */
import type { ApiErrorKind } from './apiError.ts';
import type { UserRoles } from './users.ts';

export type CheckStatus = 'ready' | 'not-ready' | 'unknown';

export interface CheckLine {
  id: string;
  label: string;
  status: CheckStatus;
  /** What was found, in plain words. */
  detail: string;
  /** For not ready (and unknown where it helps): what an admin changes. */
  fix?: string;
}

export interface CheckSection {
  id: 'server' | 'rights' | 'plugins';
  title: string;
  lines: CheckLine[];
}

export interface BarcodePluginState {
  key: string;
  name: string;
  active: boolean;
}

export interface ServerCheckInput {
  /** GET /api/ answer; null while failed or not loaded. */
  apiVersion: number | null;
  serverVersion?: string | null;
  /** Why GET /api/ failed (kind of the ApiError), or null. */
  infoFailure: ApiErrorKind | null;
  infoFailureMessage?: string | null;
  signedIn: boolean;
  /** GET /api/user/roles/; null = not known (not signed in, failed, loading). */
  roles: UserRoles | null;
  /** GET /api/plugins/?mixin=barcode; null = not allowed or failed. */
  plugins: BarcodePluginState[] | null;
  /** BARCODE_STORE_RESULTS; null = could not be read. */
  storeResults: boolean | null;
}
