/**
 * What a barcode's text says it is, before (or without) any server answer: an InvenTree label
 * (JSON or short format, BEHAVIOUR 1.7), a supplier label the supplier plugins read (ECIA for
 * DigiKey/Mouser, LCSC, TME; BEHAVIOUR 1.8 and 3.x), a retail code (EAN/UPC/ISBN/GTIN, check digit
 * valid), or plain text. Pure; labelKind.ts adds what the server's answer tells.
 */
import { BARCODE_MODEL_INFO, BARCODE_MODELS_V291, type BarcodeModel } from './models.ts';

export const DEFAULT_SHORT_BARCODE_PREFIX = 'INV-';

export type SupplierFormat = 'ecia' | 'lcsc' | 'tme-qr' | 'tme-datamatrix';
export type RetailFormat = 'EAN-13' | 'EAN-8' | 'UPC-A' | 'UPC-E' | 'ISBN' | 'GTIN-14';

export interface ObjectRef {
  model: BarcodeModel;
  pk: number;
}

export type TextReading =
  /** InvenTree's own label. `candidates`: every object a JSON label names, in InvenTree's model order. */
  | { kind: 'inventree'; format: 'json' | 'short'; candidates: ObjectRef[] }
  | {
      kind: 'supplier';
      format: SupplierFormat;
      /** "DigiKey", "Mouser", "LCSC", "TME"; null when the format is shared (ECIA) and nothing tells whose. */
      supplier: string | null;
      sku: string | null;
      mpn: string | null;
    }
  | { kind: 'retail'; format: RetailFormat }
  /** `INV-` + an unknown two-character code: InvenTree stops there, so it can never find it, even linked. */
  | { kind: 'shortShaped' }
  | { kind: 'text' };

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Python's int() on a JSON value, as InvenTree converts a label's pk (BEHAVIOUR 1.7 step 2). */
function pyIntPk(v: unknown): number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) return Number(v.trim());
  return null;
}

function readInternal(t: string, prefix: string): TextReading | null {
  const short = new RegExp(`^${escapeRegExp(prefix)}([0-9A-Z $%*+,\\-./:]{2})(\\d+)$`).exec(t);
  if (short) {
    const model = BARCODE_MODELS_V291.find((m) => BARCODE_MODEL_INFO[m].shortCode === short[1]);
    if (!model) return { kind: 'shortShaped' };
    return { kind: 'inventree', format: 'short', candidates: [{ model, pk: Number(short[2]) }] };
  }
  if (!t.startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const rec = parsed as Record<string, unknown>;
  const candidates: ObjectRef[] = [];
  for (const model of BARCODE_MODELS_V291) {
    if (!Object.prototype.hasOwnProperty.call(rec, model)) continue;
    const pk = pyIntPk(rec[model]);
    if (pk !== null) candidates.push({ model, pk });
  }
  return candidates.length > 0 ? { kind: 'inventree', format: 'json', candidates } : null;
}

const ECIA_HEADER = '[)>\u001e06\u001d';
const OLD_MOUSER_HEADER = '>[)>06\u001d';

/** ECIA data identifiers, longest first so "1P" is not read as "P" (InvenTree keeps its own order; the result is the same here). */
const ECIA_IDS = ['30P', '11K', '14K', '10D', '1K', '4K', '1P', '1T', '4L', '1V', '6D', '9D', 'K', 'P', 'Q'];

function eciaFields(parts: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of parts) {
    const id = ECIA_IDS.find((i) => part.startsWith(i));
    if (id) out.set(id, part.slice(id.length));
  }
  return out;
}

function readEcia(t: string): TextReading | null {
  const old = t.startsWith(OLD_MOUSER_HEADER);
  if (!old && !t.startsWith(ECIA_HEADER)) return null;
  const body = t.slice(old ? OLD_MOUSER_HEADER.length : ECIA_HEADER.length).replace(/\u001e\u0004$/, '');
  const parts = body.split('\u001d');
  const f = eciaFields(parts);
  const sku = f.get('P') ?? f.get('30P') ?? null;
  const mpn = f.get('1P') ?? null;
  // DigiKey part numbers end in -ND and its labels carry 11Z-20Z picking fields; Mouser prints the
  // web order in K and a 14K line, and its old labels have a stray '>'.
  const digikey = (sku !== null && /-ND$/.test(sku)) || parts.some((p) => /^(11|12|13|20)Z/.test(p));
  const mouser = old || (!digikey && f.has('14K') && sku === null);
  return { kind: 'supplier', format: 'ecia', supplier: digikey ? 'DigiKey' : mouser ? 'Mouser' : null, sku, mpn };
}

const LCSC = /^\{((?:[^:,]+:[^:,]*,)*(?:[^:,]+:[^:,]*))\}$/;

function readLcsc(t: string): TextReading | null {
  const m = LCSC.exec(t);
  if (!m) return null;
  const f = new Map(m[1]!.split(',').map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)] as const));
  // The LCSC plugin needs a part number (pc) or an MPN (pm); without either it reads nothing.
  if (!f.has('pc') && !f.has('pm')) return null;
  return { kind: 'supplier', format: 'lcsc', supplier: 'LCSC', sku: f.get('pc') ?? null, mpn: f.get('pm') ?? null };
}

function readTme(t: string): TextReading | null {
  if (/^(?:[^\s:]+:[^\s:]+\s+)+\S/.test(t)) {
    const f = new Map<string, string>();
    for (const item of t.split(' ')) {
      const [k, v, extra] = item.split(':');
      if (k !== undefined && v !== undefined && extra === undefined) f.set(k, v);
    }
    if (f.has('PN') || f.has('MPN'))
      return {
        kind: 'supplier',
        format: 'tme-qr',
        supplier: 'TME',
        sku: f.get('PN') ?? null,
        mpn: f.get('MPN') ?? null,
      };
    return null;
  }
  // The old DataMatrix: space-separated ECIA fields, e.g. "PWBP-302 1PMPNWBP-302 Q1 K19361337/1".
  const tokens = t.split(' ');
  if (tokens.length < 2 || !tokens.every((x) => ECIA_IDS.some((i) => x.length > i.length && x.startsWith(i))))
    return null;
  const f = eciaFields(tokens);
  if (!f.has('P') && !f.has('1P')) return null;
  return {
    kind: 'supplier',
    format: 'tme-datamatrix',
    supplier: 'TME',
    sku: f.get('P') ?? null,
    mpn: f.get('1P') ?? null,
  };
}

/** GS1 check digit (EAN/UPC/GTIN): weights 3,1,3,… from the right, check digit excluded. */
function gs1Valid(d: string): boolean {
  let sum = 0;
  for (let i = d.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += Number(d[i]) * w;
  return (10 - (sum % 10)) % 10 === Number(d[d.length - 1]);
}

/** UPC-E (number system 0 or 1) expanded to its UPC-A digits. */
function upcEtoA(e: string): string {
  const [ns, d1, d2, d3, d4, d5, d6, check] = e.split('') as string[];
  const mid =
    d6 === '0' || d6 === '1' || d6 === '2'
      ? `${d1}${d2}${d6}0000${d3}${d4}${d5}`
      : d6 === '3'
        ? `${d1}${d2}${d3}00000${d4}${d5}`
        : d6 === '4'
          ? `${d1}${d2}${d3}${d4}00000${d5}`
          : `${d1}${d2}${d3}${d4}${d5}0000${d6}`;
  return `${ns}${mid}${check}`;
}

function isbn10Valid(s: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (s[i] === 'X' ? 10 : Number(s[i])) * (10 - i);
  return sum % 11 === 0;
}

function readRetail(t: string): TextReading | null {
  if (/^\d{9}[\dX]$/.test(t) && isbn10Valid(t)) return { kind: 'retail', format: 'ISBN' };
  if (!/^\d+$/.test(t)) return null;
  switch (t.length) {
    case 8:
      if (gs1Valid(t)) return { kind: 'retail', format: 'EAN-8' };
      return /^[01]/.test(t) && gs1Valid(upcEtoA(t)) ? { kind: 'retail', format: 'UPC-E' } : null;
    case 12:
      return gs1Valid(t) ? { kind: 'retail', format: 'UPC-A' } : null;
    case 13:
      if (!gs1Valid(t)) return null;
      return { kind: 'retail', format: /^97[89]/.test(t) ? 'ISBN' : 'EAN-13' };
    case 14:
      return gs1Valid(t) ? { kind: 'retail', format: 'GTIN-14' } : null;
    default:
      return null;
  }
}

/**
 * What the text is, in InvenTree's own order of reading: its internal label first (JSON, short),
 * then the supplier formats, then retail codes. `shortPrefix`: the server's SHORT_BARCODE_PREFIX.
 */
export function readLabelText(text: string, shortPrefix = DEFAULT_SHORT_BARCODE_PREFIX): TextReading {
  // InvenTree strips the barcode before reading it.
  const t = text.trim();
  return readInternal(t, shortPrefix) ?? readEcia(t) ?? readLcsc(t) ?? readTme(t) ?? readRetail(t) ?? { kind: 'text' };
}
