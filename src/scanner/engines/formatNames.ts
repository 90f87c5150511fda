import type { BarcodeFormatName } from '../decoderTypes.ts';
import { printedUpcE } from './upc.ts';

/** Every format the app knows, in the order a settings screen lists them. */
export const ALL_FORMATS: readonly BarcodeFormatName[] = [
  'QR_CODE',
  'DATA_MATRIX',
  'AZTEC',
  'PDF_417',
  'CODE_128',
  'CODE_39',
  'CODE_93',
  'EAN_13',
  'EAN_8',
  'UPC_A',
  'UPC_E',
  'ITF',
  'CODABAR',
];

export const MATRIX_FORMATS: ReadonlySet<BarcodeFormatName> = new Set(['QR_CODE', 'DATA_MATRIX', 'AZTEC', 'PDF_417']);

export function isLinear(format: BarcodeFormatName): boolean {
  return !MATRIX_FORMATS.has(format);
}

/**
 * Codes whose only protection against a misread is a weak check (a mod-10 or mod-43 digit, or
 * none): a read is reported only when two independent reads agree. QR, Data Matrix, Aztec and
 * PDF417 carry Reed-Solomon error correction, Code 128 a mod-103 check over a rigid structure.
 */
const WEAK_CHECK: ReadonlySet<BarcodeFormatName> = new Set([
  'EAN_13',
  'EAN_8',
  'UPC_A',
  'UPC_E',
  'ITF',
  'CODABAR',
  'CODE_39',
  'CODE_93',
]);

export function needsAgreement(format: BarcodeFormatName): boolean {
  return WEAK_CHECK.has(format);
}

/** ZXing name → the zxing-wasm (ZXing-C++) name used in `ReaderOptions.formats`. */
const TO_WASM: Record<BarcodeFormatName, string> = {
  QR_CODE: 'QRCode',
  DATA_MATRIX: 'DataMatrix',
  AZTEC: 'Aztec',
  PDF_417: 'PDF417',
  CODE_128: 'Code128',
  CODE_39: 'Code39',
  CODE_93: 'Code93',
  EAN_13: 'EAN13',
  EAN_8: 'EAN8',
  UPC_A: 'UPCA',
  UPC_E: 'UPCE',
  ITF: 'ITF',
  CODABAR: 'Codabar',
};

export function toWasmFormats(formats: readonly BarcodeFormatName[]): string[] {
  return formats.map((f) => TO_WASM[f]);
}

/**
 * zxing-wasm result format (a canonical ZXing-C++ name, possibly a variant such as
 * `Code39Ext` or `MicroQRCode`) → ZXing name; null for formats the app does not handle.
 */
export function fromWasmFormat(format: string): BarcodeFormatName | null {
  switch (format) {
    case 'QRCode':
    case 'QRCodeModel1':
    case 'QRCodeModel2':
    case 'MicroQRCode':
    case 'RMQRCode':
      return 'QR_CODE';
    case 'DataMatrix':
      return 'DATA_MATRIX';
    case 'Aztec':
    case 'AztecCode':
    case 'AztecRune':
      return 'AZTEC';
    case 'PDF417':
    case 'CompactPDF417':
    case 'MicroPDF417':
      return 'PDF_417';
    case 'Code128':
      return 'CODE_128';
    case 'Code39':
    case 'Code39Std':
    case 'Code39Ext':
      return 'CODE_39';
    case 'Code93':
      return 'CODE_93';
    case 'EAN13':
    case 'ISBN':
      return 'EAN_13';
    case 'EAN8':
      return 'EAN_8';
    case 'UPCA':
      return 'UPC_A';
    case 'UPCE':
      return 'UPC_E';
    case 'ITF':
    case 'ITF14':
      return 'ITF';
    case 'Codabar':
      return 'CODABAR';
    default:
      return null;
  }
}

/** Retail codes that may carry a 2- or 5-digit add-on symbol beside the main one. */
export const RETAIL: ReadonlySet<BarcodeFormatName> = new Set(['EAN_13', 'EAN_8', 'UPC_A', 'UPC_E']);

/**
 * A retail read split into its main digits and its add-on (EAN-2/EAN-5; '' when none). The
 * add-on is reported as scanner guns transmit it (GS1 symbology identifier ]E3): its digits
 * right after the main code's, no separator, e.g. 978123456789751299 for 9781234567897 + 51299.
 */
export function splitAddOn(format: BarcodeFormatName, text: string): { main: string; addOn: string } {
  const mainLength = { EAN_13: 13, UPC_A: 12, EAN_8: 8, UPC_E: 8 }[format as 'EAN_13'];
  if (!RETAIL.has(format) || !/^\d+$/.test(text)) return { main: text, addOn: '' };
  const extra = text.length - mainLength;
  return extra === 2 || extra === 5
    ? { main: text.slice(0, mainLength), addOn: text.slice(mainLength) }
    : { main: text, addOn: '' };
}

/**
 * Retail codes as printed on the label. ZXing-C++ reports UPC-A as its 13-digit EAN-13 form
 * (leading 0), and as EAN_13 when both are enabled; ZXing Java/JS, scanner guns and InvenTree
 * users expect the 12 printed digits as UPC_A, so apply ZXing Java's rule: a leading-0 EAN-13 is
 * a UPC-A whenever UPC_A is enabled. UPC-E comes back expanded to 13 digits: report its 8
 * printed digits (`upcePrinted`: ZXing-C++'s own printed form, when it gives one). A UPC-E that
 * cannot be put back into 8 digits was misread: its text is left empty, which no check passes.
 * An add-on (`addOn`, the digits the engine appended to the text) stays after the printed digits.
 */
export function normaliseRead(
  format: BarcodeFormatName,
  text: string,
  enabled: readonly BarcodeFormatName[],
  upcePrinted?: string | null,
  addOn?: string | null,
): { format: BarcodeFormatName; text: string } {
  const suffix = addOn && /^(\d{2}|\d{5})$/.test(addOn) && text.endsWith(addOn) ? addOn : '';
  const main = normaliseMain(format, suffix ? text.slice(0, -suffix.length) : text, enabled, upcePrinted);
  return main.text === '' ? main : { format: main.format, text: main.text + suffix };
}

function normaliseMain(
  format: BarcodeFormatName,
  text: string,
  enabled: readonly BarcodeFormatName[],
  upcePrinted?: string | null,
): { format: BarcodeFormatName; text: string } {
  if (format === 'UPC_E') return { format, text: printedUpcE(text, upcePrinted) ?? '' };
  // Codabar's start/stop letters (A-D) frame the data and are not part of it: ZXing Java,
  // @zxing/library and most scanner guns leave them out, so both engines' reads agree.
  if (format === 'CODABAR') return { format, text: stripCodabarStartStop(text) };
  const upcInEan = /^0\d{12}$/.test(text);
  if (format === 'UPC_A' && upcInEan) return { format, text: text.slice(1) };
  if (format === 'EAN_13' && upcInEan && enabled.includes('UPC_A')) {
    return { format: 'UPC_A', text: text.slice(1) };
  }
  return { format, text };
}

/** Codabar data without the start/stop letters ZXing-C++ includes (A-D, case-insensitive). */
export function stripCodabarStartStop(text: string): string {
  return /^[A-D].+[A-D]$/i.test(text) ? text.slice(1, -1) : text;
}
