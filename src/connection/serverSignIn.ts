/**
 * Pure: the Settings page's "InvenTree server" form as a state machine (issue #20, sign-in that
 * forgives). Checking an address and signing in happen beside the current session, which the
 * provider replaces only once the new one works. A refused sign-in clears only what was wrong (the
 * password, or the pasted token) and puts the cursor there; the address and username stay.
 */
import type { ServerInfo } from '../api/serverInfo.ts';
import type { Diagnosis } from './connectDiagnosis.ts';

export type SignInField = 'url' | 'username' | 'password' | 'token';

export interface ServerSignInState {
  url: string;
  username: string;
  password: string;
  token: string;
  phase: 'idle' | 'checking' | 'signing-in';
  /** The server that answered GET /api/ at the address checked last (not yet the session's). */
  checked: { url: string; serverInfo: ServerInfo } | null;
  /** Why the last check or sign-in failed; null when it did not. */
  diagnosis: Diagnosis | null;
  /** The field to focus after this step, or null to leave focus alone. */
  focus: SignInField | null;
}

export type ServerSignInEvent =
  | { type: 'edit'; field: SignInField; value: string }
  | { type: 'check' }
  | { type: 'checked'; url: string; serverInfo: ServerInfo }
  | { type: 'check-failed'; diagnosis: Diagnosis }
  | { type: 'sign-in' }
  | { type: 'signed-in' }
  | { type: 'sign-in-failed'; how: 'password' | 'token'; diagnosis: Diagnosis; serverInfo: ServerInfo | null }
  | { type: 'focused' };

export function initialServerSignIn(url: string, username: string): ServerSignInState {
  return { url, username, password: '', token: '', phase: 'idle', checked: null, diagnosis: null, focus: null };
}

/** Failures that say the credentials were wrong (the server answered): only those are cleared. */
const REFUSED = new Set(['wrong-password', 'token-invalid', 'token-expired', 'not-signed-in']);

export function serverSignIn(state: ServerSignInState, event: ServerSignInEvent): ServerSignInState {
  switch (event.type) {
    case 'edit':
      return { ...state, [event.field]: event.value, focus: null };
    case 'check':
      return { ...state, phase: 'checking', diagnosis: null, focus: null };
    case 'checked':
      return { ...state, phase: 'idle', checked: { url: event.url, serverInfo: event.serverInfo }, focus: 'username' };
    case 'check-failed':
      return { ...state, phase: 'idle', checked: null, diagnosis: event.diagnosis, focus: 'url' };
    case 'sign-in':
      return { ...state, phase: 'signing-in', diagnosis: null, focus: null };
    case 'signed-in':
      // The session now is this server: the form shows it, not a candidate, and keeps no secret.
      return { ...state, phase: 'idle', password: '', token: '', checked: null, diagnosis: null, focus: null };
    case 'focused':
      return { ...state, focus: null };
    case 'sign-in-failed': {
      const refused = REFUSED.has(event.diagnosis.code);
      const field = event.how === 'password' ? 'password' : 'token';
      const checked =
        state.checked && event.serverInfo ? { ...state.checked, serverInfo: event.serverInfo } : state.checked;
      return {
        ...state,
        phase: 'idle',
        checked,
        diagnosis: event.diagnosis,
        ...(refused ? { [field]: '' } : {}),
        focus: refused ? field : null,
      };
    }
  }
}
