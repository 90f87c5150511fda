/**
 * Pure: what the header says about the session, truly (issue #20): "demo", "signed in as X",
 * "signed out", "unreachable", "not InvenTree"… A server that answered is never called "not
 * connected": a wrong password or a rejected token means signed out, not unreachable.
 */
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
const PROBLEM_TEXT: Record<DiagnosisCode, string> = {
  'bad-url': 'no valid address',
  'mixed-content': 'blocked (http on https)',
  offline: 'offline',
  unreachable: 'unreachable',
  timeout: 'unreachable',
  cors: 'blocked (CORS)',
  'not-inventree': 'not InvenTree',
  'incompatible-version': 'unsupported version',
  'wrong-password': 'signed out',
  'token-expired': 'signed out',
  'token-invalid': 'signed out',
  'not-signed-in': 'signed out',
  'server-error': 'server error',
  unknown: 'connection failed',
};

export function sessionLabel(f: SessionFacts): SessionLabel {
  switch (f.status) {
    case 'signed-in':
      return { text: f.username ? `signed in as ${f.username}` : 'signed in', tone: 'ok' };
    case 'connecting':
      return { text: 'connecting…', tone: 'busy' };
    case 'expired':
      return { text: 'signed out (sign in again)', tone: 'signed-out' };
    case 'signed-out':
      return { text: 'signed out', tone: 'signed-out' };
    case 'error': {
      const text = f.diagnosis ? PROBLEM_TEXT[f.diagnosis] : 'connection failed';
      return { text, tone: text === 'signed out' ? 'signed-out' : 'problem' };
    }
  }
}

/**
 * The header badge: "Demo · admin" in demo mode (the demo user is the whole story), otherwise
 * where and who, e.g. "InvenTree Demo Server · signed in as admin"; a phone drops the "where".
 */
export function indicatorText(f: SessionFacts, where: string, compact: boolean): string {
  const label = sessionLabel(f);
  if (f.mode === 'demo') return `Demo · ${f.status === 'signed-in' && f.username ? f.username : label.text}`;
  return compact ? label.text : `${where} · ${label.text}`;
}
