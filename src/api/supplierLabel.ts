/**
 * Supplier labels as current InvenTree (API 425, see apiVersion.ts) answers them, pure functions:
 * - a scan of a supplier label can match several models at once (purchase order, supplier part,
 *   manufacturer part, plus the plugin's supplier `company`); `chooseMatch` picks what a page needs
 *   and keeps the rest to show;
 * - `instance` (the object's detail JSON) names things without a second GET;
 * - po-receive answers "No plugin match for supplier barcode" for a label whose supplier, order or
 *   line the plugin cannot match; `explainUnreceivedLabel` says which, from the scan of that label;
 * - po-receive takes `supplier` / `line_item` (API 293+): `poReceiveContext` adds what is known.
 */
import { i18n } from '../i18n/i18n.ts';
import { hasBehaviour } from './apiVersion.ts';
import type { BarcodeMatch, BarcodeModel } from './models.ts';
import { modelName } from './models.ts';
import { isRecord } from './answerFields.ts';

/** What each page wants first when an answer matches several objects. */
export type MatchPurpose = 'receive' | 'addToOrder' | 'card';

const PURPOSE_ORDER: Record<MatchPurpose, BarcodeModel[]> = {
  // Receive: the order the label belongs to, then its supplier part.
  receive: ['purchaseorder', 'supplierpart', 'manufacturerpart', 'part'],
  // Add to order: the supplier part is what goes on the order.
  addToOrder: ['supplierpart', 'manufacturerpart', 'part'],
  // A card about the thing: stock item, else the part it is (or the supplier's part).
  card: [
    'stockitem',
    'part',
    'supplierpart',
    'manufacturerpart',
    'stocklocation',
    'purchaseorder',
    'salesorder',
    'returnorder',
    'build',
    'salesordershipment',
  ],
};

/** The match a page needs, and the others of the same answer (shown beside it). */
export function chooseMatch(
  matches: readonly BarcodeMatch[],
  purpose: MatchPurpose,
): { chosen: BarcodeMatch | null; others: BarcodeMatch[] } {
  let chosen: BarcodeMatch | null = null;
  for (const model of PURPOSE_ORDER[purpose]) {
    chosen = matches.find((m) => m.model === model) ?? null;
    if (chosen) break;
  }
  return { chosen, others: matches.filter((m) => m !== chosen) };
}

function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' && v !== 'None' ? v : null;
}

/** A short name for a match from its `instance` (SKU, reference, name), else "model #pk". */
export function matchLabel(match: BarcodeMatch): string {
  const i = match.instance;
  const fallback = i18n.t('api:label.pkRef', { model: modelName(match.model), pk: match.pk });
  if (!i) return fallback;
  switch (match.model) {
    case 'supplierpart':
      return text(i.SKU)
        ? i18n.t('api:label.codeRef', { model: modelName('supplierpart'), code: String(i.SKU) })
        : fallback;
    case 'manufacturerpart':
      return text(i.MPN)
        ? i18n.t('api:label.codeRef', { model: modelName('manufacturerpart'), code: String(i.MPN) })
        : fallback;
    case 'purchaseorder':
    case 'salesorder':
    case 'returnorder':
    case 'build':
      return text(i.reference) ?? fallback;
    case 'part':
      return text(i.full_name) ?? text(i.name) ?? fallback;
    case 'stocklocation':
      return text(i.pathstring) ?? text(i.name) ?? fallback;
    default:
      return fallback;
  }
}

/** A supplier plugin's reading of a label (API 425 scans), as far as the answer tells. */
export interface SupplierLabel {
  /** "TME", "DigiKey", … from the plugin's name. */
  plugin: string;
  /** The company the plugin acts for (absent: no supplier is set up for this plugin). */
  pluginSupplier: number | null;
  order: BarcodeMatch | null;
  supplierPart: BarcodeMatch | null;
  manufacturerPart: BarcodeMatch | null;
  /** Supplier name of the matched supplier part or order (from `instance`), when known. */
  partSupplierName: string | null;
  orderSupplierName: string | null;
  orderSupplier: number | null;
  /** The answer has current InvenTree's shape (matches carry `instance`): its rules apply. */
  current: boolean;
}

/** The plugin's supplier name: "TMEBarcodePlugin" / "TMEPlugin" → "TME". */
export function pluginSupplierName(plugin: string): string {
  return plugin.replace(/(Barcode)?Plugin$/, '');
}

/**
 * Reads a successful scan answer as a supplier label: null when an InvenTree object barcode (or a
 * plugin-less answer) answered, i.e. when it really is not a supplier label.
 */
export function readSupplierLabel(answer: {
  plugin: string | null;
  matches: readonly BarcodeMatch[];
  raw: unknown;
}): SupplierLabel | null {
  if (!answer.plugin || answer.plugin === 'InvenTreeBarcode') return null;
  const find = (m: BarcodeModel) => answer.matches.find((x) => x.model === m) ?? null;
  const supplierPart = find('supplierpart');
  const order = find('purchaseorder');
  const manufacturerPart = find('manufacturerpart');
  if (!supplierPart && !order && !manufacturerPart) return null;
  const company = isRecord(answer.raw) && isRecord(answer.raw.company) ? answer.raw.company.pk : null;
  const partSupplier =
    supplierPart?.instance && isRecord(supplierPart.instance.supplier_detail)
      ? supplierPart.instance.supplier_detail
      : null;
  return {
    plugin: pluginSupplierName(answer.plugin),
    pluginSupplier: typeof company === 'number' ? company : null,
    order,
    supplierPart,
    manufacturerPart,
    partSupplierName: text(partSupplier?.name),
    orderSupplierName: text(order?.instance?.supplier_name),
    orderSupplier: typeof order?.instance?.supplier === 'number' ? order.instance.supplier : null,
    current: answer.matches.some((m) => m.instance !== null),
  };
}

/**
 * Why po-receive found no plugin match for a label that IS a supplier label (API 425 rules:
 * scan_receive_item needs the plugin's supplier, an order of that supplier, the supplier part and
 * one line of it on the order). `chosenOrder`: the order the page sent, if any.
 */
export function explainUnreceivedLabel(label: SupplierLabel, chosenOrder: number | null): string {
  const what = [
    label.supplierPart ? matchLabel(label.supplierPart) : null,
    label.order ? i18n.t('api:receive.orderRef', { order: matchLabel(label.order) }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const supplier = label.plugin;
  const intro = what ? i18n.t('api:receive.introWhat', { supplier, what }) : i18n.t('api:receive.intro', { supplier });
  const say = (reason: string) => i18n.t('api:receive.explained', { intro, reason });
  if (!label.current) return say(i18n.t('api:receive.noLine'));
  if (label.pluginSupplier === null) {
    const owner = label.orderSupplierName ?? label.partSupplierName;
    const noSupplier = owner
      ? i18n.t('api:receive.noSupplierOwner', { supplier, owner })
      : i18n.t('api:receive.noSupplier', { supplier });
    const next =
      chosenOrder === null && label.order
        ? i18n.t('api:receive.chooseOrderNext', { order: matchLabel(label.order) })
        : i18n.t('api:receive.setSupplierNext');
    return say(`${noSupplier}${next}`);
  }
  if (chosenOrder !== null && label.order && label.order.pk !== chosenOrder) {
    return say(i18n.t('api:receive.otherOrder', { order: matchLabel(label.order) }));
  }
  if (label.order && label.orderSupplier !== null && label.orderSupplier !== label.pluginSupplier) {
    const owner = label.orderSupplierName ?? i18n.t('api:receive.companyPk', { pk: label.orderSupplier });
    return say(i18n.t('api:receive.otherSupplier', { order: matchLabel(label.order), owner, supplier }));
  }
  if (!label.order && chosenOrder === null) return say(i18n.t('api:receive.noOrder', { supplier }));
  if (!label.supplierPart) return say(i18n.t('api:receive.noSupplierPart', { supplier }));
  return say(i18n.t('api:receive.noSingleLine', { part: matchLabel(label.supplierPart) }));
}

/**
 * Extra po-receive fields a 293+ server takes (and 291 would ignore, so they are not sent there):
 * the supplier of the chosen order and a chosen line, which let InvenTree match the label.
 */
export function poReceiveContext(
  apiVersion: number | null | undefined,
  known: { supplier?: number | null; lineItem?: number | null },
): { supplier?: number; line_item?: number } {
  if (!hasBehaviour(apiVersion, 'poReceiveExtendedFields')) return {};
  const out: { supplier?: number; line_item?: number } = {};
  if (typeof known.supplier === 'number') out.supplier = known.supplier;
  if (typeof known.lineItem === 'number') out.line_item = known.lineItem;
  return out;
}
