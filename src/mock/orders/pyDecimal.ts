// Python's Decimal(str) as InvenTree's supplier plugins apply it to a label's quantity: parsing
// (whitespace, sign, exponent, underscores) and str() (`Decimal('1e3')` prints `1E+3`).
import { PyDecimal } from '../pyRepr';

const DECIMAL_TEXT = /^([+-]?)(?:(\d+(?:_\d+)*)(?:\.(\d+(?:_\d+)*)?)?|\.(\d+(?:_\d+)*))(?:[eE]([+-]?\d+(?:_\d+)*))?$/;

/** Python's str() of sign, coefficient digits and exponent (Decimal.__str__, sci=True). */
function decimalToString(sign: string, coefficient: string, exponent: number): string {
  const digits = coefficient.replace(/^0+(?=\d)/, '');
  const leftDigits = exponent + digits.length;
  const dotPlace = exponent <= 0 && leftDigits > -6 ? leftDigits : 1;
  let intPart: string;
  let fracPart: string;
  if (dotPlace <= 0) {
    intPart = '0';
    fracPart = `.${'0'.repeat(-dotPlace)}${digits}`;
  } else if (dotPlace >= digits.length) {
    intPart = digits + '0'.repeat(dotPlace - digits.length);
    fracPart = '';
  } else {
    intPart = digits.slice(0, dotPlace);
    fracPart = `.${digits.slice(dotPlace)}`;
  }
  const exp =
    leftDigits === dotPlace ? '' : `E${leftDigits - dotPlace >= 0 ? '+' : '-'}${Math.abs(leftDigits - dotPlace)}`;
  return `${sign === '-' ? '-' : ''}${intPart}${fracPart}${exp}`;
}

/**
 * Decimal(text), or null where Python raises InvalidOperation. The special values (NaN,
 * Infinity) are treated as invalid: they only lead to crashes further down in v291.
 */
export function parsePyDecimal(text: string): PyDecimal | null {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign, intDigits, fracDigits, onlyFrac, expDigits] = match;
  const whole = (intDigits ?? '').replace(/_/g, '');
  const frac = (fracDigits ?? onlyFrac ?? '').replace(/_/g, '');
  const exponent = (expDigits ? Number.parseInt(expDigits.replace(/_/g, ''), 10) : 0) - frac.length;
  const coefficient = `${whole}${frac}` || '0';
  return new PyDecimal(decimalToString(sign ?? '', coefficient, exponent));
}

export function decimalValue(value: PyDecimal): number {
  return Number(value.text);
}

/** A database Decimal(15, 5) value as Django reads it back from SQLite (`5.00000`). */
export function dbDecimal(value: number): PyDecimal {
  return new PyDecimal(value.toFixed(5));
}

/**
 * price × quantity computed in decimal, as the database does, then turned into a float once
 * (so 1.1 × 100 is 110, not 110.00000000000001). Price has up to 6 places, quantity up to 5.
 */
export function decimalProduct(price: string, quantity: number): number {
  const scaledPrice = BigInt(Math.round(Number(price) * 1e6));
  const scaledQuantity = BigInt(Math.round(quantity * 1e5));
  return Number(scaledPrice * scaledQuantity) / 1e11;
}
