/**
 * The one place that knows InvenTree API versions. StockScan is tested against two: API 291
 * (InvenTree 0.17, the contract transcripts) and API 425 (InvenTree 1.2 dev, transcripts-425).
 * Older servers are refused with a clear message; newer ones are treated as 425 (the newest tested
 * behaviour). Everything that branches on the version asks here, by behaviour, never by number.
 */
import { formatList } from '../i18n/format.ts';
import { i18n } from '../i18n/i18n.ts';

/** Oldest API StockScan works with (the contract recordings). */
export const MIN_SUPPORTED_API_VERSION = 291;
/** Newest API StockScan has been tested against; newer servers are used as this one. */
export const NEWEST_TESTED_API_VERSION = 425;

/** InvenTree releases for the tested API versions, for messages. */
export const TESTED_VERSIONS: readonly { apiVersion: number; release: string }[] = [
  { apiVersion: 291, release: 'InvenTree 0.17' },
  { apiVersion: 425, release: 'InvenTree 1.x' },
];

/**
 * API versions where a barcode behaviour changed (InvenTree's api_version.py and the two
 * recordings). A server at or above the version has the behaviour.
 */
const BEHAVIOUR_SINCE = {
  /** po-receive takes `supplier`, `line_item`, `auto_allocate` and always answers lineitem.supplier_part/location (v293). */
  poReceiveExtendedFields: 293,
  /** Match objects carry `instance`, the object's full detail JSON (v339). */
  matchInstance: 339,
  /** Sales order shipments carry barcodes (v345). */
  shipmentBarcodes: 345,
  /**
   * Supplier plugins answer with every model they match (purchase order, supplier part,
   * manufacturer part, company), po-receive says "No plugin match for supplier barcode" for a label
   * whose supplier/order/line it cannot match, allocation takes any open order ("… is not open"),
   * web_url points at the new UI (/web/...). First seen in the 425 recordings.
   */
  currentSupplierRules: 425,
} as const;

export type ApiBehaviour = keyof typeof BEHAVIOUR_SINCE;

/** The version StockScan behaves for: newer than tested counts as the newest tested; unknown as 291. */
export function effectiveApiVersion(apiVersion: number | null | undefined): number {
  if (typeof apiVersion !== 'number' || !Number.isFinite(apiVersion)) return MIN_SUPPORTED_API_VERSION;
  return Math.min(apiVersion, NEWEST_TESTED_API_VERSION);
}

/** Does a server of this API version have the behaviour? (null/unknown: as API 291.) */
export function hasBehaviour(apiVersion: number | null | undefined, behaviour: ApiBehaviour): boolean {
  return effectiveApiVersion(apiVersion) >= BEHAVIOUR_SINCE[behaviour];
}

/** Why StockScan cannot work with this server's API version, in plain words; null when it can. */
export function apiVersionRefusal(apiVersion: number): { title: string; message: string; nextStep: string } | null {
  if (apiVersion >= MIN_SUPPORTED_API_VERSION) return null;
  return {
    title: i18n.t('api:version.tooOldTitle'),
    message: i18n.t('api:version.tooOld', {
      version: apiVersion,
      min: MIN_SUPPORTED_API_VERSION,
      tested: formatList(
        TESTED_VERSIONS.map((v) => i18n.t('api:version.tested', { api: v.apiVersion, release: v.release })),
      ),
    }),
    nextStep: i18n.t('api:version.tooOldNext'),
  };
}

/** "InvenTree 1.x (API 425)" style name for a server, saying when it is newer than tested. */
export function describeApiVersion(apiVersion: number): string {
  const tested = TESTED_VERSIONS.find((v) => v.apiVersion === apiVersion);
  if (tested) return i18n.t('api:version.release', { release: tested.release, api: apiVersion });
  if (apiVersion > NEWEST_TESTED_API_VERSION)
    return i18n.t('api:version.newer', { api: apiVersion, newest: NEWEST_TESTED_API_VERSION });
  return i18n.t('api:version.plain', { api: apiVersion });
}

/** What a barcode user notices on a server with each behaviour, newest first (api:version.behaviour.*). */
const BEHAVIOUR_WORDS: readonly ApiBehaviour[] = [
  'currentSupplierRules',
  'shipmentBarcodes',
  'matchInstance',
  'poReceiveExtendedFields',
];

/** What differs from API 291 for a barcode user on this version (empty for 291 and unknown). */
export function apiVersionDifferences(apiVersion: number | null | undefined): string[] {
  return BEHAVIOUR_WORDS.filter((behaviour) => hasBehaviour(apiVersion, behaviour)).map((behaviour) =>
    i18n.t(`api:version.behaviour.${behaviour}`),
  );
}
