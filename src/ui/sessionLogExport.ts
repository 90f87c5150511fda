/**
 * The session log for the supervisor and for the search box: outcome words, the object and
 * quantity read back from a result line, the search match, and the CSV export. Pure.
 */
import { i18n } from '../i18n/i18n.ts';
import { decimalSeparator } from '../i18n/format.ts';
import { visibleText } from '../scanner/visibleText.ts';
import type { SessionLogEntry, SessionLogTone } from './sessionLog.ts';

/** Catalogue keys (ui:sessionLog.tone.*) of the outcome as the log's badge names it. */
export const OUTCOME_KEY = {
  pending: 'sessionLog.tone.pending',
  queued: 'sessionLog.tone.queued',
  sending: 'sessionLog.tone.sending',
  success: 'sessionLog.tone.success',
  notFound: 'sessionLog.tone.notFound',
  repeat: 'sessionLog.tone.repeat',
  error: 'sessionLog.tone.error',
  info: 'sessionLog.tone.info',
} as const satisfies Record<SessionLogTone, string>;

/** The outcome word, in the language in use (as the badge shows it). */
export function outcomeLabel(tone: SessionLogTone): string {
  return i18n.t(`ui:${OUTCOME_KEY[tone]}`);
}

/**
 * Result lines name a quantity as "… × 1,000" (a found stock item) or "Allocated 5 × …", written
 * with the language's separators (German "× 1.000,5"): the number pattern and its reading follow them.
 */
interface QuantityReader {
  trailing: RegExp;
  leading: RegExp;
  read(s: string): number;
}
const readers = new Map<string, QuantityReader>();

function quantityReader(): QuantityReader {
  const decimal = decimalSeparator();
  let reader = readers.get(decimal);
  if (!reader) {
    const group = decimal === ',' ? '.' : ',';
    const esc = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const num = `(\\d[\\d${esc(group)}]*(?:${esc(decimal)}\\d+)?)`;
    reader = {
      trailing: new RegExp(`\\s×\\s${num}\\s*$`),
      leading: new RegExp(`(?:^|\\s)${num}\\s×\\s`),
      read: (s) => Number(s.split(group).join('').replace(decimal, '.')),
    };
    readers.set(decimal, reader);
  }
  return reader;
}

/** What the line is about and how many, read back from its result line (quantity null when none). */
export function objectAndQuantity(result: string): { object: string; quantity: number | null } {
  const reader = quantityReader();
  const trailing = reader.trailing.exec(result);
  if (trailing) return { object: result.slice(0, trailing.index).trim(), quantity: reader.read(trailing[1]!) };
  const leading = reader.leading.exec(result);
  return { object: result, quantity: leading ? reader.read(leading[1]!) : null };
}

/** Whether an entry matches the search box: barcode text (as shown or raw), result line or outcome. */
export function matchesQuery(entry: SessionLogEntry, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return true;
  return [entry.text, visibleText(entry.text), entry.result, outcomeLabel(entry.tone)].some((field) =>
    field.toLocaleLowerCase().includes(q),
  );
}

export const CSV_COLUMNS = ['time', 'workflow', 'barcode', 'outcome', 'object', 'quantity'] as const;

/** The header line's words, in the language in use (the supervisor reads them in a spreadsheet). */
function csvHeader(): string {
  return CSV_COLUMNS.map((c) => csvField(i18n.t(`ui:sessionLog.csv.${c}`))).join(',');
}

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
 * of a barcode are written as their visible symbols (␝ for GS), as the log shows them. Headers and
 * outcome words are in the language in use; time (ISO 8601) and quantity (1000.5) stay machine-readable.
 */
export function sessionLogCsv(entries: Iterable<SessionLogEntry>, workflow: string): string {
  const lines = [csvHeader()];
  for (const e of entries) {
    const { object, quantity } = objectAndQuantity(e.result);
    lines.push(
      [
        csvField(localIsoTime(e.at), { text: false }),
        csvField(workflow),
        csvField(visibleText(e.text)),
        csvField(outcomeLabel(e.tone)),
        csvField(object),
        csvField(quantity, { text: false }),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
