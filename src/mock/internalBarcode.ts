// InvenTree's internal barcode formats (BEHAVIOUR.md 1.7): pure parsing and generation, no store.
import { BARCODE_MODEL_LABELS, BARCODE_MODELS, type BarcodeModelLabel } from './barcodeModels';
import { pyJsonLoads } from './pyJson';
import { SimulatedServerError } from './serverError';

/** Escapes the short-barcode prefix so it matches literally (like Python's re.escape). */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, (ch) => `\\${ch}`);
}

const NUMERIC_DIGIT = /^\p{Nd}$/u;

/** Python int() of a string of Unicode decimal digits (each Nd block is a run of ten, 0-9). */
function unicodeDigitsToInt(digits: string): number {
  let value = 0;
  for (const ch of digits) {
    const cp = ch.codePointAt(0) ?? 0;
    let start = cp;
    while (start > 0 && NUMERIC_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = value * 10 + ((cp - start) % 10);
  }
  return value;
}

export type ShortBarcodeParse =
  { kind: 'not-short' } | { kind: 'unknown-code' } | { kind: 'short'; label: BarcodeModelLabel; pk: number };

/** Whole-string match of prefix + 2-char code + digits; case-sensitive, Unicode digits allowed. */
export function parseShortBarcode(barcode: string, prefix: string): ShortBarcodeParse {
  const pattern = new RegExp(`^${escapeRegex(prefix)}([0-9A-Z $%*+,\\-./:]{2})(\\p{Nd}+)$`, 'u');
  const match = pattern.exec(barcode);
  if (!match) return { kind: 'not-short' };
  const label = BARCODE_MODEL_LABELS.find((l) => BARCODE_MODELS[l].code === match[1]);
  if (!label) return { kind: 'unknown-code' };
  return { kind: 'short', label, pk: unicodeDigitsToInt(match[2]!) };
}

/** Python's type name of a JSON value, for TypeError messages. */
function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'dict';
  return typeof value;
}

/**
 * Python `int(value)` for a value from a JSON barcode. Returns null where int() raises ValueError
 * (the plugin then tries the next label); throws SimulatedServerError where v291 crashes.
 */
export function pyIntForPk(value: unknown): number | null {
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (!Number.isFinite(value))
      throw new SimulatedServerError('OverflowError', 'cannot convert float infinity to integer');
    return Math.trunc(value);
  }
  if (typeof value === 'string') {
    // int() accepts surrounding whitespace, a sign and single underscores between digits.
    const text = value.trim();
    if (!/^[+-]?\d+(_\d+)*$/.test(text)) return null;
    return Number.parseInt(text.replace(/_/g, ''), 10);
  }
  throw new SimulatedServerError(
    'TypeError',
    `int() argument must be a string, a bytes-like object or a real number, not '${pyTypeName(value)}'`,
  );
}

/**
 * Parses a JSON barcode with Python's json.loads (NaN and Infinity included); only a JSON object
 * takes part in the JSON step. Anything else moves on to the hash lookup.
 */
export function parseJsonBarcode(barcode: string): Record<string, unknown> | null {
  const parsed = pyJsonLoads(barcode);
  if (!parsed.ok) return null;
  const value = parsed.value;
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export type InternalBarcodeFormat = 'json' | 'short';

/** Generated barcode text: Python json.dumps (space after the colon) or prefix + code + pk. */
export function generateInternalBarcode(
  label: BarcodeModelLabel,
  pk: number,
  format: InternalBarcodeFormat,
  prefix: string,
): string {
  if (format === 'short') return `${prefix}${BARCODE_MODELS[label].code}${pk}`;
  return `{"${label}": ${pk}}`;
}
