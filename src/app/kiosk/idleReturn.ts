/**
 * The kiosk's idle rule as pure logic over times, so it is tested without waiting: after
 * `idleSeconds` with no touch, key or scan, go back to the home page, unless already there.
 */
import type { KioskSettings } from './kioskSettings.ts';

/** Same page and same query (query order ignored): "/scan" is home "/scan", "/scan?x=1" is not. */
export function atHome(current: string, home: string): boolean {
  const a = new URL(current, 'http://app.invalid');
  const b = new URL(home, 'http://app.invalid');
  if (a.pathname !== b.pathname) return false;
  const norm = (u: URL) =>
    [...u.searchParams.entries()]
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
  return norm(a) === norm(b);
}

export class IdleClock {
  private last: number;

  constructor(now: number) {
    this.last = now;
  }

  /** A touch, key press or scan. */
  activity(now: number): void {
    if (now > this.last) this.last = now;
  }

  /** When the idle time runs out (ms, same clock as `now`). */
  deadline(settings: KioskSettings): number {
    return this.last + settings.idleSeconds * 1000;
  }

  /**
   * Where to go now, or null: only in kiosk mode, only once the idle time has passed, never when
   * already home. After a return the clock restarts, so the next check waits a full period.
   */
  check(now: number, settings: KioskSettings, current: string): string | null {
    if (!settings.enabled || now < this.deadline(settings)) return null;
    this.last = now;
    return atHome(current, settings.home) ? null : settings.home;
  }
}
