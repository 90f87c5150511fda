// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TONES, VIBRATION, onFlash, signalFeedback, type FeedbackKind } from './feedback.ts';

const started: { type: string; frequency: number }[] = [];

class FakeParam {
  value = 0;
  setValueAtTime() {}
  linearRampToValueAtTime() {}
}
class FakeNode {
  connect(next?: unknown) {
    return next ?? this;
  }
}
class FakeOscillator extends FakeNode {
  type = 'sine';
  frequency = new FakeParam();
  start() {
    started.push({ type: this.type, frequency: this.frequency.value });
  }
  stop() {}
}
class FakeAudioContext {
  state = 'running';
  currentTime = 0;
  destination = new FakeNode();
  createOscillator() {
    return new FakeOscillator();
  }
  createGain() {
    return Object.assign(new FakeNode(), { gain: new FakeParam() });
  }
  resume() {
    return Promise.resolve();
  }
}

const vibrations: number[][] = [];

beforeEach(() => {
  started.length = 0;
  vibrations.length = 0;
  vi.stubGlobal('AudioContext', FakeAudioContext);
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (p: number[]) => {
      vibrations.push(p);
      return true;
    },
  });
});

afterEach(() => vi.unstubAllGlobals());

describe('feedback', () => {
  it('each kind has its own sound and vibration', () => {
    const kinds: FeedbackKind[] = ['match', 'repeat', 'error', 'nomatch'];
    const sounds = new Set(kinds.map((k) => JSON.stringify(TONES[k].map((t) => [t.frequency, t.type]))));
    const buzzes = new Set(kinds.map((k) => JSON.stringify(VIBRATION[k])));
    expect(sounds.size).toBe(4);
    expect(buzzes.size).toBe(4);
    // Match rises; error is a low buzz; repeat is a single quiet blip.
    expect(TONES.match[1]!.frequency).toBeGreaterThan(TONES.match[0]!.frequency);
    expect(TONES.error[0]!.frequency).toBeLessThan(200);
    expect(TONES.repeat).toHaveLength(1);
    expect(TONES.repeat[0]!.gain).toBeLessThan(TONES.match[0]!.gain);
  });

  it('plays, vibrates and flashes when all channels are on', () => {
    const flashes: FeedbackKind[] = [];
    const off = onFlash((k) => flashes.push(k));
    signalFeedback('match', { sound: true, vibration: true, flash: true });
    off();
    expect(started.map((s) => s.frequency)).toEqual(TONES.match.map((t) => t.frequency));
    expect(vibrations).toEqual([VIBRATION.match]);
    expect(flashes).toEqual(['match']);
  });

  it('each channel can be switched off on its own', () => {
    const flashes: FeedbackKind[] = [];
    const off = onFlash((k) => flashes.push(k));
    signalFeedback('error', { sound: false, vibration: true, flash: false });
    signalFeedback('repeat', { sound: true, vibration: false, flash: false });
    signalFeedback('nomatch', { sound: false, vibration: false, flash: true });
    off();
    expect(started.map((s) => s.frequency)).toEqual([TONES.repeat[0]!.frequency]);
    expect(vibrations).toEqual([VIBRATION.error]);
    expect(flashes).toEqual(['nomatch']);
  });

  it('without Web Audio or vibration support nothing throws', () => {
    vi.stubGlobal('AudioContext', undefined);
    Object.defineProperty(navigator, 'vibrate', { configurable: true, value: undefined });
    expect(() => signalFeedback('error', { sound: true, vibration: true, flash: true })).not.toThrow();
  });
});
