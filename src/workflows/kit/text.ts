/** Small words shared by every workflow's view. */

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A quantity as people write it: 10.0 → "10", 2.5 → "2.5" (at most five decimals). */
export function formatQuantity(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100000) / 100000);
}
