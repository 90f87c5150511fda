/**
 * The one name of each page and workflow (issue #20): the navigation, page titles, History, the
 * server check and the shortcut list say exactly these words, in the language in use (the `common`
 * area's `pages`), so a worker who taps "Add to purchase order" lands on a page of that name and
 * finds it under that name in History. It lives in api/, the lowest layer, because the server check
 * (api/serverCheckRights.ts) names workflows too.
 */
import { i18n } from '../i18n/i18n.ts';
import { BARCODE_PATHS } from './barcodePaths.ts';

export const PAGE_IDS = [
  'scan',
  'receive',
  'addToPurchaseOrder',
  'allocateToSalesOrder',
  'moveStock',
  'countStock',
  'adjustStock',
  'linkBarcode',
  'printBarcode',
  'history',
  'scannerHealth',
  'settings',
] as const;

export type PageId = (typeof PAGE_IDS)[number];

/** The page's one name. Call it when rendering (components re-render on a language change). */
export function pageName(id: PageId): string {
  return i18n.t(`common:pages.${id}.name`);
}

/**
 * The name for the phone bar and the tablet rail (a slot is ~78 px wide): a cut the catalogue
 * chooses per language, never other words; "Add to purchase order" stays whole in English.
 */
export function shortPageName(id: PageId): string {
  return i18n.t(`common:pages.${id}.short`);
}

/** What the barcode "unlink" endpoint does, named after the workflow page that calls it. */
export function unlinkBarcodeName(): string {
  return i18n.t('common:pages.unlinkBarcode');
}

const ENDPOINT_PAGES: Readonly<Record<string, PageId | 'unlink'>> = {
  [BARCODE_PATHS.scan]: 'scan',
  [BARCODE_PATHS.link]: 'linkBarcode',
  [BARCODE_PATHS.unlink]: 'unlink',
  [BARCODE_PATHS.poReceive]: 'receive',
  [BARCODE_PATHS.poAllocate]: 'addToPurchaseOrder',
  [BARCODE_PATHS.soAllocate]: 'allocateToSalesOrder',
  [BARCODE_PATHS.generate]: 'printBarcode',
};

/** History's name for a barcode endpoint path ("/api/barcode/po-receive/"): the workflow that calls it. */
export function endpointName(path: string): string | undefined {
  const page = ENDPOINT_PAGES[path];
  if (!page) return undefined;
  return page === 'unlink' ? unlinkBarcodeName() : pageName(page);
}
