// Python's json.loads (strict mode), as DRF's JSONParser uses it: the same accepted inputs (NaN,
// Infinity, -Infinity included) and the same error messages, which DRF returns as
// `{"detail": "JSON parse error - <message>: line L column C (char N)"}`.

export type PyJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

class DecodeError extends Error {
  constructor(
    readonly msg: string,
    readonly pos: number,
  ) {
    super(msg);
  }
}

const NUMBER = /^(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/;

/** Parses like json.loads; positions are counted in code points, as Python indexes str. */
export function pyJsonLoads(text: string): PyJsonResult {
  const s = Array.from(text);
  let i = 0;
  const skip = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i]!)) i++;
  };
  const value = (): unknown => {
    const ch = s[i];
    if (ch === '"') return string();
    if (ch === '{') return object();
    if (ch === '[') return array();
    const rest = s.slice(i, i + 9).join('');
    for (const [word, result] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ] as const) {
      if (rest.startsWith(word)) {
        i += word.length;
        return result;
      }
    }
    const match = NUMBER.exec(s.slice(i, i + 400).join(''));
    if (match) {
      i += match[0].length;
      return Number(match[0]);
    }
    throw new DecodeError('Expecting value', i);
  };
  const string = (): string => {
    const start = i;
    i++;
    let out = '';
    for (;;) {
      if (i >= s.length) throw new DecodeError('Unterminated string starting at', start);
      const ch = s[i]!;
      if (ch === '"') {
        i++;
        return out;
      }
      if (ch === '\\') {
        const esc = s[i + 1];
        if (esc === undefined) throw new DecodeError('Unterminated string starting at', start);
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (esc in simple) {
          out += simple[esc];
          i += 2;
          continue;
        }
        if (esc === 'u') {
          const hex = s.slice(i + 2, i + 6).join('');
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new DecodeError('Invalid \\uXXXX escape', i + 1);
          out += String.fromCharCode(Number.parseInt(hex, 16));
          i += 6;
          continue;
        }
        throw new DecodeError(`Invalid \\escape: '${esc}'`, i);
      }
      if (ch.charCodeAt(0) < 0x20) throw new DecodeError('Invalid control character at', i);
      out += ch;
      i++;
    }
  };
  const object = (): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    skip();
    if (s[i] === '}') {
      i++;
      return out;
    }
    for (;;) {
      if (s[i] !== '"') throw new DecodeError('Expecting property name enclosed in double quotes', i);
      const key = string();
      skip();
      if (s[i] !== ':') throw new DecodeError("Expecting ':' delimiter", i);
      i++;
      skip();
      out[key] = value();
      skip();
      if (s[i] === '}') {
        i++;
        return out;
      }
      if (s[i] !== ',') throw new DecodeError("Expecting ',' delimiter", i);
      i++;
      skip();
    }
  };
  const array = (): unknown[] => {
    i++;
    const out: unknown[] = [];
    skip();
    if (s[i] === ']') {
      i++;
      return out;
    }
    for (;;) {
      out.push(value());
      skip();
      if (s[i] === ']') {
        i++;
        return out;
      }
      if (s[i] !== ',') throw new DecodeError("Expecting ',' delimiter", i);
      i++;
      skip();
    }
  };

  try {
    skip();
    const result = value();
    skip();
    if (i !== s.length) throw new DecodeError('Extra data', i);
    return { ok: true, value: result };
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const before = s.slice(0, error.pos);
    const line = before.filter((c) => c === '\n').length + 1;
    const lastNewline = before.lastIndexOf('\n');
    const column = error.pos - lastNewline;
    return { ok: false, message: `${error.msg}: line ${line} column ${column} (char ${error.pos})` };
  }
}
