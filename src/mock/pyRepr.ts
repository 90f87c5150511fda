// Python's str()/repr() and DRF's error stringification, as InvenTree's responses and scan history
// expose them: `"plugin": "None"`, `"pk": "5"`, `"{'pk': 5, 'api_url': ...}"`,
// `"[ErrorDetail(string='...', code='invalid')]"`.

/** A Decimal value: rendered as a JSON float in 200 bodies, as its exact text by str(). */
export class PyDecimal {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

/** DRF's ErrorDetail: a message with a code; repr `ErrorDetail(string='...', code='...')`. */
export class ErrorDetail {
  constructor(
    readonly string: string,
    readonly code: string,
  ) {}
  toJSON(): string {
    return this.string;
  }
}

// Python's repr escapes non-printable characters: C* (control, format, unassigned...) and Z*
// other than the ASCII space.
const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

function escapeChar(ch: string): string {
  if (ch === ' ') return ch;
  if (ch === '\\') return '\\\\';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  if (ch === '\t') return '\\t';
  if (!NON_PRINTABLE.test(ch)) return ch;
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** repr() of a Python str. */
export function pyStringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of value) {
    if (ch === quote) out += `\\${ch}`;
    else out += escapeChar(ch);
  }
  return quote + out + quote;
}

/** repr() of a float as Python prints it (`10.0`, `0.25`, `1e+16`). */
function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const text = String(value);
  return text.replace(/e\+?(-?)(\d)$/, 'e$10$2').replace(/e(\d)/, 'e+$1');
}

/**
 * A JS number from a JSON body: integers are Python ints, others floats. (A value that the server
 * holds as a float but that happens to be whole must be passed as PyFloat.)
 */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** repr() of a JSON-like Python value. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (typeof value === 'string') return pyStringRepr(value);
  if (value instanceof PyDecimal) return `Decimal('${value.text}')`;
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (value instanceof ErrorDetail)
    return `ErrorDetail(string=${pyStringRepr(value.string)}, code=${pyStringRepr(value.code)})`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${pyStringRepr(k)}: ${pyRepr(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** str() of a JSON-like Python value (strings as they are, everything else as repr). */
export function pyStr(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof ErrorDetail) return value.string;
  if (value instanceof PyDecimal) return value.text;
  return pyRepr(value);
}

/**
 * DRF `ValidationError(detail=dict)`: every scalar leaf becomes a string, at any depth
 * (BEHAVIOUR.md 1.2 #2). Lists stay lists, dicts stay dicts.
 */
export function drfStringify(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(drfStringify);
  if (value instanceof ErrorDetail) return value.string;
  if (value !== null && typeof value === 'object' && !(value instanceof PyDecimal) && !(value instanceof PyFloat)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = drfStringify(v);
    return out;
  }
  return pyStr(value);
}

/** JSON-serialises a response body: PyDecimal/PyFloat become numbers, ErrorDetail its string. */
export function toJsonValue(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null));
}
