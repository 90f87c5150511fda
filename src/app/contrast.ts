/**
 * WCAG contrast arithmetic for the theme: Mantine's stock shades put white text on blue-6 (3.6:1),
 * green-9 on green-1 (3.8:1) and gray-6 "dimmed" text on white (3.3:1), all below the 4.5:1 that
 * normal-size text needs. The theme derives readable variants from the palette with these.
 */

export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG 2 relative luminance. */
export function luminance(hex: string): number {
  const linear = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = parseHex(hex);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  const hi = Math.max(la, lb);
  const lo = Math.min(la, lb);
  return (hi + 0.05) / (lo + 0.05);
}

/** Mix a colour toward black (amount 0 = unchanged, 1 = black). */
export function darken(hex: string, amount: number): string {
  return toHex(parseHex(hex).map((v) => v * (1 - amount)) as Rgb);
}

/** Mix a colour toward white (amount 0 = unchanged, 1 = white). */
export function lighten(hex: string, amount: number): string {
  return toHex(parseHex(hex).map((v) => v + (255 - v) * amount) as Rgb);
}

/**
 * The colour itself if it already reaches `min` contrast against every background, else the
 * least darkened (or lightened, `towards: 'white'`) version of it that does. Keeps the hue, so a
 * green badge stays green, just deeper.
 */
export function readable(fg: string, backgrounds: string[], min = 4.5, towards: 'black' | 'white' = 'black'): string {
  const ok = (c: string) => backgrounds.every((bg) => contrastRatio(c, bg) >= min);
  if (ok(fg)) return fg;
  for (let step = 1; step <= 100; step++) {
    const c = towards === 'black' ? darken(fg, step / 100) : lighten(fg, step / 100);
    if (ok(c)) return c;
  }
  return towards === 'black' ? '#000000' : '#ffffff';
}
