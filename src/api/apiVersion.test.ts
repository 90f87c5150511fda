import { describe, expect, it } from 'vitest';
import {
  apiVersionDifferences,
  apiVersionRefusal,
  describeApiVersion,
  effectiveApiVersion,
  hasBehaviour,
} from './apiVersion.ts';
import { supports } from './serverInfo.ts';

describe('apiVersion: the versions StockScan knows', () => {
  it('refuses servers below API 291 with a clear message, accepts 291 and newer', () => {
    expect(apiVersionRefusal(290)?.message).toMatch(
      /API version 290\. StockScan needs API 291 \(InvenTree 0\.17\) or newer/,
    );
    expect(apiVersionRefusal(291)).toBeNull();
    expect(apiVersionRefusal(425)).toBeNull();
    expect(apiVersionRefusal(512)).toBeNull();
  });

  it('treats versions above 425 as 425', () => {
    expect(effectiveApiVersion(512)).toBe(425);
    expect(effectiveApiVersion(300)).toBe(300);
    expect(hasBehaviour(512, 'currentSupplierRules')).toBe(true);
    expect(describeApiVersion(512)).toBe('API 512 (newer than tested; used as API 425)');
    expect(describeApiVersion(425)).toBe('InvenTree 1.x (API 425)');
    expect(describeApiVersion(291)).toBe('InvenTree 0.17 (API 291)');
  });

  it('knows which behaviour each recorded version has', () => {
    expect(hasBehaviour(291, 'matchInstance')).toBe(false);
    expect(hasBehaviour(291, 'currentSupplierRules')).toBe(false);
    expect(hasBehaviour(425, 'matchInstance')).toBe(true);
    expect(hasBehaviour(425, 'poReceiveExtendedFields')).toBe(true);
    expect(hasBehaviour(null, 'poReceiveExtendedFields')).toBe(false);
    expect(supports(600, 'matchInstance')).toBe(true);
  });

  it('says what differs from 291 for a barcode user, by behaviour', () => {
    expect(apiVersionDifferences(291)).toEqual([]);
    expect(apiVersionDifferences(null)).toEqual([]);
    expect(apiVersionDifferences(300)).toEqual(['receiving a label can name the order line and supplier']);
    expect(apiVersionDifferences(425)[0]).toBe(
      "supplier labels answer several objects; a supplier label for another supplier's order is refused",
    );
    expect(apiVersionDifferences(600)).toEqual(apiVersionDifferences(425));
  });
});
