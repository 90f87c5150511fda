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
  const fallback = `${modelName(match.model)} #${match.pk}`;
  if (!i) return fallback;
  switch (match.model) {
    case 'supplierpart':
      return text(i.SKU) ? `supplier part ${String(i.SKU)}` : fallback;
    case 'manufacturerpart':
      return text(i.MPN) ? `manufacturer part ${String(i.MPN)}` : fallback;
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
    label.order ? `order ${matchLabel(label.order)}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const intro = `This is a ${label.plugin} supplier label${what ? ` (${what})` : ''}, but InvenTree could not receive it:`;
  if (!label.current) {
    return `${intro} InvenTree found no order line to receive it against. Choose the order, or receive it by hand on the order’s lines.`;
  }
  if (label.pluginSupplier === null) {
    const owner = label.orderSupplierName ?? label.partSupplierName;
    return `${intro} no supplier company is set up as “${label.plugin}” on this server (the ${label.plugin} plugin’s Supplier setting), so it receives no ${label.plugin} labels${owner ? `, and this one belongs to ${owner}` : ''}.${chosenOrder === null && label.order ? ` Choose ${matchLabel(label.order)} as the order and scan again, or receive it by hand on the order’s lines.` : ' Receive it by hand on the order’s lines, or set the plugin’s supplier in InvenTree.'}`;
  }
  if (chosenOrder !== null && label.order && label.order.pk !== chosenOrder) {
    return `${intro} it belongs to ${matchLabel(label.order)}, not to the chosen order. Choose ${matchLabel(label.order)} (or “found from the label”) and scan again.`;
  }
  if (label.order && label.orderSupplier !== null && label.orderSupplier !== label.pluginSupplier) {
    return `${intro} ${matchLabel(label.order)} is an order of ${label.orderSupplierName ?? `company #${label.orderSupplier}`}, not of ${label.plugin}. Receive it by hand on the order’s lines.`;
  }
  if (!label.order && chosenOrder === null) {
    return `${intro} no ${label.plugin} purchase order matches the order number on the label. Choose the order and scan again.`;
  }
  if (!label.supplierPart) {
    return `${intro} no ${label.plugin} supplier part has the part number on this label. Add the supplier part in InvenTree, or receive it by hand.`;
  }
  return `${intro} the order has no single line for ${matchLabel(label.supplierPart)} (it is not on the order, or on it twice). Receive it by hand on the order’s lines.`;
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
