/**
 * The one name of each page and workflow (issue #20): the navigation, page titles, History, the
 * server check, the shortcut list and the README say exactly these words, so a worker who taps
 * "Add to purchase order" lands on a page of that name and finds it under that name in History.
 * It lives in api/, the lowest layer, because the server check (api/serverCheckRights.ts) names
 * workflows too; it imports only plain data, so e2e specs may import it as well.
 */
import { BARCODE_PATHS } from './barcodePaths.ts';

export const PAGE_NAMES = {
  scan: 'Scan',
  receive: 'Receive',
  addToPurchaseOrder: 'Add to purchase order',
  allocateToSalesOrder: 'Allocate to sales order',
  moveStock: 'Move stock',
  countStock: 'Count stock',
  adjustStock: 'Adjust stock',
  linkBarcode: 'Link barcode',
  printBarcode: 'Print barcode',
  history: 'History',
  scannerHealth: 'Scanner health',
  settings: 'Settings',
} as const;

export type PageId = keyof typeof PAGE_NAMES;

/**
 * The cut of a long name for the phone bar and the tablet rail: its first words, never other words
 * (a phone slot is ~78 px wide). "Add to purchase order" stays whole: a cut would say "order" alone.
 */
const SHORT_WORDS: Partial<Record<PageId, number>> = {
  allocateToSalesOrder: 1,
  moveStock: 1,
  countStock: 1,
  adjustStock: 1,
  linkBarcode: 1,
  printBarcode: 1,
};

export function shortPageName(id: PageId): string {
  const words = SHORT_WORDS[id];
  const name = PAGE_NAMES[id];
  return words ? name.split(' ').slice(0, words).join(' ') : name;
}

/** What the barcode "unlink" endpoint does, named after the workflow page that calls it. */
export const UNLINK_BARCODE = 'Unlink barcode';

/** History's name for each barcode endpoint: the workflow that calls it. */
export const ENDPOINT_NAMES: Readonly<Record<string, string>> = {
  [BARCODE_PATHS.scan]: PAGE_NAMES.scan,
  [BARCODE_PATHS.link]: PAGE_NAMES.linkBarcode,
  [BARCODE_PATHS.unlink]: UNLINK_BARCODE,
  [BARCODE_PATHS.poReceive]: PAGE_NAMES.receive,
  [BARCODE_PATHS.poAllocate]: PAGE_NAMES.addToPurchaseOrder,
  [BARCODE_PATHS.soAllocate]: PAGE_NAMES.allocateToSalesOrder,
  [BARCODE_PATHS.generate]: PAGE_NAMES.printBarcode,
};
