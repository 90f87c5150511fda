import { QRCodeVersion } from '@zxing/library';

/** A module whose value the QR standard fixes: 1 dark, 0 light; -1 data (unknown). */
export type Known = Int8Array;

export function dimensionOf(version: number): number {
  return 17 + 4 * version;
}

/**
 * The modules every QR symbol of `version` has in the same place: the three finders with their
 * light separators, the timing rows, the alignment patterns and the dark module. They anchor the
 * grid fit: they are right even where the data modules are still misread.
 */
export function knownModules(version: number): Known {
  const n = dimensionOf(version);
  const known = new Int8Array(n * n).fill(-1);
  const set = (x: number, y: number, dark: boolean) => {
    if (x >= 0 && y >= 0 && x < n && y < n) known[y * n + x] = dark ? 1 : 0;
  };
  // Finders (7×7) plus their one-module light separators.
  for (const [fx, fy] of [
    [0, 0],
    [n - 7, 0],
    [0, n - 7],
  ] as const)
    for (let dy = -1; dy <= 7; dy++)
      for (let dx = -1; dx <= 7; dx++) {
        const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
        set(fx + dx, fy + dy, ring !== 2 && ring !== 4);
      }
  for (let i = 8; i < n - 8; i++) {
    set(i, 6, i % 2 === 0);
    set(6, i, i % 2 === 0);
  }
  const centres = Array.from(QRCodeVersion.getVersionForNumber(version).getAlignmentPatternCenters());
  for (const cy of centres)
    for (const cx of centres) {
      // No alignment pattern where a finder is.
      if ((cx < 9 && cy < 9) || (cx > n - 10 && cy < 9) || (cx < 9 && cy > n - 10)) continue;
      for (let dy = -2; dy <= 2; dy++)
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  set(8, n - 8, true);
  return known;
}
