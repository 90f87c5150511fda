// Hostile request bodies to the order endpoints never crash the handlers: every answer is one of
// the statuses v291 gives there, with a JSON body of the documented kind (the 500s only with
// InvenTree's own error body, where v291 itself crashes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIGIKEY_BARCODE, LCSC_BARCODE, MOUSER_BARCODE, TME_QRCODE } from '../supplier/supplierSamples';
import { useOrderSimulation } from './testing/orderFixtures';
import { demoDataset } from '../dataset';

const h = useOrderSimulation(demoDataset);

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 2_000_000_000 }),
  fc.double({ noNaN: true }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    DIGIKEY_BARCODE,
    MOUSER_BARCODE,
    LCSC_BARCODE,
    TME_QRCODE,
    '{"stockitem": 231}',
    '{"part": 69}',
    'QTY:1 T:12:30 RoHS',
    '',
  ),
  fc.constant('x'.repeat(5000)),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }),
);
const receiveItems = fc.oneof(
  value,
  fc.array(
    fc.record(
      {
        line_item: fc.oneof(value, fc.integer({ min: 1, max: 31 })),
        quantity: value,
        location: value,
        barcode: value,
        status: value,
      },
      { requiredKeys: [] },
    ),
    {
      maxLength: 3,
    },
  ),
);
const body = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        barcode: value,
        purchase_order: value,
        sales_order: value,
        location: value,
        line: value,
        shipment: value,
        quantity: value,
        items: receiveItems,
        order: value,
        part: value,
        reference: value,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: value },
);

function isDocumented(status: number, payload: unknown): boolean {
  if (status === 200 || status === 201) return typeof payload === 'object' && payload !== null;
  if (status === 400) return typeof payload === 'object' && payload !== null;
  if (status === 500) {
    const keys = Object.keys(payload as object);
    return JSON.stringify(keys) === JSON.stringify(['error', 'error_class', 'detail', 'path', 'status_code']);
  }
  return false;
}

describe('order endpoints under hostile bodies', () => {
  for (const path of [
    '/api/barcode/po-allocate/',
    '/api/barcode/po-receive/',
    '/api/barcode/so-allocate/',
    '/api/order/po-line/',
    '/api/order/so/shipment/',
    '/api/order/po/1/receive/',
  ]) {
    it(`${path} answers every body with a documented status`, async () => {
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          const response = await h.post(path, sent, h.admin);
          expect(
            isDocumented(response.status, response.body),
            `${response.status} ${JSON.stringify(response.body).slice(0, 200)}`,
          ).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }
});
