import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  cleanServerText,
  extractErrorDetails,
  extractFieldErrors,
  mapErrorBody,
  type MappedError,
} from './errorMapping.ts';
import { loadTranscripts, transcript } from './testing/transcripts.ts';

/** What a user must never see in an error message. */
function assertReadable(m: MappedError) {
  expect(m.message.trim().length).toBeGreaterThan(0);
  expect(m.message).not.toContain('[object Object]');
  expect(m.message).not.toContain('ErrorDetail(');
  expect(m.message).not.toMatch(/\{\s*"/);
  expect(m.message).not.toMatch(/"\s*:\s*[[{"]/);
  expect(m.message).not.toContain('<html');
  expect(m.message.length).toBeLessThanOrEqual(400);
}

function mapTranscript(prefix: string): MappedError {
  const t = transcript(prefix);
  return mapErrorBody(t.response.status, t.response.body, { method: t.request.method, path: t.request.path });
}

describe('every error answer recorded from a real v291 server', () => {
  const errors = loadTranscripts().filter((t) => t.response.status >= 400);
  it('covers the recorded error transcripts', () => {
    expect(errors.length).toBeGreaterThan(40);
  });
  for (const t of errors) {
    it(`${t.file} → a readable sentence`, () => {
      const m = mapErrorBody(t.response.status, t.response.body, { method: t.request.method, path: t.request.path });
      assertReadable(m);
    });
  }
});

describe('400 answers', () => {
  it('DRF field errors keep the field and the message', () => {
    const m = mapTranscript('021-');
    expect(m.message).toBe('Barcode: This field is required.');
    expect(m.fieldErrors).toEqual({ barcode: ['This field is required.'] });
  });

  it('several field errors are all listed', () => {
    const m = mapTranscript('038-');
    expect(m.message).toBe('Model: This field is required. Object id: This field is required.');
    expect(Object.keys(m.fieldErrors)).toEqual(['model', 'pk']);
  });

  it('a non-pending order names the field in words', () => {
    expect(mapTranscript('074-').message).toBe('Purchase order: Purchase order is not pending');
  });

  it('a stringified no-match dict gives the error, not the data', () => {
    const m = mapTranscript('019-');
    expect(m.message).toBe('No match found for this barcode.');
    expect(m.message).not.toContain('UNKNOWN-BARCODE');
    expect(m.message).not.toContain('None');
    expect(m.fieldErrors).toEqual({});
    expect(m.nextStep).toMatch(/Link the barcode/);
  });

  it('link to an already used barcode says which object has it (pk arrives as a string)', () => {
    expect(mapTranscript('050-').message).toBe('This barcode is already assigned to stock item 231.');
    expect(mapTranscript('051-').message).toBe('This barcode is already assigned to part 69.');
  });

  it('the Python repr of an ErrorDetail list is unwrapped', () => {
    expect(mapTranscript('129-').message).toBe('This stock item’s part is not on the sales order.');
    expect(mapTranscript('131-').message).toBe('The chosen shipment belongs to another sales order.');
  });

  it('po-allocate’s bare ["Invalid input."] gets its real meaning', () => {
    const m = mapTranscript('071-');
    expect(m.message).toBe('This barcode does not identify a supplier part of this purchase order’s supplier.');
  });

  it('["Invalid input."] elsewhere is passed on as is', () => {
    expect(mapErrorBody(400, ['Invalid input.'], { path: '/api/other/' }).message).toBe('Invalid input.');
  });

  it('po-receive errors are worded for the person at the dock', () => {
    expect(mapTranscript('116-').message).toMatch(/already been received/);
    expect(mapTranscript('119-').message).toMatch(/not a supplier label/);
    expect(mapTranscript('115-').message).toBe(
      'This label is from a different supplier than the chosen purchase order.',
    );
  });

  it('missing-data messages with Python list reprs are replaced by a plain request', () => {
    expect(mapTranscript('054-').message).toBe(
      'Choose what to link the barcode to (a part, stock item, location or order).',
    );
    expect(mapTranscript('063-').message).toBe('Choose the item to unlink the barcode from.');
    expect(mapTranscript('064-').message).toBe('Choose only one item at a time.');
  });

  it('bulk delete errors given as a bare string (not a list) still read well', () => {
    expect(mapErrorBody(400, { non_field_errors: 'No items found to delete' }).message).toBe(
      'No items found to delete',
    );
    expect(
      mapErrorBody(400, { non_field_errors: ['List of items or filters must be provided for bulk deletion'] }).message,
    ).toBe('List of items or filters must be provided for bulk deletion');
  });

  it('nested list-of-dict field errors (PO receive items) are flattened with positions', () => {
    const m = mapErrorBody(400, { items: [{}, { quantity: ['A valid number is required.'] }] });
    expect(m.message).toBe('Items › #2 › Quantity: A valid number is required.');
    expect(m.fieldErrors).toEqual({ 'items.1.quantity': ['A valid number is required.'] });
  });

  it('history-style stringified validation failure is unwrapped with its field', () => {
    const m = mapErrorBody(400, {
      error: "{'barcode': [ErrorDetail(string='This field may not be blank.', code='blank')]}",
    });
    expect(m.message).toBe('Barcode: This field may not be blank.');
  });
});

describe('401 answers', () => {
  it('no credentials → not signed in', () => {
    const m = mapTranscript('026-');
    expect(m.authProblem).toBe('missing');
    expect(m.message).toBe('You are not signed in.');
  });
  it('invalid token, expired token and revoked token are told apart', () => {
    expect(mapErrorBody(401, { detail: 'Invalid token.' }).authProblem).toBe('invalid');
    expect(mapErrorBody(401, { detail: 'Token has expired' }).authProblem).toBe('expired');
    expect(mapErrorBody(401, { detail: 'Token has expired' }).message).toBe('Your sign-in has expired.');
    expect(mapErrorBody(401, { detail: 'Token has been revoked' }).authProblem).toBe('revoked');
  });
  it('a 401 on the basic-auth login call means wrong password', () => {
    const m = mapErrorBody(
      401,
      { detail: 'Invalid username/password.' },
      { usedBasicAuth: true, path: '/api/user/token/' },
    );
    expect(m.authProblem).toBe('wrong-password');
    expect(m.message).toBe('Wrong username or password.');
  });
});

describe('403 answers', () => {
  it('link without the change right names the model and the role', () => {
    const m = mapTranscript('058-');
    expect(m.message).toBe('You do not have permission to change stock items.');
    expect(m.missingRole).toBe('stock');
    expect(m.nextStep).toContain('“Stock items”');
  });
  it('history delete by a non-staff user says only staff may', () => {
    expect(mapTranscript('160-').message).toBe('Only staff users may delete scan history.');
  });
  it('a CSRF failure is explained', () => {
    expect(mapErrorBody(403, { detail: 'CSRF Failed: CSRF token missing.' }).message).toMatch(/CSRF token/);
  });
});

describe('404, 405 and 500 answers', () => {
  it('404 names the object from the path', () => {
    expect(mapErrorBody(404, { detail: 'Not found.' }, { path: '/api/stock/231/' }).message).toBe(
      'Not found: stock item 231 does not exist on the server.',
    );
    expect(mapTranscript('158-').message).toBe('Not found: that scan history entry does not exist on the server.');
  });
  it('InvenTree’s catch-all 404 for an unknown endpoint says the server lacks it', () => {
    const m = mapErrorBody(
      404,
      { detail: 'API endpoint not found', url: 'http://inv.test/api/barcode/nope/' },
      { path: '/api/barcode/nope/' },
    );
    expect(m.message).toBe('This InvenTree server has no “/api/barcode/nope/” endpoint.');
  });
  it('429 asks to wait', () => {
    expect(mapErrorBody(429, { detail: 'Request was throttled. Expected available in 3 seconds.' }).message).toBe(
      'The server is receiving too many requests right now (429 Too Many Requests).',
    );
  });
  it('405 says the method is not allowed and hints at the version', () => {
    const m = mapTranscript('028-');
    expect(m.message).toBe('The server does not allow GET on /api/barcode/.');
    expect(m.nextStep).toMatch(/version/);
  });
  it('v291 crash body (DEBUG on) shows the exception class and text', () => {
    const m = mapTranscript('154-');
    expect(m.message).toBe(
      "The InvenTree server failed with an internal error (FieldError: Cannot resolve keyword 'plugin' into field. Choices are: context, data, endpoint, id, response, result, timestamp, user, user_id).",
    );
    expect(m.nextStep).toMatch(/server-side bug/);
  });
  it('v291 crash body (DEBUG off) points at the admin panel', () => {
    const m = mapErrorBody(500, {
      error: 'TypeError',
      error_class: "<class 'TypeError'>",
      detail: 'Error details can be found in the admin panel',
      path: '/api/barcode/',
      status_code: 500,
    });
    expect(m.message).toBe('The InvenTree server failed with an internal error (TypeError).');
    expect(m.nextStep).toMatch(/admin panel/);
  });
  it('502/503/504 say the server is temporarily unavailable', () => {
    expect(mapErrorBody(503, '').message).toBe('The server is not available right now (503 Service Unavailable).');
  });
});

describe('bodies that are not JSON', () => {
  it('an HTML error page is described, not shown', () => {
    const m = mapErrorBody(500, '<!DOCTYPE html><html><body><h1>Server Error (500)</h1></body></html>', {
      contentType: 'text/html',
    });
    assertReadable(m);
    expect(m.message).toBe('The InvenTree server failed with an internal error (500 Internal Server Error).');
  });
  it('an HTML 404 means the address is not InvenTree’s API', () => {
    const m = mapErrorBody(404, '<html><body>Not Found</body></html>', { path: '/api/barcode/' });
    expect(m.message).toBe('The server has no “/api/barcode/” (404 Not Found, a web page).');
  });
  it('an HTML page on 200 is flagged as not InvenTree data', () => {
    expect(mapErrorBody(200, '<html><body>Login</body></html>').message).toBe(
      'The server answered with a web page where InvenTree data was expected.',
    );
  });
  it('an empty body says so', () => {
    expect(mapErrorBody(400, '').message).toBe('The server answered 400 Bad Request with an empty answer.');
    expect(mapErrorBody(400, null).message).toBe('The server answered 400 Bad Request with an empty answer.');
  });
});

describe('cleanServerText', () => {
  it('extracts ErrorDetail strings with either quote style and escapes', () => {
    expect(extractErrorDetails(`[ErrorDetail(string="Can't allocate", code='invalid')]`)).toEqual(["Can't allocate"]);
    expect(extractErrorDetails(`[ErrorDetail(string='It\\'s gone', code='invalid')]`)).toEqual(["It's gone"]);
    expect(cleanServerText("['Invalid input.']")).toBe('Invalid input.');
  });
  it('turns a JSON document inside a string into sentences', () => {
    expect(cleanServerText('{"quantity": ["Must be positive"]}')).toBe('Quantity: Must be positive');
  });
  it('drops Python data reprs and "None"', () => {
    expect(cleanServerText("{'pk': 522, 'api_url': '/api/stock/522/'}")).toBe('');
    expect(cleanServerText('None')).toBe('');
  });
  it('keeps a supplier barcode’s leading "[)>" (not JSON) and makes control characters spaces', () => {
    expect(cleanServerText('[)>\u001e06\u001dPABC')).toBe('[)> 06 PABC');
  });
});

describe('extractFieldErrors', () => {
  it('ignores stringified response dicts', () => {
    expect(extractFieldErrors(transcript('128-').response.body)).toEqual({});
  });
  it('renames __all__ to non_field_errors', () => {
    expect(extractFieldErrors({ __all__: ['Existing barcode found'] })).toEqual({
      non_field_errors: ['Existing barcode found'],
    });
  });
});

describe('property: hostile bodies always give a readable sentence', () => {
  const statuses = fc.constantFrom(200, 400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503, 504);
  // Leaves without braces/quotes so "no raw JSON" is decidable; the separate run below uses anything.
  const safeString = fc.string({ unit: fc.constantFrom(...'abcXYZ 019.,:;!?-_()\u0000\u001d\u202e😀<>/'.split('')) });
  const safeJson = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      safeString,
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(
        fc.constantFrom(
          'error',
          'detail',
          'barcode',
          'non_field_errors',
          'pk',
          'plugin',
          'stockitem',
          'items',
          'x',
          '__all__',
          '__proto__',
          'constructor',
          'valueOf',
        ),
        tie('value'),
        { maxKeys: 5 },
      ),
    ),
  })).value;

  it('never shows raw JSON, reprs or [object Object]', () => {
    fc.assert(
      fc.property(
        statuses,
        safeJson,
        fc.constantFrom('/api/barcode/', '/api/barcode/po-allocate/', '/api/stock/5/', '/api/user/token/'),
        (status, body, path) => {
          const m = mapErrorBody(status, body, { method: 'POST', path });
          assertReadable(m);
          if (body !== null && typeof body === 'object' && JSON.stringify(body).length > 2) {
            expect(m.message).not.toBe(JSON.stringify(body));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('any JSON value or text at all still gives a bounded, non-empty message without [object Object]', () => {
    fc.assert(
      fc.property(
        statuses,
        fc.oneof(fc.jsonValue(), fc.string(), fc.constant('<html><script>alert(1)</script></html>')),
        (status, body) => {
          const m = mapErrorBody(status, body, {});
          expect(m.message.trim().length).toBeGreaterThan(0);
          expect(m.message.length).toBeLessThanOrEqual(400);
          expect(m.message).not.toContain('[object Object]');
          expect(m.message).not.toContain('<script');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('Python reprs with any message text are unwrapped to that text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abc XYZ019.,!?-'.split('')) }).filter((s) => s.trim().length > 0),
        (text) => {
          const m = mapErrorBody(400, { error: `[ErrorDetail(string='${text}', code='invalid')]` });
          expect(m.message).not.toContain('ErrorDetail');
          expect(m.message.replace(/\.$/, '')).toContain(text.trim().replace(/\s+/g, ' ').replace(/\.$/, ''));
        },
      ),
      { numRuns: 300 },
    );
  });
});
