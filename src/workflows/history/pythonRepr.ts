/**
 * Readable history `context` and `response`. v291 stores every top-level value with Python's
 * `str()`, so nested answers arrive as Python reprs:
 *   "{'pk': 231, 'api_url': '/api/stock/231/', 'web_url': '/stock/item/231/'}"
 *   "{'barcode': [ErrorDetail(string='This field may not be blank.', code='blank')]}"
 * This parses Python literals (dict, list, tuple, str, int, float, True/False/None, ErrorDetail)
 * into plain values, so the drawer can show them as structured data instead of one long string.
 */

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
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private value(): PyValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.dict();
    if (c === '[') return this.seq('[', ']');
    if (c === '(') return this.seq('(', ')');
    if (c === "'" || c === '"') return this.str();
    if (this.s.startsWith('ErrorDetail(', this.i)) return this.errorDetail();
    for (const [word, v] of [['True', true], ['False', false], ['None', null]] as const) {
      if (this.s.startsWith(word, this.i) && !/\w/.test(this.s[this.i + word.length] ?? '')) {
        this.i += word.length;
        return v;
      }
    }
    // Decimal('10.5') keeps its digits as text.
    if (this.s.startsWith("Decimal(", this.i)) {
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
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i++];
      if (c === q) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.s[this.i++];
      if (e === 'n') out += '\n';
      else if (e === 't') out += '\t';
      else if (e === 'r') out += '\r';
      else if (e === 'x') {
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 2), 16));
        this.i += 2;
      } else if (e === 'u') {
        out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
        this.i += 4;
      } else if (e === 'U') {
        out += String.fromCodePoint(parseInt(this.s.slice(this.i, this.i + 8), 16));
        this.i += 8;
      } else out += e ?? '';
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

/**
 * One stored value made readable: a repr of a dict or list becomes that structure; "None" becomes
 * null; other strings (barcode data, numbers as text, messages) stay exactly as stored.
 */
export function readableValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (value === 'None') return null;
  const t = value.trim();
  // Python reprs quote with ' (JSON barcode data such as {"part": 69} has none, and stays text).
  if ((/^[[{(]/.test(t) && t.includes("'")) || t.startsWith('ErrorDetail(')) {
    const parsed = parsePythonRepr(t);
    if (parsed !== undefined && typeof parsed === 'object') return parsed;
    if (typeof parsed === 'string' && t.startsWith('ErrorDetail(')) return parsed;
  }
  return value;
}

/** Keys holding the scanned data itself: shown exactly as stored, never reinterpreted. */
const RAW_KEYS = new Set(['barcode', 'barcode_data', 'barcode_hash', 'data']);

/** A stored `context` / `response` dict with each value made readable (see readableValue). */
export function readableRecord(record: unknown): unknown {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return record;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    const value = RAW_KEYS.has(k) ? v : readableValue(v);
    Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Pretty text for the drawer: JSON layout, with control characters escaped so they stay visible. */
export function prettyReadable(record: unknown): string {
  if (record === null || record === undefined) return '—';
  return JSON.stringify(readableRecord(record), null, 2) ?? '—';
}
