/** GS1 retail-code arithmetic shared by the engines (normalising reads) and the strategy (plausibility). */

/** GS1 mod-10 check digit over all digits but the last. */
export function gs1CheckDigitOk(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

/** UPC-E (8 digits, number system 0/1) expanded to its 12-digit UPC-A form. */
export function expandUpcE(upce: string): string | null {
  if (!/^[01]\d{7}$/.test(upce)) return null;
  const ns = upce[0];
  const d = upce.slice(1, 7);
  const check = upce[7];
  // The pattern above fixes the length, so every digit read here exists.
  const last = d[5]!;
  let body: string;
  if (last <= '2') body = d.slice(0, 2) + last + '0000' + d.slice(2, 5);
  else if (last === '3') body = d.slice(0, 3) + '00000' + d.slice(3, 5);
  else if (last === '4') body = d.slice(0, 4) + '00000' + d[4];
  else body = d.slice(0, 5) + '0000' + last;
  return ns + body + check;
}

/**
 * A 12-digit UPC-A back to the 8 digits a UPC-E label prints (GS1 zero-suppression rules, in
 * their order of precedence); null when the number has no UPC-E form.
 */
export function compressUpcA(upca: string): string | null {
  if (!/^[01]\d{11}$/.test(upca)) return null;
  const ns = upca[0];
  const m = upca.slice(1, 6);
  const p = upca.slice(6, 11);
  const check = upca[11];
  let d: string | null = null;
  // The pattern above fixes the length, so every digit read here exists.
  if (m[2]! <= '2' && m.slice(3) === '00' && p.slice(0, 2) === '00') d = m.slice(0, 2) + p.slice(2) + m[2];
  else if (m.slice(3) === '00' && p.slice(0, 3) === '000') d = m.slice(0, 3) + p.slice(3) + '3';
  else if (m[4] === '0' && p.slice(0, 4) === '0000') d = m.slice(0, 4) + p[4] + '4';
  else if (p.slice(0, 4) === '0000' && p[4]! >= '5') d = m + p[4];
  return d === null ? null : ns + d + check;
}

/**
 * A UPC-E read as printed (8 digits). ZXing-C++ reports the expanded UPC-A with a leading 0
 * (13 digits) and the printed form separately (`printed`, from its `extra` field); ZXing JS
 * reports the 8 digits. Null when the text is no UPC-E at all.
 */
export function printedUpcE(text: string, printed?: string | null): string | null {
  const expanded = /^0[01]\d{11}$/.test(text) ? text.slice(1) : /^[01]\d{11}$/.test(text) ? text : null;
  if (/^[01]\d{7}$/.test(text)) return text;
  if (expanded === null) return null;
  if (printed && expandUpcE(printed) === expanded) return printed;
  return compressUpcA(expanded);
}
