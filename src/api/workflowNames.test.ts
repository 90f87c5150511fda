import { describe, expect, it } from 'vitest';
import { BARCODE_PATHS } from './barcodePaths.ts';
import { endpointName, PAGE_IDS, pageName, shortPageName } from './workflowNames.ts';

describe('workflow names', () => {
  it('an English short name is the full name cut after whole words, never other words', () => {
    for (const id of PAGE_IDS) {
      const full = pageName(id).split(' ');
      const short = shortPageName(id).split(' ');
      expect(short.length).toBeGreaterThan(0);
      expect(full.slice(0, short.length)).toEqual(short);
    }
    expect(shortPageName('allocateToSalesOrder')).toBe('Allocate');
    expect(shortPageName('addToPurchaseOrder')).toBe('Add to purchase order');
  });

  it('the order workflows say purchase or sales; no two pages share a name', () => {
    expect(pageName('addToPurchaseOrder')).toContain('purchase');
    expect(pageName('allocateToSalesOrder')).toContain('sales');
    const names = PAGE_IDS.map(pageName);
    expect(new Set(names).size).toBe(names.length);
    const shorts = PAGE_IDS.map(shortPageName);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('every barcode endpoint but history is named after its workflow page', () => {
    const { history: _history, ...workflowPaths } = BARCODE_PATHS;
    for (const path of Object.values(workflowPaths)) expect(endpointName(path)).toBeTruthy();
    expect(endpointName(BARCODE_PATHS.generate)).toBe(pageName('printBarcode'));
    expect(endpointName(BARCODE_PATHS.poAllocate)).toBe(pageName('addToPurchaseOrder'));
    expect(endpointName('/api/barcode/unknown/')).toBeUndefined();
  });
});
