/**
 * The session log for the supervisor and for the search box: outcome words, the object and
 * quantity read back from a result line, the search match, and the CSV export. Pure.
 */
import { visibleText } from '../scanner/visibleText.ts';
import type { SessionLogEntry, SessionLogTone } from './sessionLog.ts';

/** The outcome as the log's badge names it. */
export const OUTCOME_LABEL: Record<SessionLogTone, string> = {
  pending: 'Looking up',
  queued: 'Queued',
  sending: 'Sending',
  success: 'Found',
  notFound: 'No match',
  repeat: 'Repeat',
  error: 'Error',
  info: 'Info',
};

// Result lines name a quantity as "… × 1,000" (a found stock item) or "Allocated 5 × …".
const TRAILING_QTY = /\s×\s([\d][\d,]*(?:\.\d+)?)\s*$/;
const LEADING_QTY = /(?:^|\s)([\d][\d,]*(?:\.\d+)?)\s×\s/;

/** What the line is about and how many, read back from its result line (quantity null when none). */
export function objectAndQuantity(result: string): { object: string; quantity: number | null } {
  const number = (s: string) => Number(s.replace(/,/g, ''));
  const trailing = TRAILING_QTY.exec(result);
  if (trailing) return { object: result.slice(0, trailing.index).trim(), quantity: number(trailing[1]!) };
  const leading = LEADING_QTY.exec(result);
  return { object: result, quantity: leading ? number(leading[1]!) : null };
}

/** Whether an entry matches the search box: barcode text (as shown or raw), result line or outcome. */
export function matchesQuery(entry: SessionLogEntry, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return true;
  return [entry.text, visibleText(entry.text), entry.result, OUTCOME_LABEL[entry.tone]].some((field) =>
    field.toLocaleLowerCase().includes(q),
  );
}

export const CSV_COLUMNS = ['time', 'workflow', 'barcode', 'outcome', 'object', 'quantity'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe:
 * barcodes are whatever a label says, and a supervisor opens this file in a spreadsheet.
 */
export function csvField(value: string | number | null, { text = true } = {}): string {
  if (value === null) return '';
  let s = String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Local time with its UTC offset (ISO 8601), so the file says when, wherever it is opened. */
export function localIsoTime(at: number): string {
  const d = new Date(at);
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:` +
    `${pad(d.getSeconds())}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/**
 * The log as CSV, oldest first, one line per scan, CRLF line ends (RFC 4180). Control characters
 * of a barcode are written as their visible symbols (␝ for GS), as the log shows them.
 */
export function sessionLogCsv(entries: Iterable<SessionLogEntry>, workflow: string): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const { object, quantity } = objectAndQuantity(e.result);
    lines.push(
      [
        csvField(localIsoTime(e.at), { text: false }),
        csvField(workflow),
        csvField(visibleText(e.text)),
        csvField(OUTCOME_LABEL[e.tone]),
        csvField(object),
        csvField(quantity, { text: false }),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
