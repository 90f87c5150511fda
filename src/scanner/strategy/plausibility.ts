import type { BarcodeFormatName } from '../decoderTypes.ts';

/** GS1 mod-10 check digit over all digits but the last. */
export function gs1CheckDigitOk(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/** UPC-E (8 digits, number system 0/1) expanded to its 12-digit UPC-A form. */
export function expandUpcE(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const ns = upce[0];
  const d = upce.slice(1, 7);
  const check = upce[7];
  const last = d[5];
  let body: string;
  if (last <= '2') body = d.slice(0, 2) + last + '0000' + d.slice(2, 5);
  else if (last === '3') body = d.slice(0, 3) + '00000' + d.slice(3, 5);
  else if (last === '4') body = d.slice(0, 4) + '00000' + d[4];
  else body = d.slice(0, 5) + '0000' + last;
  return ns + body + check;
}

/** Minimum text lengths for formats without a mandatory check character. */
const MIN_LENGTH: Partial<Record<BarcodeFormatName, number>> = {
  CODE_39: 3,
  CODABAR: 4,
  ITF: 6,
};

/**
 * Cheap sanity checks on a decoded text, independent of the engine: right length and check
 * digit for retail codes, even digit count for ITF, a minimum length for the codes without a
 * mandatory checksum (their one-row false reads on stripes are usually short).
 */
export function isPlausible(format: BarcodeFormatName, text: string): boolean {
  if (text.length === 0) return false;
  switch (format) {
    case 'EAN_13': return /^\d{13}$/.test(text) && gs1CheckDigitOk(text);
    case 'EAN_8': return /^\d{8}$/.test(text) && gs1CheckDigitOk(text);
    case 'UPC_A': return /^\d{12}$/.test(text) && gs1CheckDigitOk(text);
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
    case 'ITF': return /^\d+$/.test(text) && text.length % 2 === 0 && text.length >= (MIN_LENGTH.ITF ?? 0);
    default: return text.length >= (MIN_LENGTH[format] ?? 1);
  }
}
