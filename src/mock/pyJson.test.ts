// Python json.loads acceptance and error messages (checked against CPython 3.11).
import { describe, expect, it } from 'vitest';
import { pyJsonLoads } from './pyJson';

describe('pyJsonLoads', () => {
  it('parses what Python parses, NaN and Infinity included', () => {
    expect(pyJsonLoads(' {"a": [1, 2.5, "x\\u00e4"], "b": null} ')).toEqual({
      ok: true,
      value: { a: [1, 2.5, 'xä'], b: null },
    });
    const special = pyJsonLoads('[NaN, Infinity, -Infinity]');
    expect(special.ok && (special.value as number[]).map(String)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });

  it.each([
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['{"a": 1}x', 'Extra data: line 1 column 9 (char 8)'],
    ['"a\u0001"', 'Invalid control character at: line 1 column 3 (char 2)'],
    ['\n\n  x', 'Expecting value: line 3 column 3 (char 4)'],
    ['{"a": 01}', "Expecting ',' delimiter: line 1 column 8 (char 7)"],
  ])('%j → %s', (text, message) => {
    expect(pyJsonLoads(text)).toEqual({ ok: false, message });
  });
});
