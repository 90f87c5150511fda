import { describe, expect, it } from 'vitest';
import { IdleClock, atHome } from './idleReturn.ts';
import { DEFAULT_KIOSK_SETTINGS, parseKioskSettings, validHome, type KioskSettings } from './kioskSettings.ts';
import { KIOSK_SETTINGS_KEY, kioskSettingsStore } from './useKioskSettings.ts';
import { WakeLockKeeper, type WakeSentinel, type WakeState } from './wakeLockKeeper.ts';

const PATHS = ['/scan', '/purchasing/receive', '/settings'];
const ON: KioskSettings = { enabled: true, home: '/purchasing/receive?order=3', idleSeconds: 30 };

describe('kiosk settings', () => {
  it('a home must be one of the app pages, query allowed', () => {
    expect(validHome('/purchasing/receive?order=3&location=7', PATHS)).toBe(true);
    expect(validHome('/scan', PATHS)).toBe(true);
    expect(validHome('/nowhere', PATHS)).toBe(false);
    expect(validHome('https://evil.example/scan', PATHS)).toBe(false);
    expect(validHome('//evil.example/scan', PATHS)).toBe(false);
    expect(validHome('/scan#x', PATHS)).toBe(false);
  });

  it('parses what is stored, falling back per field', () => {
    expect(parseKioskSettings(null, PATHS)).toEqual(DEFAULT_KIOSK_SETTINGS);
    expect(parseKioskSettings('not json', PATHS)).toEqual(DEFAULT_KIOSK_SETTINGS);
    expect(parseKioskSettings(JSON.stringify(ON), PATHS)).toEqual(ON);
    expect(
      parseKioskSettings(JSON.stringify({ enabled: true, home: 'javascript:alert(1)', idleSeconds: 2 }), PATHS),
    ).toEqual({
      enabled: true,
      home: '/scan',
      idleSeconds: 10,
    });
  });

  it('the device store keeps a change, clamps it, and never stores a home off the app', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    expect(kioskSettingsStore.load(storage)).toEqual(DEFAULT_KIOSK_SETTINGS);
    kioskSettingsStore.save({ enabled: true, idleSeconds: 5 }, storage);
    kioskSettingsStore.save({ home: '//evil.example/scan' }, storage);
    expect(JSON.parse(data.get(KIOSK_SETTINGS_KEY) ?? '')).toEqual({ enabled: true, home: '/scan', idleSeconds: 10 });
    // Without the page list (outside the app) any same-origin path is kept; the hook checks the pages.
    expect(kioskSettingsStore.save({ home: '/purchasing/receive?order=3' }, storage).home).toBe(
      '/purchasing/receive?order=3',
    );
    expect(validHome('/nowhere', null)).toBe(true);
    expect(validHome('https://evil.example/', null)).toBe(false);
  });
});

describe('idle return', () => {
  it('returns home once the idle time has passed, not before', () => {
    const c = new IdleClock(0);
    expect(c.check(29_999, ON, '/scan')).toBeNull();
    expect(c.check(30_000, ON, '/scan')).toBe('/purchasing/receive?order=3');
  });

  it('every activity restarts the wait', () => {
    const c = new IdleClock(0);
    c.activity(20_000);
    expect(c.check(45_000, ON, '/scan')).toBeNull();
    expect(c.deadline(ON)).toBe(50_000);
    expect(c.check(50_000, ON, '/scan')).toBe(ON.home);
    // An activity stamped earlier than the last one does not move the deadline back.
    c.activity(10_000);
    expect(c.deadline(ON)).toBe(80_000);
  });

  it('stays put when already home (same query in any order) or when kiosk mode is off', () => {
    const c = new IdleClock(0);
    expect(c.check(60_000, ON, '/purchasing/receive?order=3')).toBeNull();
    expect(atHome('/purchasing/receive?location=7&order=3', '/purchasing/receive?order=3&location=7')).toBe(true);
    expect(atHome('/purchasing/receive?order=4', '/purchasing/receive?order=3')).toBe(false);
    expect(new IdleClock(0).check(600_000, { ...ON, enabled: false }, '/scan')).toBeNull();
  });

  it('after a return the next one waits a full period', () => {
    const c = new IdleClock(0);
    expect(c.check(30_000, ON, '/scan')).toBe(ON.home);
    expect(c.check(45_000, ON, '/settings')).toBeNull();
    expect(c.check(60_000, ON, '/settings')).toBe(ON.home);
  });
});

class FakeSentinel implements WakeSentinel {
  released = false;
  private listeners: (() => void)[] = [];
  async release() {
    this.released = true;
    this.fire();
  }
  addEventListener(_type: 'release', l: () => void) {
    this.listeners.push(l);
  }
  /** What the browser does when the page is hidden. */
  fire() {
    for (const l of this.listeners) l();
  }
}

function keeper(opts: { supported?: boolean; refuse?: boolean } = {}) {
  const states: WakeState[] = [];
  const sentinels: FakeSentinel[] = [];
  let visible = true;
  const k = new WakeLockKeeper({
    request:
      opts.supported === false
        ? null
        : async () => {
            if (opts.refuse) throw new DOMException('battery saver', 'NotAllowedError');
            const s = new FakeSentinel();
            sentinels.push(s);
            return s;
          },
    visible: () => visible,
    onState: (s) => states.push(s),
  });
  return { k, states, sentinels, setVisible: (v: boolean) => (visible = v) };
}

describe('WakeLockKeeper', () => {
  it('holds the lock, and asks again when the page comes back after the browser released it', async () => {
    const t = keeper();
    await t.k.enable();
    expect(t.states).toEqual(['awake']);
    t.setVisible(false);
    t.sentinels[0]!.fire();
    expect(t.states.at(-1)).toBe('released');
    await t.k.visibilityChanged(); // still hidden: no request
    expect(t.sentinels).toHaveLength(1);
    t.setVisible(true);
    await t.k.visibilityChanged();
    expect(t.sentinels).toHaveLength(2);
    expect(t.states.at(-1)).toBe('awake');
  });

  it('says so where the API is missing or refuses, without throwing', async () => {
    const missing = keeper({ supported: false });
    await missing.k.enable();
    expect(missing.states).toEqual(['unsupported']);
    const refused = keeper({ refuse: true });
    await refused.k.enable();
    expect(refused.states).toEqual(['refused']);
  });

  it('disable releases the lock and stops asking', async () => {
    const t = keeper();
    await t.k.enable();
    await t.k.disable();
    expect(t.sentinels[0]!.released).toBe(true);
    expect(t.states.at(-1)).toBe('off');
    await t.k.visibilityChanged();
    expect(t.sentinels).toHaveLength(1);
  });
});
