/**
 * Say what a label is before saying why it failed. From the barcode text (labelKindFormats.ts) and,
 * when there is one, the server's answer: an InvenTree label of an object (which may no longer
 * exist: v291 answers `{"stockitem": 99999}` with the same "No match found for barcode data" as any
 * unknown code, transcript 018), a supplier label and whose, an unknown retail code, a custom
 * barcode linked to something, or a foreign barcode nothing in InvenTree knows. Pure.
 */
import { i18n } from '../i18n/i18n.ts';
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
        return { kind: 'custom', ...first, looksLike: i18n.t('api:label.looksLike.inventree') };
      const { model, pk } = named[0]!;
      return { kind: 'inventree', format: reading.format, model, pk, exists: v.kind === 'noMatch' ? false : null };
    }
    case 'supplier': {
      // A received label is stored on the new stock item, so InvenTree finds it by hash (transcript 110).
      if (first && v.kind === 'matched' && v.plugin === 'InvenTreeBarcode')
        return {
          kind: 'custom',
          ...first,
          looksLike: i18n.t('api:label.looksLike.supplier', { supplier: reading.supplier ?? 'ECIA' }),
        };
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
        ? { kind: 'custom', ...first, looksLike: i18n.t('api:label.looksLike.retail', { format: reading.format }) }
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
  return i18n.t('api:label.ref', { model: modelName(model), pk });
}

/** What the label is, in one heading ("InvenTree label of stock item 99999 — the item no longer exists"). */
export function labelKindHeading(k: LabelKind): string {
  switch (k.kind) {
    case 'inventree': {
      const of = ref(k.model, k.pk);
      return k.exists === false
        ? i18n.t('api:label.heading.inventreeGone', { of, gone: i18n.t(`api:models.${k.model}.gone`) })
        : i18n.t('api:label.heading.inventree', { of });
    }
    case 'supplier': {
      // Supplier names, SKUs and MPNs stay as they are.
      const code = k.sku || k.mpn || null;
      const whose = k.supplier
        ? code
          ? i18n.t('api:label.heading.supplierOf', { supplier: k.supplier, code })
          : i18n.t('api:label.heading.supplier', { supplier: k.supplier })
        : code
          ? i18n.t('api:label.heading.eciaOf', { code })
          : i18n.t('api:label.heading.ecia');
      if (k.pluginError) return whose;
      if (k.found === false) return i18n.t('api:label.heading.noSupplierPart', { label: whose });
      return whose;
    }
    case 'retail':
      return i18n.t('api:label.heading.retail', { format: k.format });
    case 'custom':
      return k.looksLike
        ? i18n.t('api:label.heading.linked', { what: k.looksLike, of: ref(k.model, k.pk) })
        : i18n.t('api:label.heading.custom', { of: ref(k.model, k.pk) });
    case 'foreign':
      return k.neverFound ? i18n.t('api:label.heading.shortShaped') : i18n.t('api:label.heading.foreign');
    case 'unanswered':
      return i18n.t('api:label.heading.unanswered');
  }
}

/**
 * The groups History shows failures in, in this order (what can be fixed by linking first). Title
 * and hint are getters on the catalogue: read (or spread) when rendering, they follow the language.
 */
export const KIND_GROUPS: readonly { kind: LabelKindName; readonly title: string; readonly hint: string }[] = (
  ['foreign', 'retail', 'inventree', 'supplier', 'custom', 'unanswered'] as const
).map(
  (kind) =>
    Object.defineProperties(
      { kind },
      {
        title: { enumerable: true, get: () => i18n.t(`api:label.groups.${kind}.title`) },
        hint: { enumerable: true, get: () => i18n.t(`api:label.groups.${kind}.hint`) },
      },
    ) as { kind: LabelKindName; readonly title: string; readonly hint: string },
);

/** What to do about a label that found nothing (or could not be used), in a sentence; null when the heading says it all. */
export function labelAdvice(k: LabelKind): string | null {
  switch (k.kind) {
    case 'inventree':
      return k.exists === false ? i18n.t('api:label.advice.inventreeGone', { model: modelName(k.model) }) : null;
    case 'supplier':
      if (k.pluginError) return null;
      if (k.found !== false) return null;
      return k.sku
        ? i18n.t('api:label.advice.noSupplierPartSku', { sku: k.sku })
        : k.mpn
          ? i18n.t('api:label.advice.noSupplierPartMpn', { mpn: k.mpn })
          : i18n.t('api:label.advice.noSupplierPart');
    case 'retail':
      return i18n.t('api:label.advice.retail');
    case 'foreign':
      return k.neverFound ? i18n.t('api:label.advice.shortShaped') : i18n.t('api:label.advice.foreign');
    case 'custom':
    case 'unanswered':
      return null;
  }
}
