/**
 * Scan feedback without files: short Web Audio tones, vibration patterns and a screen-flash event.
 * Each kind sounds and feels different, so a picker knows the outcome without looking:
 * match = bright rising two-tone, repeat = soft single blip, error = low buzz, nomatch = falling pair.
 */

export type FeedbackKind = 'match' | 'repeat' | 'error' | 'nomatch';

export interface Tone {
  /** Hz. */
  frequency: number;
  /** Seconds from the start of the signal. */
  start: number;
  /** Seconds. */
  duration: number;
  type: OscillatorType;
  /** Peak gain, 0..1 (kept low: a sound per scan all shift long). */
  gain: number;
}

export const TONES: Record<FeedbackKind, Tone[]> = {
  match: [
    { frequency: 1046.5, start: 0, duration: 0.07, type: 'sine', gain: 0.22 },
    { frequency: 1568, start: 0.075, duration: 0.09, type: 'sine', gain: 0.22 },
  ],
  repeat: [{ frequency: 740, start: 0, duration: 0.05, type: 'sine', gain: 0.1 }],
  error: [{ frequency: 110, start: 0, duration: 0.32, type: 'square', gain: 0.14 }],
  nomatch: [
    { frequency: 523.3, start: 0, duration: 0.09, type: 'triangle', gain: 0.2 },
    { frequency: 392, start: 0.1, duration: 0.14, type: 'triangle', gain: 0.2 },
  ],
};

/** navigator.vibrate patterns (ms on, off, on…). */
export const VIBRATION: Record<FeedbackKind, number[]> = {
  match: [50],
  repeat: [15],
  error: [150, 80, 150],
  nomatch: [70, 60, 70],
};

let audio: AudioContext | null = null;

function audioContextClass(): typeof AudioContext | null {
  if (typeof window === 'undefined') return null;
  const g = globalThis as typeof globalThis & { webkitAudioContext?: typeof AudioContext };
  return typeof g.AudioContext === 'function' ? g.AudioContext : (g.webkitAudioContext ?? null);
}

/**
 * Create or resume the AudioContext. Browsers only let audio start from a user gesture, so this
 * runs on the first pointer or key press (installAudioUnlock) and again before each sound.
 */
export function unlockAudio(): AudioContext | null {
  const Ctor = audioContextClass();
  if (!Ctor) return null;
  try {
    audio ??= new Ctor();
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
  } catch {
    return null;
  }
  return audio;
}

let unlockInstalled = false;

/**
 * Unlock audio on the first user gesture (scanner-gun key presses count as gestures too). The work
 * runs just after the event, not inside it: creating an AudioContext can take a good part of a
 * second, and a gun's keys must not wait behind it (the gesture's activation outlasts the delay).
 */
export function installAudioUnlock(): void {
  if (unlockInstalled || typeof window === 'undefined') return;
  unlockInstalled = true;
  let scheduled = false;
  const unlock = () => {
    scheduled = false;
    const ctx = unlockAudio();
    if (ctx && ctx.state !== 'suspended') {
      window.removeEventListener('pointerdown', onGesture, true);
      window.removeEventListener('keydown', onGesture, true);
    }
  };
  const onGesture = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(unlock, 0);
  };
  window.addEventListener('pointerdown', onGesture, true);
  window.addEventListener('keydown', onGesture, true);
}

export function playTones(kind: FeedbackKind): void {
  const ctx = unlockAudio();
  if (!ctx) return;
  const t0 = ctx.currentTime + 0.01;
  for (const tone of TONES[kind]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.frequency;
    const start = t0 + tone.start;
    const end = start + tone.duration;
    // Short attack and release: no click at the start or end of the tone.
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(tone.gain, start + 0.008);
    gain.gain.setValueAtTime(tone.gain, Math.max(start + 0.008, end - 0.02));
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(end + 0.01);
  }
}

export function vibrate(kind: FeedbackKind): void {
  if (typeof navigator === 'undefined' || typeof navigator.vibrate !== 'function') return;
  try {
    navigator.vibrate(VIBRATION[kind]);
  } catch {
    // Some browsers throw without a recent user gesture; vibration is a nicety.
  }
}

type FlashListener = (kind: FeedbackKind) => void;
const flashListeners = new Set<FlashListener>();

/** Ask every mounted <FeedbackFlash/> to flash. */
export function emitFlash(kind: FeedbackKind): void {
  for (const l of flashListeners) l(kind);
}

export function onFlash(listener: FlashListener): () => void {
  flashListeners.add(listener);
  return () => {
    flashListeners.delete(listener);
  };
}

export interface FeedbackChannels {
  sound: boolean;
  vibration: boolean;
  flash: boolean;
}

/** Signal one outcome on each channel the settings leave on. */
export function signalFeedback(kind: FeedbackKind, channels: FeedbackChannels): void {
  if (channels.sound) playTones(kind);
  if (channels.vibration) vibrate(kind);
  if (channels.flash) emitFlash(kind);
}
