/**
 * Say what a label is before saying why it failed. From the barcode text (labelKindFormats.ts) and,
 * when there is one, the server's answer: an InvenTree label of an object (which may no longer
 * exist: v291 answers `{"stockitem": 99999}` with the same "No match found for barcode data" as any
 * unknown code, transcript 018), a supplier label and whose, an unknown retail code, a custom
 * barcode linked to something, or a foreign barcode nothing in InvenTree knows. Pure.
 */
import { isRecord } from './answerFields.ts';
import type { ScanResult } from './barcodeAnswerTypes.ts';
import type { Answer } from './httpAnswer.ts';
import { ALL_BARCODE_MODELS, modelName, type BarcodeModel } from './models.ts';
import { parsePythonRepr } from './pythonRepr.ts';
import { pluginSupplierName } from './supplierLabel.ts';
import { readLabelText, type ObjectRef, type RetailFormat, type SupplierFormat } from './labelKindFormats.ts';

export { readLabelText, DEFAULT_SHORT_BARCODE_PREFIX, type ObjectRef } from './labelKindFormats.ts';

/** What the server's answer says about the barcode, whatever endpoint gave it. */
export type ServerVerdict =
  /** A plugin matched: the objects and the plugin (a supplier plugin, or InvenTreeBarcode). */
  | { kind: 'matched'; objects: ObjectRef[]; plugin: string | null }
  /** The whole plugin chain ran and no plugin matched. */
  | { kind: 'noMatch' }
  /** A plugin read it but failed (e.g. several supplier parts match), in the server's words. */
  | { kind: 'pluginError'; plugin: string; message: string }
  /** Anything else (refused field, server error, no answer): says nothing about the label. */
  | { kind: 'silent' };

export type LabelKind =
  | { kind: 'inventree'; format: 'json' | 'short'; model: BarcodeModel; pk: number; exists: boolean | null }
  | {
      kind: 'supplier';
      format: SupplierFormat;
      supplier: string | null;
      sku: string | null;
      mpn: string | null;
      /** What InvenTree's plugin found for it: objects, none (false), or not known (null). */
      found: ObjectRef[] | false | null;
      /** The plugin's own failure text (e.g. several supplier parts match), as sent. */
      pluginError: string | null;
    }
  | { kind: 'retail'; format: RetailFormat }
  /** A barcode linked to an object (InvenTree's hash match); `looksLike`: what its text is, if it says. */
  | { kind: 'custom'; model: BarcodeModel; pk: number; looksLike: string | null }
  /** Nothing in InvenTree knows it; `neverFound`: shaped like a short label with an unknown code. */
  | { kind: 'foreign'; neverFound: boolean }
  /** Plain text and an answer that does not tell (error, no answer yet). */
  | { kind: 'unanswered' };

export type LabelKindName = LabelKind['kind'];

/** "None" is how v291's stringified error bodies say "no plugin". */
function pluginOf(v: unknown): string | null {
  return typeof v === 'string' && v !== '' && v !== 'None' ? v : null;
}

const NO_MATCH = /^(No match found for barcode data|No matching plugin found for barcode data)\.?$/i;

/** Objects named in an answer body; history stores each as a Python repr string (BEHAVIOUR 2.8). */
function objectsIn(body: Record<string, unknown>): ObjectRef[] {
  const out: ObjectRef[] = [];
  for (const model of ALL_BARCODE_MODELS) {
    const raw = body[model];
    const v = typeof raw === 'string' ? parsePythonRepr(raw) : raw;
    const pk = isRecord(v) ? Number(v.pk) : NaN;
    if (Number.isInteger(pk) && pk >= 0) out.push({ model, pk });
  }
  return out;
}

/** The verdict in a barcode endpoint's answer body (live or as stored in history). */
export function verdictOfBody(body: unknown, succeeded: boolean): ServerVerdict {
  if (!isRecord(body)) return { kind: 'silent' };
  const error = typeof body.error === 'string' ? body.error : null;
  const objects = objectsIn(body);
  const plugin = pluginOf(body.plugin);
  if (error !== null && NO_MATCH.test(error.trim())) return { kind: 'noMatch' };
  // so-allocate and po-receive keep the scan's match when a later step fails: the object exists.
  if (objects.length > 0) return { kind: 'matched', objects, plugin };
  if (error !== null && plugin && plugin !== 'InvenTreeBarcode') return { kind: 'pluginError', plugin, message: error };
  return succeeded ? { kind: 'matched', objects, plugin } : { kind: 'silent' };
}

/** The verdict of a live `POST /api/barcode/` answer. */
export function verdictOfScan(answer: Answer<ScanResult> | null): ServerVerdict {
  if (!answer || answer.kind === 'failed') return { kind: 'silent' };
  const r = answer.value;
  if (r.ok) return { kind: 'matched', objects: r.matches.map(({ model, pk }) => ({ model, pk })), plugin: r.plugin };
  return verdictOfBody(r.raw, false);
}

function sameRef(a: ObjectRef, b: ObjectRef): boolean {
  return a.model === b.model && a.pk === b.pk;
}

/** What the label is, from its text and the server's verdict (null: no answer yet). */
export function classifyLabel(text: string, verdict: ServerVerdict | null, shortPrefix?: string): LabelKind {
  const reading = readLabelText(text, shortPrefix);
  const v = verdict ?? { kind: 'silent' as const };
  const first = v.kind === 'matched' ? (v.objects[0] ?? null) : null;
  switch (reading.kind) {
    case 'inventree': {
      const named = reading.candidates;
      const hit = v.kind === 'matched' ? named.find((c) => v.objects.some((o) => sameRef(o, c))) : undefined;
      if (hit) return { kind: 'inventree', format: reading.format, ...hit, exists: true };
      // Its own objects are gone, but its text is linked to another object (InvenTree's hash step).
      if (first && v.kind === 'matched' && v.plugin === 'InvenTreeBarcode')
        return { kind: 'custom', ...first, looksLike: 'InvenTree label' };
      const { model, pk } = named[0]!;
      return { kind: 'inventree', format: reading.format, model, pk, exists: v.kind === 'noMatch' ? false : null };
    }
    case 'supplier': {
      // A received label is stored on the new stock item, so InvenTree finds it by hash (transcript 110).
      if (first && v.kind === 'matched' && v.plugin === 'InvenTreeBarcode')
        return { kind: 'custom', ...first, looksLike: `${reading.supplier ?? 'ECIA'} supplier label` };
      const plugin = v.kind === 'matched' || v.kind === 'pluginError' ? v.plugin : null;
      const found = v.kind === 'matched' ? v.objects : v.kind === 'noMatch' ? false : null;
      return {
        kind: 'supplier',
        format: reading.format,
        // The plugin that read it says whose reading it was (DigiKey's plugin reads any ECIA label).
        supplier: (plugin && plugin !== 'InvenTreeBarcode' ? pluginSupplierName(plugin) : null) ?? reading.supplier,
        sku: reading.sku,
        mpn: reading.mpn,
        found,
        pluginError: v.kind === 'pluginError' ? v.message : null,
      };
    }
    case 'retail':
      return first
        ? { kind: 'custom', ...first, looksLike: `${reading.format} code` }
        : { kind: 'retail', format: reading.format };
    case 'shortShaped':
      return { kind: 'foreign', neverFound: true };
    case 'text':
      if (first) return { kind: 'custom', ...first, looksLike: null };
      return v.kind === 'noMatch' ? { kind: 'foreign', neverFound: false } : { kind: 'unanswered' };
  }
}

/** How much a reading tells: an answer that settled the question beats one that did not. */
function told(k: LabelKind): number {
  if (k.kind === 'unanswered') return 0;
  if (k.kind === 'inventree') return k.exists === null ? 1 : 2;
  if (k.kind === 'supplier') return k.found === null && k.pluginError === null ? 1 : 2;
  return 2;
}

/** Of two readings of the same barcode (e.g. in scan history), the one that tells more; the newer on a tie. */
export function betterLabel(older: LabelKind, newer: LabelKind): LabelKind {
  return told(newer) >= told(older) ? newer : older;
}

/** Linking helps only a code InvenTree does not read itself: a foreign barcode or a retail code. */
export function linkOffered(kind: LabelKind): boolean {
  return (kind.kind === 'foreign' && !kind.neverFound) || kind.kind === 'retail';
}

function ref(model: BarcodeModel, pk: number): string {
  return `${modelName(model)} ${pk}`;
}

/** What the label is, in one heading ("InvenTree label of stock item 99999 — the item no longer exists"). */
export function labelKindHeading(k: LabelKind): string {
  switch (k.kind) {
    case 'inventree': {
      const of = `InvenTree label of ${ref(k.model, k.pk)}`;
      return k.exists === false ? `${of} — the ${modelName(k.model).split(' ').pop()} no longer exists` : of;
    }
    case 'supplier': {
      const whose = k.supplier ? `${k.supplier} supplier label` : 'Supplier label (ECIA: DigiKey, Mouser, …)';
      const part = k.sku ? ` of ${k.sku}` : k.mpn ? ` of ${k.mpn}` : '';
      if (k.pluginError) return `${whose}${part}`;
      if (k.found === false) return `${whose}${part} — no supplier part in InvenTree matches it`;
      return `${whose}${part}`;
    }
    case 'retail':
      return `Retail code (${k.format}) — not linked to anything in InvenTree`;
    case 'custom':
      return `${k.looksLike ?? 'Custom barcode'} linked to ${ref(k.model, k.pk)}`;
    case 'foreign':
      return k.neverFound
        ? 'Shaped like an InvenTree short label with an unknown code — InvenTree can never find it'
        : 'Foreign barcode — nothing in InvenTree knows it';
    case 'unanswered':
      return 'Barcode';
  }
}

/** The groups History shows failures in, in this order (what can be fixed by linking first). */
export const KIND_GROUPS: readonly { kind: LabelKindName; title: string; hint: string }[] = [
  {
    kind: 'foreign',
    title: 'Foreign barcodes',
    hint: 'Nothing in InvenTree knows them: link each one to its item once.',
  },
  {
    kind: 'retail',
    title: 'Retail codes (EAN, UPC, ISBN)',
    hint: 'Not linked yet: link each one to its part or item once.',
  },
  {
    kind: 'inventree',
    title: 'InvenTree labels',
    hint: 'Labels printed by InvenTree: the object is gone, or the workflow could not use it. Reprint, do not link.',
  },
  {
    kind: 'supplier',
    title: 'Supplier labels',
    hint: 'Read by InvenTree’s supplier plugins: add the supplier part (or fix its SKU), do not link.',
  },
  { kind: 'custom', title: 'Linked barcodes', hint: 'Known to InvenTree; the workflow could not use the object.' },
  { kind: 'unanswered', title: 'Other failures', hint: 'The server refused or failed before reading the barcode.' },
];

/** What to do about a label that found nothing (or could not be used), in a sentence; null when the heading says it all. */
export function labelAdvice(k: LabelKind): string | null {
  switch (k.kind) {
    case 'inventree':
      return k.exists === false
        ? `The ${modelName(k.model)} was deleted, or the label was printed by another InvenTree server. Reprint the label from the object it belongs on; linking this one would not help.`
        : null;
    case 'supplier':
      if (k.pluginError) return null;
      return k.found === false
        ? `InvenTree’s supplier plugins read this label, but no supplier part has ${k.sku ? `SKU ${k.sku}` : k.mpn ? `MPN ${k.mpn}` : 'its part number'}. Add the supplier part in InvenTree (or correct its SKU), then scan again.`
        : null;
    case 'retail':
      return 'Link it once to its part or stock item, and every later scan finds it.';
    case 'foreign':
      return k.neverFound
        ? 'InvenTree reads “INV-” with two characters and digits as its own short label and stops there, so even linked this barcode would never be found.'
        : 'Link it once to its item, and every later scan finds it.';
    case 'custom':
    case 'unanswered':
      return null;
  }
}
