/**
 * The first Intl formatter of a page costs 15–25 ms (the locale's data), and the session log's
 * first line needs three (the summary's count, the line's time and its full date). Made while the
 * page is idle after it opens, they are not made on the first scan's path to the screen.
 */
import { i18n } from '../i18n/i18n.ts';
import { formatDateTime, formatNumber, formatTime } from '../i18n/format.ts';

let warmed: string | null = null;

/** Create the formatters the session log uses, once per language. */
export function warmFormats(): void {
  const language = i18n.language;
  if (warmed === language) return;
  warmed = language;
  const now = Date.now();
  formatTime(now, true);
  formatDateTime(now);
  formatNumber(1);
  // i18next's `{{count, number}}` has its own formatter (and plural rules).
  i18n.t('ui:sessionLog.summary.scans', { count: 1 });
}

/** Run warmFormats when the page is next idle; returns a cancel function for an effect's cleanup. */
export function warmFormatsWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(warmFormats, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(warmFormats, 200);
  return () => clearTimeout(timer);
}
