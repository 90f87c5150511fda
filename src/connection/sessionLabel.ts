/**
 * Pure: what the header says about the session, truly (issue #20): "demo", "signed in as X",
 * "signed out", "unreachable", "not InvenTree"… A server that answered is never called "not
 * connected": a wrong password or a rejected token means signed out, not unreachable.
 */
import { i18n } from '../i18n/i18n.ts';
import type { DiagnosisCode } from './connectDiagnosis.ts';
import type { ConnectionStatus } from './connectionContext.ts';
import type { ConnectionMode } from './connectionTypes.ts';

export interface SessionFacts {
  mode: ConnectionMode;
  status: ConnectionStatus;
  username: string | null;
  diagnosis: DiagnosisCode | null;
}

export type SessionTone = 'ok' | 'busy' | 'signed-out' | 'problem';

export interface SessionLabel {
  /** "signed in as admin", "signed out", "unreachable", … */
  text: string;
  tone: SessionTone;
}

/** What a failed connect means for the header, by what the server did (or did not) answer. */
const PROBLEM_KEY = {
  'bad-url': 'badUrl',
  'mixed-content': 'mixedContent',
  offline: 'offline',
  unreachable: 'unreachable',
  timeout: 'unreachable',
  cors: 'cors',
  'not-inventree': 'notInvenTree',
  'incompatible-version': 'unsupportedVersion',
  'wrong-password': 'signedOut',
  'token-expired': 'signedOut',
  'token-invalid': 'signedOut',
  'not-signed-in': 'signedOut',
  'server-error': 'serverError',
  unknown: 'failed',
} as const satisfies Record<DiagnosisCode, string>;

/** Made when rendering (the header re-renders on a language change). */
export function sessionLabel(f: SessionFacts): SessionLabel {
  switch (f.status) {
    case 'signed-in':
      return {
        text: f.username
          ? i18n.t('connection:session.signedInAs', { user: f.username })
          : i18n.t('connection:session.signedIn'),
        tone: 'ok',
      };
    case 'connecting':
      return { text: i18n.t('connection:session.connecting'), tone: 'busy' };
    case 'expired':
      return { text: i18n.t('connection:session.expired'), tone: 'signed-out' };
    case 'signed-out':
      return { text: i18n.t('connection:session.signedOut'), tone: 'signed-out' };
    case 'error': {
      const key = f.diagnosis ? PROBLEM_KEY[f.diagnosis] : 'failed';
      return { text: i18n.t(`connection:session.${key}`), tone: key === 'signedOut' ? 'signed-out' : 'problem' };
    }
  }
}

/**
 * The header badge: "Demo · admin" in demo mode (the demo user is the whole story), otherwise
 * where and who, e.g. "InvenTree Demo Server · signed in as admin"; a phone drops the "where".
 */
export function indicatorText(f: SessionFacts, where: string, compact: boolean): string {
  const label = sessionLabel(f);
  if (f.mode === 'demo') {
    return i18n.t('connection:session.demoBadge', {
      who: f.status === 'signed-in' && f.username ? f.username : label.text,
    });
  }
  return compact ? label.text : i18n.t('connection:session.badge', { where, label: label.text });
}
