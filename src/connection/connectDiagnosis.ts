/**
 * Pure: turn what happened while connecting into a plain-words diagnosis for the Settings page —
 * unreachable, CORS blocked, wrong password, expired or invalid token, not an InvenTree server,
 * incompatible API version.
 */
import { ApiError } from '../api/apiError.ts';
import { serverInfoProblem } from '../api/serverInfo.ts';
import { apiVersionRefusal } from '../api/apiVersion.ts';
import { i18n } from '../i18n/i18n.ts';

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

const EXAMPLE_URL = 'https://inventree.example.com';

/** The diagnosis texts, in the language in use when the diagnosis is made. */
function texts() {
  return i18n.getFixedT(null, 'connection', 'diagnosis');
}

/**
 * "{{server}} does not answer." for a server, its own sentence for the demo (the words around the
 * subject differ by language, so the demo is not just another {{server}}).
 */
function aboutServer(
  a: Pick<ConnectAttempt, 'baseUrl' | 'mode'>,
  key: 'unreachable' | 'cors' | 'timeout' | 'notInvenTree',
  detail = '',
): string {
  const t = texts();
  if (a.mode === 'demo') return t(`${key}.messageDemo`, { detail }).trim();
  const server = a.baseUrl.replace(/\/+$/, '') || t('theServer');
  return t(`${key}.message`, { server, detail }).trim();
}

/**
 * Check a typed server URL before any request. `pageProtocol` is the app's own `location.protocol`
 * (an https page cannot call an http server: the browser blocks it as mixed content).
 */
export function checkServerUrl(
  input: string,
  pageProtocol = 'http:',
): { ok: true; url: string } | { ok: false; diagnosis: Diagnosis } {
  const t = texts();
  let text = input.trim();
  if (!text) {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: t('noAddress.title'),
        message: t('noAddress.message'),
        nextStep: t('noAddress.nextStep', { example: EXAMPLE_URL }),
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
        title: t('notAddress.title'),
        message: t('notAddress.message', { input: input.trim() }),
        nextStep: t('notAddress.nextStep', { example: EXAMPLE_URL }),
      },
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: t('notAddress.title'),
        message: t('notAddress.scheme'),
        nextStep: t('notAddress.nextStep', { example: EXAMPLE_URL }),
      },
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      diagnosis: {
        code: 'bad-url',
        title: t('credentialsInUrl.title'),
        message: t('credentialsInUrl.message'),
        nextStep: t('credentialsInUrl.nextStep'),
      },
    };
  }
  if (url.protocol === 'http:' && pageProtocol === 'https:') {
    return {
      ok: false,
      diagnosis: {
        code: 'mixed-content',
        title: t('mixedContent.title'),
        message: t('mixedContent.message'),
        nextStep: t('mixedContent.nextStep'),
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
  const t = texts();
  const e = a.error;

  // In demo mode an HTML body means the simulation is not running (handled below), not a foreign server.
  const demoHtml = a.mode === 'demo' && typeof a.serverInfoBody === 'string';
  if (a.serverInfoBody !== undefined && a.step === 'server-info' && !demoHtml) {
    const problem = serverInfoProblem(a.serverInfoBody);
    if (problem) return notInvenTree(a, problem);
    const v = (a.serverInfoBody as { apiVersion: number }).apiVersion;
    const versionProblem = diagnoseApiVersion(v);
    if (versionProblem) return versionProblem;
  }

  if (!(e instanceof ApiError)) {
    const msg = e instanceof Error && e.message ? e.message : t('unknown.message');
    return { code: 'unknown', title: t('unknown.title'), message: msg, nextStep: t('unknown.nextStep') };
  }

  switch (e.kind) {
    case 'network':
      if (/offline/i.test(e.message)) {
        return {
          code: 'offline',
          title: t('offline.title'),
          message: t('offline.message'),
          nextStep: t('offline.nextStep'),
        };
      }
      return {
        code: 'unreachable',
        title: t('unreachable.title'),
        message: aboutServer(a, 'unreachable'),
        nextStep: t('unreachable.nextStep'),
      };
    case 'cors':
      return { code: 'cors', title: t('cors.title'), message: aboutServer(a, 'cors'), nextStep: t('cors.nextStep') };
    case 'timeout':
      return {
        code: 'timeout',
        title: t('timeout.title'),
        message: aboutServer(a, 'timeout'),
        nextStep: t('timeout.nextStep'),
      };
    case 'aborted':
      return {
        code: 'unknown',
        title: t('cancelled.title'),
        message: t('cancelled.message'),
        nextStep: t('cancelled.nextStep'),
      };
    case 'parse':
      if (a.mode === 'demo') {
        return {
          code: 'unreachable',
          title: t('demoNotRunning.title'),
          message: e.message,
          nextStep: e.nextStep ?? t('demoNotRunning.nextStep'),
        };
      }
      if (a.step === 'server-info') return notInvenTree(a, e.message);
      return {
        code: 'not-inventree',
        title: t('unexpected.title'),
        message: e.message,
        nextStep: e.nextStep ?? t('unexpected.nextStep'),
      };
    case 'http':
      break;
  }

  const status = e.status ?? 0;
  if (status === 401) {
    if (a.step === 'token' || e.authProblem === 'wrong-password') {
      return {
        code: 'wrong-password',
        title: t('wrongPassword.title'),
        message: t('wrongPassword.message'),
        nextStep: t('wrongPassword.nextStep'),
      };
    }
    if (e.authProblem === 'expired' || e.authProblem === 'revoked') {
      return {
        code: 'token-expired',
        title: t('tokenExpired.title'),
        message: e.authProblem === 'revoked' ? t('tokenExpired.messageRevoked') : t('tokenExpired.message'),
        nextStep: t('tokenExpired.nextStep'),
      };
    }
    if (e.authProblem === 'missing') {
      return {
        code: 'not-signed-in',
        title: t('notSignedIn.title'),
        message: t('notSignedIn.message'),
        nextStep: t('notSignedIn.nextStep'),
      };
    }
    return {
      code: 'token-invalid',
      title: t('tokenInvalid.title'),
      message: t('tokenInvalid.message'),
      nextStep: t('tokenInvalid.nextStep'),
    };
  }
  if (a.step === 'server-info' && (status === 404 || status === 405 || typeof e.body === 'string')) {
    return notInvenTree(a, t('notInvenTree.status', { status }));
  }
  if (status >= 500) {
    return {
      code: 'server-error',
      title: t('serverError.title'),
      message: e.message,
      nextStep: e.nextStep ?? t('serverError.nextStep'),
    };
  }
  return {
    code: 'unknown',
    title: t('unknown.title'),
    message: e.message,
    nextStep: e.nextStep ?? t('failed.nextStep'),
  };
}

/** `detail` is what was wrong with the answer (the api layer's words, or InvenTree's status). */
function notInvenTree(a: Pick<ConnectAttempt, 'baseUrl' | 'mode'>, detail: string): Diagnosis {
  return {
    code: 'not-inventree',
    title: texts()('notInvenTree.title'),
    message: aboutServer(a, 'notInvenTree', detail),
    nextStep: texts()('notInvenTree.nextStep', { example: EXAMPLE_URL }),
  };
}
