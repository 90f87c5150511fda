/**
 * The feedback a session-log outcome gives (sound, vibration, flash), the same on every workflow
 * page: a picker learns one set of signals.
 */
import { useCallback, useRef } from 'react';
import type { ScanEvent } from '../scanner/scanEvent.ts';
import type { Feedback } from '../scanner/useFeedback.ts';
import type { SessionLogTone } from './sessionLog.ts';
import type { SessionLogControls } from './useSessionLog.ts';
import { i18n } from '../i18n/i18n.ts';

export function feedbackForTone(feedback: Feedback, tone: SessionLogTone): void {
  if (tone === 'success') feedback.success();
  // Kept in the offline queue: not an error, not done yet.
  else if (tone === 'repeat' || tone === 'info' || tone === 'queued') feedback.repeat();
  else if (tone === 'notFound') feedback.nomatch();
  else if (tone !== 'pending') feedback.error();
}

/**
 * The same label again within the duplicate window: one scan, noted as a repeat. The callback is
 * stable (ScanInput keeps its listeners) and uses the newest log and feedback.
 */
export function useRepeatScan(log: SessionLogControls, feedback: Feedback): (scan: ScanEvent) => void {
  const latest = useRef({ log, feedback });
  latest.current = { log, feedback };
  return useCallback((scan: ScanEvent) => {
    latest.current.log.add(scan, { tone: 'repeat', result: i18n.t('ui:repeatScan') });
    latest.current.feedback.repeat();
  }, []);
}
