/**
 * What InvenTree accepts as a barcode (BEHAVIOUR 1.3), checked where every scan enters the app so
 * camera, scanner gun and manual entry are refused alike, before anything is sent or queued:
 * Django's CharField counts characters (code points, not UTF-16 units) after trimming Python's
 * whitespace set (which includes FS/GS/RS/US and U+0085, but not EOT or U+FEFF).
 */
import { i18n } from '../i18n/i18n.ts';
export const MAX_BARCODE_LENGTH = 4095;

const PY_SPACE = /[\s\u001c-\u001f\u0085]/u;

function isPySpace(ch: string): boolean {
  return ch !== '\ufeff' && PY_SPACE.test(ch);
}

/** Characters InvenTree counts: code points of the text without Python-whitespace at either end. */
export function barcodeLength(text: string): number {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && isPySpace(chars[start]!)) start++;
  while (end > start && isPySpace(chars[end - 1]!)) end--;
  return end - start;
}

export interface BarcodeRefusal {
  message: string;
  nextStep: string;
}

/** Why this scan cannot be sent, or null when InvenTree would take it. */
export function refuseBarcode(text: string): BarcodeRefusal | null {
  const n = barcodeLength(text);
  if (n > MAX_BARCODE_LENGTH) {
    return {
      message: i18n.t('api:barcode.tooLong', { count: n, max: MAX_BARCODE_LENGTH }),
      nextStep: i18n.t('api:barcode.tooLongNext'),
    };
  }
  if (text.includes('\u0000')) {
    return {
      message: i18n.t('api:barcode.nul'),
      nextStep: i18n.t('api:barcode.nulNext'),
    };
  }
  return null;
}
