// InvenTree's barcode input normalisation and `hash_barcode` (BEHAVIOUR.md 1.3, 1.4).
import { md5Hex } from './md5';

// Python's str.strip() whitespace set. Unlike JS trim(), it includes FS/GS/RS/US (U+001C-U+001F)
// and U+0085, and excludes U+FEFF.
const PY_WHITESPACE =
  '\t\n\u000b\u000c\r\u001c\u001d\u001e\u001f \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

export function isPyWhitespace(ch: string): boolean {
  return ch.length > 0 && PY_WHITESPACE.includes(ch);
}

/** Python `str.strip()` with no arguments. */
export function pyStrip(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && PY_WHITESPACE.includes(value[start]!)) start++;
  while (end > start && PY_WHITESPACE.includes(value[end - 1]!)) end--;
  return value.slice(start, end);
}

// Control characters removed before hashing: C0 except newline, DEL and C1; then the bidi marks
// U+200E, U+200F and U+202A-U+202E; then the newline.
const HASH_REMOVED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\n]/g;

/** InvenTree's `hash_barcode`: strip, drop control characters, MD5 of the UTF-8 bytes. */
export function hashBarcode(barcode: string): string {
  const cleaned = pyStrip(barcode).replace(HASH_REMOVED, '');
  return md5Hex(new TextEncoder().encode(cleaned));
}
