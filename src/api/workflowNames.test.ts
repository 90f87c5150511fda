import { describe, expect, it } from 'vitest';
import { BARCODE_PATHS } from './barcodePaths.ts';
import { ENDPOINT_NAMES, PAGE_NAMES, shortPageName, type PageId } from './workflowNames.ts';

const ids = Object.keys(PAGE_NAMES) as PageId[];

describe('workflow names', () => {
  it('a short name is the full name cut after whole words, never other words', () => {
    for (const id of ids) {
      const full = PAGE_NAMES[id].split(' ');
      const short = shortPageName(id).split(' ');
      expect(short.length).toBeGreaterThan(0);
      expect(full.slice(0, short.length)).toEqual(short);
    }
    expect(shortPageName('allocateToSalesOrder')).toBe('Allocate');
    expect(shortPageName('addToPurchaseOrder')).toBe('Add to purchase order');
  });

  it('the order workflows say purchase or sales; no two pages share a name', () => {
    expect(PAGE_NAMES.addToPurchaseOrder).toContain('purchase');
    expect(PAGE_NAMES.allocateToSalesOrder).toContain('sales');
    const names = ids.map((id) => PAGE_NAMES[id]);
    expect(new Set(names).size).toBe(names.length);
    const shorts = ids.map(shortPageName);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('every barcode endpoint but history is named after its workflow page', () => {
    const { history: _history, ...workflowPaths } = BARCODE_PATHS;
    for (const path of Object.values(workflowPaths)) expect(ENDPOINT_NAMES[path]).toBeTruthy();
    expect(ENDPOINT_NAMES[BARCODE_PATHS.generate]).toBe(PAGE_NAMES.printBarcode);
    expect(ENDPOINT_NAMES[BARCODE_PATHS.poAllocate]).toBe(PAGE_NAMES.addToPurchaseOrder);
  });
});
