import { useEffect, useMemo, useRef } from 'react';
import { installAudioUnlock, signalFeedback, type FeedbackKind } from './feedback.ts';
import { useScannerSettings } from './useScannerSettings.ts';

export interface Feedback {
  signal(kind: FeedbackKind): void;
  match(): void;
  /** Same as match(): a scan that found something. */
  success(): void;
  repeat(): void;
  error(): void;
  nomatch(): void;
}

/**
 * Sound, vibration and flash for scan outcomes, each honouring its setting. The returned object
 * is stable, so it can sit in dependency lists; it reads the latest settings when called.
 */
export function useFeedback(): Feedback {
  const [settings] = useScannerSettings();
  const channels = useRef(settings);
  channels.current = settings;

  useEffect(() => installAudioUnlock(), []);

  return useMemo(() => {
    const signal = (kind: FeedbackKind) => signalFeedback(kind, channels.current);
    return {
      signal,
      match: () => signal('match'),
      success: () => signal('match'),
      repeat: () => signal('repeat'),
      error: () => signal('error'),
      nomatch: () => signal('nomatch'),
    };
  }, []);
}
