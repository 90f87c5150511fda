import type { BarcodeFormatName } from '../decoderTypes.ts';
import { splitAddOn } from '../engines/formatNames.ts';
import { expandUpcE, gs1CheckDigitOk } from '../engines/upc.ts';

export { expandUpcE, gs1CheckDigitOk };

/** Minimum text lengths for formats without a mandatory check character. */
const MIN_LENGTH: Partial<Record<BarcodeFormatName, number>> = {
  CODE_39: 3,
  CODABAR: 4,
  ITF: 6,
};

/**
 * GS1 has never allocated EAN-13 prefixes 140-199 (reserved for future use): no trade item
 * carries one. What does is the second bar code of Japanese books (191/192: a classification
 * and price code printed under the ISBN, never what the user means), or a misread.
 */
const UNUSED_GS1_PREFIX = /^1[4-9]/;

/**
 * Cheap sanity checks on a decoded text, independent of the engine: right length and check
 * digit for retail codes, even digit count for ITF, a minimum length for the codes without a
 * mandatory checksum (their one-row false reads on stripes are usually short). A retail code's
 * EAN-2/EAN-5 add-on (see splitAddOn) is checked by the engine; the main digits are checked here.
 */
export function isPlausible(format: BarcodeFormatName, fullText: string): boolean {
  if (fullText.length === 0) return false;
  const text = splitAddOn(format, fullText).main;
  switch (format) {
    case 'EAN_13':
      return /^\d{13}$/.test(text) && gs1CheckDigitOk(text) && !UNUSED_GS1_PREFIX.test(text);
    case 'EAN_8':
      return /^\d{8}$/.test(text) && gs1CheckDigitOk(text);
    case 'UPC_A':
      return /^\d{12}$/.test(text) && gs1CheckDigitOk(text);
    case 'UPC_E': {
      const full = expandUpcE(text);
      return full !== null && gs1CheckDigitOk(full);
    }
    case 'CODABAR': {
      // Start/stop characters (A-D) may or may not be included; the data between must be
      // Codabar's own alphabet. Texture false reads tend to be short or all start/stop letters.
      const body = text.replace(/^[A-D]/i, '').replace(/[A-D]$/i, '');
      return /^[0-9\-$:/.+]+$/.test(body) && body.length >= (MIN_LENGTH.CODABAR ?? 0);
    }
    case 'ITF':
      return /^\d+$/.test(text) && text.length % 2 === 0 && text.length >= (MIN_LENGTH.ITF ?? 0);
    // One-character Code 128 "reads" on noise are control codes; no label carries those alone.
    case 'CODE_128':
      return text.length >= 2 || /^[\x20-\x7e]$/.test(text);
    default:
      return text.length >= (MIN_LENGTH[format] ?? 1);
  }
}
