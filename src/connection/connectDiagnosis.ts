/**
 * Pure: turn what happened while connecting into a plain-words diagnosis for the Settings page —
 * unreachable, CORS blocked, wrong password, expired or invalid token, not an InvenTree server,
 * incompatible API version.
 */
import { ApiError } from '../api/apiError.ts';
import { serverInfoProblem } from '../api/serverInfo.ts';
import { apiVersionRefusal } from '../api/apiVersion.ts';

export type DiagnosisCode =
  | 'bad-url'
  | 'mixed-content'
  | 'offline'
  | 'unreachable'
  | 'timeout'
  | 'cors'
  | 'not-inventree'
  | 'incompatible-version'
  | 'wrong-password'
  | 'token-expired'
  | 'token-invalid'
  | 'not-signed-in'
  | 'server-error'
  | 'unknown';

export interface Diagnosis {
  code: DiagnosisCode;
  /** Short heading, e.g. "Server unreachable". */
  title: string;
  /** What happened, in plain words. */
  message: string;
  /** What to do next. */
  nextStep: string;
}

/** Which step of connecting failed: GET /api/, GET /api/user/token/, or GET /api/user/me/. */
export type ConnectStep = 'server-info' | 'token' | 'me';

export interface ConnectAttempt {
  baseUrl: string;
  mode: 'demo' | 'server';
  step: ConnectStep;
  /** What was thrown (usually ApiError). */
  error?: unknown;
  /** A GET /api/ body that arrived but may not be InvenTree's. */
  serverInfoBody?: unknown;
}

function where(a: Pick<ConnectAttempt, 'baseUrl' | 'mode'>): string {
  return a.mode === 'demo' ? 'The demo server' : a.baseUrl.replace(/\/+$/, '') || 'The server';
}

/**
 * Check a typed server URL before any request. `pageProtocol` is the app's own `location.protocol`
 * (an https page cannot call an http server: the browser blocks it as mixed content).
 */
export function checkServerUrl(
  input: string,
  pageProtocol = 'http:',
): { ok: true; url: string } | { ok: false; diagnosis: Diagnosis } {
  let text = input.trim();
  if (!text) {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: 'No server address',
        message: 'Enter the address of your InvenTree server.',
        nextStep: 'For example https://inventree.example.com',
      },
    };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: 'Not a web address',
        message: `“${input.trim()}” is not a web address.`,
        nextStep: 'Enter it like https://inventree.example.com',
      },
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: 'Not a web address',
        message: 'The server address must start with http:// or https://.',
        nextStep: 'Enter it like https://inventree.example.com',
      },
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: 'Credentials in the address',
        message: 'The address contains a username or password.',
        nextStep: 'Remove them from the address and use the sign-in fields instead.',
      },
    };
  }
  if (url.protocol === 'http:' && pageProtocol === 'https:') {
    return {
      ok: false,
      diagnosis: {
        code: 'mixed-content',
        title: 'Insecure server address',
        message: 'This app runs over HTTPS, so the browser blocks requests to a plain http:// server.',
        nextStep: 'Use the server’s https:// address, or open StockScan over http on your local network.',
      },
    };
  }
  // InvenTree's root is the API base; people often paste a page or the API URL itself.
  let path = url.pathname.replace(/\/+$/, '');
  path = path.replace(/\/(api|platform|web|index\.html)(\/.*)?$/i, '');
  return { ok: true, url: `${url.origin}${path}` };
}

/** Pure: is this API version usable? null when it is. Newer versions are fine (the client branches). */
export function diagnoseApiVersion(apiVersion: number): Diagnosis | null {
  // api/apiVersion.ts knows the versions; newer than tested is used as the newest tested.
  const refusal = apiVersionRefusal(apiVersion);
  return refusal ? { code: 'incompatible-version', ...refusal } : null;
}

export function diagnoseConnect(a: ConnectAttempt): Diagnosis {
  const server = where(a);
  const e = a.error;

  // In demo mode an HTML body means the simulation is not running (handled below), not a foreign server.
  const demoHtml = a.mode === 'demo' && typeof a.serverInfoBody === 'string';
  if (a.serverInfoBody !== undefined && a.step === 'server-info' && !demoHtml) {
    const problem = serverInfoProblem(a.serverInfoBody);
    if (problem) return notInvenTree(server, problem);
    const v = (a.serverInfoBody as { apiVersion: number }).apiVersion;
    const versionProblem = diagnoseApiVersion(v);
    if (versionProblem) return versionProblem;
  }

  if (!(e instanceof ApiError)) {
    const msg = e instanceof Error && e.message ? e.message : 'Something unexpected went wrong while connecting.';
    return {
      code: 'unknown',
      title: 'Could not connect',
      message: msg,
      nextStep: 'Try again; if it keeps happening, check the server address.',
    };
  }

  switch (e.kind) {
    case 'network':
      if (/offline/i.test(e.message)) {
        return {
          code: 'offline',
          title: 'You are offline',
          message: 'This device has no network connection.',
          nextStep: 'Reconnect to the network and try again.',
        };
      }
      return {
        code: 'unreachable',
        title: 'Server unreachable',
        message: `${server} does not answer.`,
        nextStep:
          'Check the address (including http/https and port), that the server is running, and that this device is on the right network.',
      };
    case 'cors':
      return {
        code: 'cors',
        title: 'Blocked by CORS',
        message: `${server} answers, but does not allow this app’s address to read its answers (CORS).`,
        nextStep:
          'Add this app’s address to the server’s CORS settings (INVENTREE_CORS_ORIGIN_WHITELIST, or INVENTREE_CORS_ORIGIN_ALLOW_ALL), or use the dev proxy described in the README.',
      };
    case 'timeout':
      return {
        code: 'timeout',
        title: 'No answer in time',
        message: `${server} did not answer in time.`,
        nextStep: 'Check the network and that the server is not overloaded, then try again.',
      };
    case 'aborted':
      return { code: 'unknown', title: 'Cancelled', message: 'Connecting was cancelled.', nextStep: 'Try again.' };
    case 'parse':
      if (a.mode === 'demo') {
        return {
          code: 'unreachable',
          title: 'Demo server not running',
          message: e.message,
          nextStep: e.nextStep ?? 'Reload the page.',
        };
      }
      if (a.step === 'server-info') return notInvenTree(server, e.message);
      return {
        code: 'not-inventree',
        title: 'Unexpected answer',
        message: e.message,
        nextStep: e.nextStep ?? 'Check the server address.',
      };
    case 'http':
      break;
  }

  const status = e.status ?? 0;
  if (status === 401) {
    if (a.step === 'token' || e.authProblem === 'wrong-password') {
      return {
        code: 'wrong-password',
        title: 'Wrong username or password',
        message: 'The server did not accept this username and password.',
        nextStep: 'Check both (they are case-sensitive) and try again.',
      };
    }
    if (e.authProblem === 'expired' || e.authProblem === 'revoked') {
      return {
        code: 'token-expired',
        title: 'Sign-in expired',
        message: e.authProblem === 'revoked' ? 'Your token has been revoked on the server.' : 'Your token has expired.',
        nextStep: 'Sign in again with your username and password.',
      };
    }
    if (e.authProblem === 'missing') {
      return {
        code: 'not-signed-in',
        title: 'Not signed in',
        message: 'You are not signed in to this server.',
        nextStep: 'Sign in with your username and password, or paste an API token.',
      };
    }
    return {
      code: 'token-invalid',
      title: 'Token not accepted',
      message: 'The server does not accept this token (it may have been deleted, or belong to another server).',
      nextStep: 'Sign in again with your username and password, or paste a current API token.',
    };
  }
  if (a.step === 'server-info' && (status === 404 || status === 405 || typeof e.body === 'string')) {
    return notInvenTree(server, `GET /api/ answered ${status}.`);
  }
  if (status >= 500) {
    return {
      code: 'server-error',
      title: 'Server error',
      message: e.message,
      nextStep: e.nextStep ?? 'Try again later, or ask your administrator to check the server.',
    };
  }
  return {
    code: 'unknown',
    title: 'Could not connect',
    message: e.message,
    nextStep: e.nextStep ?? 'Check the server address and try again.',
  };
}

function notInvenTree(server: string, detail: string): Diagnosis {
  return {
    code: 'not-inventree',
    title: 'Not an InvenTree server',
    message: `${server} answers, but not like InvenTree. ${detail}`.trim(),
    nextStep: 'Use the address you open InvenTree at (e.g. https://inventree.example.com), without /api or /platform.',
  };
}
