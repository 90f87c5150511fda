import { VisuallyHidden } from '@mantine/core';
import { useEffect, useState } from 'react';
import { onAnnounce } from './liveAnnouncer.ts';

/**
 * The app's one polite live region (mount once, in the layout, so it exists before anything is
 * announced). Each message gets a fresh text node (keyed), so the same words said twice in a row,
 * e.g. two "No match" scans, are spoken twice.
 */
export function LiveAnnouncer() {
  const [message, setMessage] = useState<{ text: string; n: number }>({ text: '', n: 0 });
  useEffect(() => onAnnounce((text) => setMessage((m) => ({ text, n: m.n + 1 }))), []);
  return (
    <VisuallyHidden aria-live="polite" aria-atomic="true" role="status" data-testid="live-announcer">
      <span key={message.n}>{message.text}</span>
    </VisuallyHidden>
  );
}
