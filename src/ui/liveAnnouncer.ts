/**
 * One polite announcement channel for screen readers: workflows (through the session log) say what
 * came of a scan, and the single <LiveAnnouncer/> region in the layout speaks it. Pure pub/sub, so
 * any number of pages can announce without each owning a live region (several regions speaking at
 * once would interrupt one another).
 */
import type { SessionLogTone } from './sessionLog.ts';
import { i18n } from '../i18n/i18n.ts';

/** `tone` lets a visual listener (the kiosk's big banner) colour the message. */
type Listener = (message: string, tone: SessionLogTone | null) => void;
const listeners = new Set<Listener>();

export function announce(message: string, tone: SessionLogTone | null = null): void {
  const text = message.trim();
  if (!text) return;
  for (const l of listeners) l(text, tone);
}

export function onAnnounce(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Catalogue keys (ui:tone.*) of the word said before a scan outcome. */
const TONE_WORD = {
  success: 'tone.found',
  notFound: 'tone.noMatch',
  error: 'tone.error',
  repeat: 'tone.repeat',
} as const satisfies Partial<Record<SessionLogTone, string>>;

/**
 * What a screen reader hears for a scan outcome, e.g. "Found: Stock item #12", "No match",
 * "Error: The server did not answer". Pending lookups are not announced (the answer follows).
 */
export function announcementFor(tone: SessionLogTone, result: string): string | null {
  if (tone === 'pending') return null;
  const key = TONE_WORD[tone as keyof typeof TONE_WORD] as (typeof TONE_WORD)[keyof typeof TONE_WORD] | undefined;
  const word = key ? i18n.t(`ui:${key}`) : undefined;
  const detail = result.trim();
  if (!word) return detail || null;
  if (!detail || detail.toLowerCase() === word.toLowerCase()) return word;
  return i18n.t('ui:tone.announce', { word, detail });
}
