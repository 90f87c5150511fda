// Property test: thousands of random and hostile request bodies (wrong types, nulls, huge strings,
// control characters, unknown keys, broken JSON) never crash the simulation's handlers, and every
// answer has a status and body shape that InvenTree v291 documents for that endpoint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BARCODE_MODEL_LABELS } from './barcodeModels';
import { coreRoutes } from './handlers';
import { orderRoutes } from './orders/orderHandlers';
import { compileRoutes, dispatch } from './router';
import { setGlobalSetting } from './settingsStore';
import { createSimulation, type Simulation } from './simulation';
import { tokenFor } from './test/simClient';

const routes = compileRoutes([...coreRoutes(), ...orderRoutes]);
const ORIGIN = 'http://127.0.0.1:8000';

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ minLength: 4000, maxLength: 4200, unit: fc.constantFrom('A', '\u001d', ' ', '7') }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u001d\u001e',
    'INV-SI1',
    'INV-ZZ1',
    '{"part": null}',
    '{"part": [1]}',
    '{"stockitem": 1e400}',
    '{"part": "69"}',
    '{"stockitem": 231}',
    'QTY:1 T:12:30 PN:X',
    '\ud800',
    '[)>\u001e06\u001dP1\u001dQ1',
  ),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(null, true, false, 0, -1, 1, 2, 7, 13, 69, 231, 999999999, 2 ** 70, 5.5, '5', ' 7 ', '1_0'),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);
const KEYS = [
  'barcode',
  'model',
  'pk',
  'items',
  'filters',
  'value',
  'purchase_order',
  'location',
  'sales_order',
  'line',
  'shipment',
  'quantity',
  ...BARCODE_MODEL_LABELS,
];
const hostileBody = fc.oneof(
  fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), hostileValue, { maxKeys: 4 }),
  fc.jsonValue({ maxDepth: 2 }),
);
/** A body as raw text: usually JSON, sometimes broken JSON. */
const rawBody = fc.oneof(
  { weight: 9, arbitrary: hostileBody.map((b) => JSON.stringify(b)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"barcode": NaN}',
      '{"part": Infinity}',
      '{"stockitem": -Infinity, "barcode": "x"}',
      '[NaN]',
    ),
  },
);

interface EndpointSpec {
  method: string;
  path: string;
  statuses: number[];
}

const ENDPOINTS: EndpointSpec[] = [
  { method: 'POST', path: '/api/barcode/', statuses: [200, 400, 500] },
  { method: 'POST', path: '/api/barcode/generate/', statuses: [200, 400, 500] },
  { method: 'POST', path: '/api/barcode/link/', statuses: [200, 400, 403, 500] },
  { method: 'POST', path: '/api/barcode/unlink/', statuses: [200, 400, 403, 500] },
  { method: 'POST', path: '/api/barcode/po-allocate/', statuses: [200, 400, 500] },
  { method: 'POST', path: '/api/barcode/po-receive/', statuses: [200, 400, 500] },
  { method: 'POST', path: '/api/barcode/so-allocate/', statuses: [200, 400, 500] },
  { method: 'DELETE', path: '/api/barcode/history/', statuses: [204, 400, 500] },
  { method: 'PATCH', path: '/api/settings/global/BARCODE_RESULTS_MAX_NUM/', statuses: [200, 400] },
  { method: 'PATCH', path: '/api/plugins/inventreebarcode/settings/SHORT_BARCODE_PREFIX/', statuses: [200, 400] },
];

/** The v291 exceptions the contract lists as 500s (BEHAVIOUR.md 1.2 #5, 2.1, 2.8, Appendix C). */
const DOCUMENTED_500 = ['TypeError', 'ValueError', 'OverflowError', 'AttributeError', 'FieldError'];

function checkBody(status: number, body: unknown, path: string): void {
  if (status === 204) {
    expect(body).toBe('');
    return;
  }
  expect(body).not.toBeNull();
  expect(typeof body).toBe('object');
  if (status === 500) {
    const error = body as Record<string, unknown>;
    expect(Object.keys(error)).toEqual(['error', 'error_class', 'detail', 'path', 'status_code']);
    expect(DOCUMENTED_500).toContain(error.error);
    expect(error.path).toBe(path);
    return;
  }
  if (status === 400 && Array.isArray(body)) {
    // po-allocate's bare ["Invalid input."] (BEHAVIOUR.md 1.2 #4).
    expect(body).toEqual(['Invalid input.']);
    return;
  }
  if (status === 400) {
    // Field errors: lists of messages; view errors: strings; every leaf a string (no [object Object]).
    const leaves = JSON.stringify(body).match(/\[object Object\]/);
    expect(leaves).toBeNull();
    for (const value of Object.values(body as Record<string, unknown>)) {
      const ok =
        typeof value === 'string' ||
        (Array.isArray(value) && value.every((v) => typeof v === 'string')) ||
        (value !== null && typeof value === 'object');
      expect(ok).toBe(true);
    }
  }
}

async function send(sim: Simulation, spec: EndpointSpec, text: string, authorization: string) {
  const request = new Request(`${ORIGIN}${spec.path}`, {
    method: spec.method,
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: text,
  });
  const response = await dispatch(sim, routes, request);
  if (!response) throw new Error(`no route for ${spec.path}`);
  return response;
}

describe('hostile request bodies', () => {
  for (const spec of ENDPOINTS) {
    it(`${spec.method} ${spec.path} answers a documented status for any body`, async () => {
      const sim = createSimulation();
      // History storage on, so the scan logger's own crash paths are exercised too.
      setGlobalSetting(sim.store, 'BARCODE_STORE_RESULTS', true);
      const authorization = tokenFor(sim, 'admin');
      await fc.assert(
        fc.asyncProperty(rawBody, async (text) => {
          const response = await send(sim, spec, text, authorization);
          expect(spec.statuses).toContain(response.status);
          const body = response.body === undefined ? '' : JSON.parse(JSON.stringify(response.body));
          checkBody(response.status, body, spec.path);
        }),
        { numRuns: 400 },
      );
    });
  }
});
