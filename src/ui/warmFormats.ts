/**
 * The first Intl formatter of a page costs 15–25 ms (the locale's data), and the session log's
 * first line needs three (the summary's count, the line's time and its full date). Made as the
 * page opens, they are not made on the first scan's path to the screen.
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

/**
 * Run warmFormats in a task of its own just after the page's first render: before the camera's
 * first frames, so its one-time cost (tens of ms for the first Intl object) is part of opening the
 * page, not of scanning. Returns a cancel function for an effect's cleanup.
 */
export function warmFormatsSoon(): () => void {
  const timer = setTimeout(warmFormats, 0);
  return () => clearTimeout(timer);
}
