/**
 * Keeps the screen awake in kiosk mode with the Screen Wake Lock API. Browsers drop the lock
 * whenever the page is hidden, so it is asked for again each time the page becomes visible.
 * Where the API is missing or refuses (no secure context, battery saver), the state says so and
 * the app works on; the header shows it. Browser APIs are passed in, so this is tested in Node.
 */

export type WakeState = 'off' | 'awake' | 'released' | 'unsupported' | 'refused';

export interface WakeSentinel {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

export interface WakeLockDeps {
  /** navigator.wakeLock.request('screen'), or null where the API does not exist. */
  request: (() => Promise<WakeSentinel>) | null;
  visible(): boolean;
  onState(state: WakeState): void;
}

export class WakeLockKeeper {
  private sentinel: WakeSentinel | null = null;
  private wanted = false;
  private asking = false;

  constructor(private readonly deps: WakeLockDeps) {}

  /** Kiosk mode on: hold the lock while visible. */
  async enable(): Promise<void> {
    this.wanted = true;
    await this.acquire();
  }

  /** Kiosk mode off: let the screen sleep again. */
  async disable(): Promise<void> {
    this.wanted = false;
    const s = this.sentinel;
    this.sentinel = null;
    this.deps.onState('off');
    await s?.release().catch(() => undefined);
  }

  /** Call on visibilitychange. */
  async visibilityChanged(): Promise<void> {
    if (this.wanted && this.deps.visible() && !this.sentinel) await this.acquire();
  }

  private async acquire(): Promise<void> {
    if (!this.wanted || this.sentinel || this.asking) return;
    if (!this.deps.request) {
      this.deps.onState('unsupported');
      return;
    }
    if (!this.deps.visible()) return; // asked again when the page shows
    this.asking = true;
    try {
      const s = await this.deps.request();
      if (!this.wanted) {
        await s.release().catch(() => undefined);
        return;
      }
      this.sentinel = s;
      this.deps.onState('awake');
      s.addEventListener('release', () => {
        if (this.sentinel !== s) return;
        this.sentinel = null;
        if (this.wanted) this.deps.onState('released');
      });
    } catch {
      this.deps.onState('refused');
    } finally {
      this.asking = false;
    }
  }
}
