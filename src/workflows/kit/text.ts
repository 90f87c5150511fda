/** Small words shared by every workflow's view. */

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
