/**
 * Numbers, quantities, dates, relative times and lists with Intl in the active language
 * (a German user reads 1.000 and 04.12.2026). Plain functions, usable outside React too; in a
 * component use useFormat() so it re-renders when the language changes.
 */
import { activeLanguage } from './i18n.ts';

const cache = new Map<string, unknown>();

function cached<T>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = activeLanguage();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let hit = cache.get(key) as T | undefined;
  if (!hit) {
    hit = make(locale);
    cache.set(key, hit);
  }
  return hit;
}

type DateInput = Date | number | string;
const toDate = (d: DateInput): Date => (d instanceof Date ? d : new Date(d));

export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('n', options, (l) => new Intl.NumberFormat(l, options)).format(value);
}

/** A stock quantity: grouped, up to 5 decimals as InvenTree stores them, no trailing zeros. */
export function formatQuantity(value: number): string {
  return formatNumber(value, { maximumFractionDigits: 5 });
}

/** 04.12.2026 (de), 12/04/2026 (en), 2026/12/04 (zh). */
export function formatDate(value: DateInput): string {
  const options = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
  return cached('d', options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(value));
}

export function formatTime(value: DateInput, withSeconds = false): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
  if (withSeconds) options.second = '2-digit';
  return cached('t', options, (l) => new Intl.DateTimeFormat(l, options)).format(toDate(value));
}

export function formatDateTime(value: DateInput): string {
  return `${formatDate(value)} ${formatTime(value)}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 minutes ago" / "vor 3 Minuten" / "3分钟前"; `now` is passed in so tests and clocks decide. */
export function formatRelativeTime(value: DateInput, now: DateInput = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - toDate(now).getTime()) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ['second', 1];
  const options = { numeric: 'auto' } as const;
  return cached('r', options, (l) => new Intl.RelativeTimeFormat(l, options)).format(Math.round(seconds / size), unit);
}

/** "A, B and C" / "A, B und C" / "A、B和C". */
export function formatList(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  const options = { style: 'long', type } as const;
  return cached('l', options, (l) => new Intl.ListFormat(l, options)).format(items);
}

/** "," in German, "." in English: for number inputs that take typed decimals. */
export function decimalSeparator(): string {
  const parts = cached('n', {}, (l) => new Intl.NumberFormat(l)).formatToParts(1.5);
  return parts.find((p) => p.type === 'decimal')?.value ?? '.';
}
