/**
 * The one parser of Python reprs in the app. InvenTree v291 often hands over Python's `str()` of a
 * value instead of JSON: error texts (errors/serverText.ts) and scan history's stored `context` and
 * `response` (the History page), e.g.:
 *   "{'pk': 231, 'api_url': '/api/stock/231/', 'web_url': '/stock/item/231/'}"
 *   "{'barcode': [ErrorDetail(string='This field may not be blank.', code='blank')]}"
 * This parses Python literals (dict, list, tuple, str, int, float, True/False/None, ErrorDetail)
 * into plain values, so they can be shown as structured data or as their messages.
 */

/** The text of a Python string literal (without its quotes) with its escapes decoded. */
export function unescapePythonString(body: string): string {
  return body.replace(/\\(U[0-9a-fA-F]{8}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    if (e === 'r') return '\r';
    const code = parseInt(e.slice(1), 16);
    if (e.length > 1) return code <= 0x10ffff ? String.fromCodePoint(code) : e;
    return e;
  });
}

export type PyValue = string | number | boolean | null | PyValue[] | { [key: string]: PyValue };

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): PyValue {
    const v = this.value();
    this.ws();
    if (this.i !== this.s.length) throw new Error('trailing text');
    return v;
  }

  private ws() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  private value(): PyValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.dict();
    if (c === '[') return this.seq('[', ']');
    if (c === '(') return this.seq('(', ')');
    if (c === "'" || c === '"') return this.str();
    if (this.s.startsWith('ErrorDetail(', this.i)) return this.errorDetail();
    for (const [word, v] of [
      ['True', true],
      ['False', false],
      ['None', null],
    ] as const) {
      if (this.s.startsWith(word, this.i) && !/\w/.test(this.s[this.i + word.length] ?? '')) {
        this.i += word.length;
        return v;
      }
    }
    // Decimal('10.5') keeps its digits as text.
    if (this.s.startsWith('Decimal(', this.i)) {
      this.i += 'Decimal('.length;
      const inner = this.value();
      this.expect(')');
      return inner;
    }
    const num = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(this.s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    throw new Error(`unexpected ${c ?? 'end'}`);
  }

  private expect(ch: string) {
    this.ws();
    if (this.s[this.i] !== ch) throw new Error(`expected ${ch}`);
    this.i++;
  }

  private dict(): { [key: string]: PyValue } {
    this.expect('{');
    const out: { [key: string]: PyValue } = {};
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      const key = this.value();
      this.expect(':');
      const v = this.value();
      Object.defineProperty(out, String(key), { value: v, enumerable: true, writable: true, configurable: true });
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === '}') {
          this.i++;
          return out;
        }
        continue;
      }
      this.expect('}');
      return out;
    }
  }

  private seq(open: string, close: string): PyValue[] {
    this.expect(open);
    const out: PyValue[] = [];
    this.ws();
    if (this.s[this.i] === close) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        this.ws();
        if (this.s[this.i] === close) {
          this.i++;
          return out;
        }
        continue;
      }
      this.expect(close);
      return out;
    }
  }

  private str(): string {
    const q = this.s[this.i++];
    const start = this.i;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '\\') {
        this.i += 2;
        continue;
      }
      if (c === q) return unescapePythonString(this.s.slice(start, this.i++));
      this.i++;
    }
    throw new Error('unterminated string');
  }

  /** ErrorDetail(string='…', code='…') → its message: what the user needs to read. */
  private errorDetail(): string {
    this.i += 'ErrorDetail('.length;
    let message = '';
    for (;;) {
      this.ws();
      const name = /^\w+/.exec(this.s.slice(this.i));
      if (!name) throw new Error('bad ErrorDetail');
      this.i += name[0].length;
      this.expect('=');
      const v = this.value();
      if (name[0] === 'string') message = String(v);
      this.ws();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect(')');
      return message;
    }
  }
}

/** The value of a Python literal repr, or undefined when the text is not one. */
export function parsePythonRepr(text: string): PyValue | undefined {
  const t = text.trim();
  if (!t) return undefined;
  try {
    return new Parser(t).parse();
  } catch {
    return undefined;
  }
}
