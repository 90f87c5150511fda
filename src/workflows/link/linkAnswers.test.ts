import { describe, expect, it } from 'vitest';
import { errorText, fieldErrors, findMatch, forbiddenText, isInternalBarcode } from './linkAnswers.ts';

describe('link answers', () => {
  it('finds the match in a 200 scan answer and in a stringified 400 answer', () => {
    expect(
      findMatch({ part: { pk: 69, api_url: '/api/part/69/', web_url: '/part/69/' }, plugin: 'InvenTreeBarcode' }),
    ).toEqual({
      model: 'part',
      pk: 69,
      apiUrl: '/api/part/69/',
      webUrl: '/part/69/',
    });
    expect(findMatch({ manufacturerpart: { pk: '197', api_url: '/api/company/part/manufacturer/197/' } })).toEqual({
      model: 'manufacturerpart',
      pk: 197,
      apiUrl: '/api/company/part/manufacturer/197/',
      webUrl: null,
    });
    // The link success body holds only {pk}; "part" in so-allocate answers is a plain number.
    expect(findMatch({ part: 108 })).toBeNull();
    expect(findMatch(['Invalid input.'])).toBeNull();
  });

  it('reads field errors, error and detail texts', () => {
    expect(fieldErrors({ model: ['This field is required.'], pk: ['This field is required.'] })).toEqual({
      model: ['This field is required.'],
      pk: ['This field is required.'],
    });
    expect(fieldErrors({ non_field_errors: 'Invalid items list provided' })).toEqual({
      non_field_errors: ['Invalid items list provided'],
    });
    expect(errorText({ error: 'Model instance not found' })).toBe('Model instance not found');
    expect(errorText({ detail: 'Invalid token.' })).toBe('Invalid token.');
    expect(errorText({ pk: ['A valid integer is required.'] })).toBe('pk: A valid integer is required.');
    expect(errorText(['Invalid input.'])).toBe('Invalid input.');
    expect(errorText(null)).toBeNull();
  });

  it('explains a 403 for every barcode table, and unknown ones plainly', () => {
    expect(forbiddenText({ error: 'You do not have the required permissions for part_part' })).toContain(
      'change parts (part_part)',
    );
    expect(forbiddenText({ error: 'You do not have the required permissions for stock_stocklocation' })).toContain(
      'stock locations',
    );
    expect(forbiddenText({ detail: 'CSRF Failed: token missing' })).toBe(
      'You do not have permission to do this. CSRF Failed: token missing',
    );
  });

  it('tells InvenTree barcodes from custom ones', () => {
    expect(isInternalBarcode('{"stockitem": 231}')).toBe(true);
    expect(isInternalBarcode('INV-SI231')).toBe(true);
    expect(isInternalBarcode(' INV-PA69 ')).toBe(true);
    expect(isInternalBarcode('INV-ZZ1')).toBe(false);
    expect(isInternalBarcode('{"blbla": 10007}')).toBe(false);
    expect(isInternalBarcode('{not json')).toBe(false);
    expect(isInternalBarcode('CUSTOM-BARCODE-0001')).toBe(false);
  });
});
