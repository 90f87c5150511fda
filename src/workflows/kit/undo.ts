/**
 * Undo and correct from the session log, written once for every workflow. A workflow offers an
 * action on a log line (what the button says, the sentence said before anything is sent, its own
 * key); the kit asks for confirmation, sends the workflow's request like any write (io.submit,
 * the kit's failure words) and marks the line "Undone: …" or says why not. Pure: no React here.
 */
import type { Answer, RequestFailure } from '../../api/httpAnswer.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { LogAction } from '../../ui/sessionLog.ts';
import { failureOutcome, serverReason, type FailureWords } from './failure.ts';

/** What a workflow offers on a log line. */
export type UndoOffer = Pick<LogAction, 'label' | 'confirm' | 'ref' | 'ask'>;

/** The request of an undo: the workflow's key and, for a correction, the number asked. */
export interface UndoRequest {
  ref: string;
  input: number | null;
}

export function offered(offer: UndoOffer): LogAction {
  return { ...offer, status: 'offered' };
}

/** Confirmed: the request may start (not twice, not after it is done, not without a valid number). */
export function mayStart(action: LogAction | undefined, input: number | null): action is LogAction {
  if (!action || action.status === 'sending' || action.status === 'done') return false;
  if (action.ask) return input !== null && Number.isFinite(input) && input >= 0;
  return true;
}

export function sending(action: LogAction): LogAction {
  return { ...action, status: 'sending', note: undefined };
}

/** Why an undo failed, in words: the kit's common failures first, then the server's own reason. */
export function undoFailureText(failure: RequestFailure, words: FailureWords = {}): string {
  const common = failureOutcome(failure, { afterServerError: i18n.t('kit:undo.nothingUndone'), ...words });
  if (common) return common.message;
  return serverReason(failure.body) || failure.message || i18n.t('kit:undo.refused', { status: failure.status });
}

/**
 * The line's action after the answer: done with the workflow's sentence (the action disappears),
 * or failed with the reason (offered again).
 */
export function settled(action: LogAction, answer: Answer<string>, words?: FailureWords): LogAction {
  if (answer.kind === 'answered') return { ...action, status: 'done', note: answer.value };
  return {
    ...action,
    status: 'failed',
    note: i18n.t('kit:undo.notUndone', { reason: undoFailureText(answer.failure, words) }),
  };
}
