/**
 * Barcode text made visible and inert for display. Labels carry control characters (GS, RS, EOT in
 * supplier labels), and hostile ones carry right-to-left overrides, zero-width characters or NUL,
 * which would otherwise be invisible or reorder the text around them. Each such character is shown
 * as a symbol: C0 controls as Unicode control pictures (␝ ␞ ␄ ␀ …), everything else invisible as
 * `\u{200F}`. The original text is never changed; this is for display only. React renders the
 * result as text, never as HTML.
 */

export interface VisibleSegment {
  /** What to show. */
  text: string;
  /** 'control': a stand-in for an invisible character (style it apart); 'text': shown as is. */
  kind: 'text' | 'control';
  /** For control segments: the character's name, for a tooltip or screen reader. */
  name?: string;
}

const C0_NAMES = [
  'NUL',
  'SOH',
  'STX',
  'ETX',
  'EOT',
  'ENQ',
  'ACK',
  'BEL',
  'BS',
  'TAB',
  'LF',
  'VT',
  'FF',
  'CR',
  'SO',
  'SI',
  'DLE',
  'DC1',
  'DC2',
  'DC3',
  'DC4',
  'NAK',
  'SYN',
  'ETB',
  'CAN',
  'EM',
  'SUB',
  'ESC',
  'FS',
  'GS',
  'RS',
  'US',
];

const LONG_NAMES: Record<number, string> = {
  0x04: 'end of transmission',
  0x1c: 'file separator',
  0x1d: 'group separator',
  0x1e: 'record separator',
  0x1f: 'unit separator',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x061c: 'Arabic letter mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0xfeff: 'byte order mark',
  0x00ad: 'soft hyphen',
  0x00a0: 'no-break space',
};

const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const EMOJI = /\p{Emoji}/u;
const EMOJI_MODIFIER = /\p{Emoji_Modifier}/u;

function hex(cp: number): string {
  return cp.toString(16).toUpperCase();
}

function isNonCharacter(cp: number): boolean {
  return (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
}

/** Code point name for a tooltip: "GS (group separator), U+001D". */
export function controlName(cp: number): string {
  const short = cp < 0x20 ? C0_NAMES[cp] : cp === 0x7f ? 'DEL' : undefined;
  const long = LONG_NAMES[cp];
  const code = `U+${hex(cp).padStart(4, '0')}`;
  if (short && long) return `${short} (${long}), ${code}`;
  if (short) return `${short}, ${code}`;
  if (long) return `${long}, ${code}`;
  return code;
}

/** The stand-in shown for one invisible character. */
export function controlSymbol(cp: number): string {
  if (cp < 0x20) return String.fromCodePoint(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return `\\u{${hex(cp)}}`;
}

/**
 * Emoji sequences use a zero-width joiner and variation selectors legitimately (👩‍🔧, ❤️);
 * keep those inside an emoji so emoji stay readable, and show them everywhere else.
 */
function partOfEmoji(chars: string[], i: number): boolean {
  const cp = chars[i]?.codePointAt(0) ?? 0;
  const prev = chars[i - 1] ?? '';
  if (cp === 0xfe0f || cp === 0xfe0e) return prev !== '' && EMOJI.test(prev);
  if (cp === 0x200d) {
    let j = i - 1;
    while (j >= 0 && (chars[j] === '\ufe0f' || EMOJI_MODIFIER.test(chars[j]!))) j--;
    const before = chars[j] ?? '';
    const after = chars[i + 1] ?? '';
    return PICTOGRAPHIC.test(before) && PICTOGRAPHIC.test(after);
  }
  return false;
}

function isHidden(ch: string, cp: number): boolean {
  return HIDDEN.test(ch) || isNonCharacter(cp);
}

/** Split text into plain runs and stand-ins for invisible characters. */
export function visibleSegments(text: string): VisibleSegment[] {
  // for…of / spread walk code points, so a lone surrogate shows up on its own and is escaped.
  const chars = [...text];
  const out: VisibleSegment[] = [];
  let plain = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cp = ch.codePointAt(0) ?? 0;
    if (isHidden(ch, cp) && !partOfEmoji(chars, i)) {
      if (plain) out.push({ text: plain, kind: 'text' });
      plain = '';
      out.push({ text: controlSymbol(cp), kind: 'control', name: controlName(cp) });
    } else {
      plain += ch;
    }
  }
  if (plain) out.push({ text: plain, kind: 'text' });
  return out;
}

/** The whole text with invisible characters replaced by visible stand-ins. */
export function visibleText(text: string): string {
  return visibleSegments(text)
    .map((s) => s.text)
    .join('');
}

/** True when the text holds anything visibleText() would replace. */
export function hasHiddenCharacters(text: string): boolean {
  return visibleSegments(text).some((s) => s.kind === 'control');
}
