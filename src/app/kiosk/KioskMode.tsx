/**
 * Kiosk mode on a shared tablet: KioskIdleReturn sends the app back to the station's page after
 * idle time, KioskIndicator keeps the screen awake (and shows whether it managed), ResultBanner
 * repeats each scan outcome in letters readable from a metre away. The first two do nothing while
 * kiosk mode is off; the banner also serves phones, compact. Mounted once, in the layout.
 */
import { Badge } from '@mantine/core';
import { IconDeviceTabletCheck, IconDeviceTabletOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onAnnounce } from '../../ui/liveAnnouncer.ts';
import type { SessionLogTone } from '../../ui/sessionLog.ts';
import { IdleClock } from './idleReturn.ts';
import { useKioskSettings } from './useKioskSettings.ts';
import { WakeLockKeeper, type WakeSentinel, type WakeState } from './wakeLockKeeper.ts';
import classes from './KioskMode.module.css';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function KioskIdleReturn() {
  const [settings] = useKioskSettings();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const where = useRef(pathname + search);
  where.current = pathname + search;

  useEffect(() => {
    if (!settings.enabled) return;
    const clock = new IdleClock(Date.now());
    let timer: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(check, Math.max(0, clock.deadline(settings) - Date.now()) + 50);
    };
    const check = () => {
      const home = clock.check(Date.now(), settings, where.current);
      if (home) void navigate(home);
      arm();
    };
    const activity = () => clock.activity(Date.now());
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });
    // A scan is use too (a camera scan involves no touch or key).
    const offAnnounce = onAnnounce(activity);
    arm();
    return () => {
      if (timer) clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
      offAnnounce();
    };
  }, [settings, navigate]);

  return null;
}

/** Catalogue keys (kiosk:wake.*): the badge's short text and what it says in full. */
const WAKE_TEXT = {
  off: { short: 'wake.off', long: 'wake.offLong' },
  awake: { short: 'wake.awake', long: 'wake.awakeLong' },
  released: { short: 'wake.maySleep', long: 'wake.releasedLong' },
  unsupported: { short: 'wake.maySleep', long: 'wake.unsupportedLong' },
  refused: { short: 'wake.maySleep', long: 'wake.refusedLong' },
} as const satisfies Record<WakeState, { short: string; long: string }>;

/** Header badge (icon only on a phone's narrow header); holds the wake lock while kiosk mode is on. */
export function KioskIndicator({ compact = false }: { compact?: boolean }) {
  const [settings] = useKioskSettings();
  const { t } = useTranslation('kiosk');
  const [state, setState] = useState<WakeState>('off');

  useEffect(() => {
    if (!settings.enabled) return;
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeSentinel> } })
      .wakeLock;
    const keeper = new WakeLockKeeper({
      request: wakeLock && typeof wakeLock.request === 'function' ? () => wakeLock.request('screen') : null,
      visible: () => document.visibilityState === 'visible',
      onState: setState,
    });
    void keeper.enable();
    const onVisibility = () => void keeper.visibilityChanged();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      void keeper.disable();
    };
  }, [settings.enabled]);

  if (!settings.enabled) return null;
  const text = { short: t(WAKE_TEXT[state].short), long: t(WAKE_TEXT[state].long) };
  const awake = state === 'awake';
  return (
    <Badge
      data-testid="kiosk-indicator"
      data-wake={state}
      color={awake ? 'teal' : 'orange'}
      variant="light"
      size="lg"
      radius="sm"
      style={{ textTransform: 'none' }}
      leftSection={
        awake ? <IconDeviceTabletCheck size={16} aria-hidden /> : <IconDeviceTabletOff size={16} aria-hidden />
      }
      title={text.long}
      aria-label={text.long}
    >
      {compact ? null : text.short}
    </Badge>
  );
}

const BANNER_MS = 6000;
const PHONE_BANNER_MS = 4000;
const BANNER_TONES: Partial<Record<SessionLogTone, string>> = {
  success: 'green',
  notFound: 'yellow',
  error: 'red',
  repeat: 'blue',
};

/**
 * The latest scan outcome for a few seconds: large in kiosk mode (read from a metre away), and a
 * compact strip above the phone's bottom bar (the camera fills the phone's screen, so the result
 * card sits below it). Hidden from screen readers: the live region has already said it.
 */
export function ResultBanner({ phone }: { phone: boolean }) {
  const [settings] = useKioskSettings();
  const [banner, setBanner] = useState<{ text: string; color: string; n: number } | null>(null);
  const kiosk = settings.enabled;
  const on = kiosk || phone;

  useEffect(() => {
    if (!on) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let n = 0;
    const off = onAnnounce((text, tone) => {
      const color = tone ? BANNER_TONES[tone] : undefined;
      if (!color) return;
      n++;
      setBanner({ text, color, n });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => setBanner(null), kiosk ? BANNER_MS : PHONE_BANNER_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
      setBanner(null);
    };
  }, [on, kiosk]);

  if (!on || !banner) return null;
  return (
    <div
      key={banner.n}
      aria-hidden="true"
      data-testid={kiosk ? 'kiosk-banner' : 'result-banner'}
      data-color={banner.color}
      className={kiosk ? classes.banner : classes.phoneBanner}
      style={{ background: `var(--mantine-color-${banner.color}-filled)` }}
    >
      {kiosk ? banner.text : <span>{banner.text}</span>}
    </div>
  );
}
