// Replays the golden transcripts recorded from a real v291 server (e2e/fixtures/contract/
// transcripts) in order against one fresh simulation, comparing status and body exactly: key
// order included, after normalising only timestamps and token values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeSimulation } from './node';
import { replayTranscripts, transcripts } from './test/transcripts';

// Values that legitimately differ between recordings: token keys and the clock.
const TIME_KEYS = new Set([
  'timestamp',
  'updated',
  'expiry',
  'creation_date',
  'issue_date',
  'complete_date',
  'shipment_date',
  'delivery_date',
  'stocktake_date',
  'availability_updated',
]);
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/;

function normalise(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v, k)]));
  }
  if (key === 'token' && typeof value === 'string') return '<TOKEN>';
  if (key && TIME_KEYS.has(key) && typeof value === 'string' && DATE_LIKE.test(value)) return '<TIME>';
  return value;
}

/**
 * TEMPORARY: transcripts that need SIM-ORDERS' endpoints (order create/issue, po-allocate,
 * po-receive, so-allocate, order lists), the state those endpoints change (history rows, stock
 * counts), or the supplier plugins' SUPPLIER_ID rows (040/046: the plugin settings pk). The goal
 * is 167/167 with this list empty.
 */
const expectedToFailUntilOrders = new Set<string>([
  '040-plugin-setting-short-format.json',
  '046-plugin-setting-json-format.json',
  '068-po-allocate-part.json',
  '069-po-allocate-supplierpart.json',
  '070-po-allocate-manufacturerpart.json',
  '071-po-allocate-wrong-supplier.json',
  '072-po-allocate-stockitem.json',
  '073-po-allocate-unknown.json',
  '074-po-allocate-not-pending.json',
  '075-po-allocate-missing-po.json',
  '076-po-allocate-other-user.json',
  '084-setup-create-po-digikey.json',
  '085-setup-create-po-line-digikey.json',
  '086-setup-create-po-mouser.json',
  '087-setup-create-po-line-mouser.json',
  '088-setup-create-po-lcsc.json',
  '089-setup-create-po-line-lcsc.json',
  '090-setup-create-po-tme.json',
  '091-setup-create-po-line-tme.json',
  '092-po-receive-not-placed.json',
  '093-po-receive-explicit-po-not-placed.json',
  '094-setup-issue-po-digikey.json',
  '095-setup-issue-po-mouser.json',
  '096-setup-issue-po-lcsc.json',
  '097-setup-issue-po-tme.json',
  '106-po-receive-digikey-no-location.json',
  '107-po-receive-structural-location.json',
  '108-po-receive-digikey.json',
  '109-po-receive-digikey-again.json',
  '110-scan-digikey-after-receive.json',
  '111-po-receive-digikey-30p.json',
  '112-po-receive-mouser-explicit-po.json',
  '113-po-receive-lcsc.json',
  '114-po-receive-tme-qr.json',
  '115-po-receive-wrong-supplier-po.json',
  '116-po-receive-internal-stockitem.json',
  '117-po-receive-internal-supplierpart.json',
  '118-po-receive-internal-part.json',
  '119-po-receive-unknown.json',
  '120-po-receive-missing-barcode.json',
  '121-po-receive-noauth.json',
  '122-get-po-digikey-after-receive.json',
  '123-get-po-lines-digikey-after-receive.json',
  '124-so-allocate-no-shipment.json',
  '125-setup-create-shipment.json',
  '126-so-allocate-auto.json',
  '127-so-allocate-explicit.json',
  '128-so-allocate-insufficient.json',
  '129-so-allocate-item-not-on-order.json',
  '130-so-allocate-line-mismatch.json',
  '131-so-allocate-shipment-other-order.json',
  '132-so-allocate-part-barcode.json',
  '133-so-allocate-unknown.json',
  '134-so-allocate-missing-so.json',
  '135-so-allocate-not-pending.json',
  '136-so-allocate-bad-line-pk.json',
  '137-so-allocate-serialized.json',
  '138-so-allocate-other-user.json',
  '139-get-stockitem.json',
  '141-get-stocklocation.json',
  '143-get-po-lines.json',
  '144-get-so.json',
  '145-get-so-lines.json',
  '146-get-so-shipments.json',
  '147-get-so-allocations.json',
  '148-history-list-page.json',
  '149-history-list-page-2.json',
  '150-history-list-ordering-timestamp.json',
  '151-history-list-ordering-endpoint.json',
  '152-history-list-result-true.json',
  '153-history-list-result-false.json',
  '155-history-list-user.json',
  '156-history-list-count.json',
  '157-history-detail.json',
  '159-history-list-other-user.json',
  '167-history-list-after-delete.json',
]);

describe('transcript replay (real v291 server recordings)', () => {
  const { sim, server } = createNodeSimulation();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('matches every transcript in order', async () => {
    const mismatches: string[] = [];
    let matched = 0;
    await replayTranscripts(sim, (name, transcript, actual) => {
      const expected = transcript.response;
      const expectedText = JSON.stringify(normalise(expected.body));
      const actualText = JSON.stringify(normalise(actual.body));
      if (actual.status === expected.status && actualText === expectedText) {
        matched += 1;
        return;
      }
      mismatches.push(`${name}: expected ${expected.status} ${expectedText.slice(0, 300)}\n    actual ${actual.status} ${actualText.slice(0, 300)}`);
    });
    console.log(`transcript replay: ${matched}/${transcripts.length} match`);
    if (mismatches.length > 0) console.log(mismatches.join('\n'));
    const unexpected = mismatches.filter((m) => !expectedToFailUntilOrders.has(m.slice(0, m.indexOf(':'))));
    expect(unexpected).toEqual([]);
  });
});
