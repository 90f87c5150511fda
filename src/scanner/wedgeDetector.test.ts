import { describe, expect, it } from 'vitest';
import { EOT, GS, RS, WedgeDetector, keyToChar, type WedgeDecision, type WedgeKey } from './wedgeDetector.ts';

/** Deterministic pseudo-random numbers so timings vary but runs repeat. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** How a US-layout gun sends one character: Shift before capitals, control chars as Ctrl combos. */
function gunKeys(ch: string, time: number): WedgeKey[] {
  if (ch === GS)
    return [
      { key: 'Control', ctrlKey: true, time },
      { key: ']', code: 'BracketRight', ctrlKey: true, time },
    ];
  if (ch === RS) {
    return [
      { key: 'Control', ctrlKey: true, time },
      { key: 'Shift', ctrlKey: true, shiftKey: true, time },
      { key: '^', code: 'Digit6', ctrlKey: true, shiftKey: true, time },
    ];
  }
  if (ch === EOT)
    return [
      { key: 'Control', ctrlKey: true, time },
      { key: 'd', code: 'KeyD', ctrlKey: true, time },
    ];
  if (ch >= 'A' && ch <= 'Z')
    return [
      { key: 'Shift', shiftKey: true, time },
      { key: ch, shiftKey: true, time },
    ];
  return [{ key: ch, time }];
}

interface Typed {
  events: WedgeKey[];
  end: number;
}

/** A gun: 2–15 ms between characters, then Enter (or Tab). */
function gun(text: string, start: number, rand: () => number, terminator = 'Enter'): Typed {
  const events: WedgeKey[] = [];
  let t = start;
  for (const ch of text) {
    events.push(...gunKeys(ch, t));
    t += 2 + rand() * 13;
  }
  events.push({ key: terminator, time: t });
  return { events, end: t };
}

/** A person: 90–260 ms between keys, with the odd fast roll-over pair (15–35 ms). */
function person(text: string, start: number, rand: () => number, enter = true): Typed {
  const events: WedgeKey[] = [];
  let t = start;
  let i = 0;
  for (const ch of text) {
    events.push({ key: ch, time: t });
    t += i % 5 === 2 ? 15 + rand() * 20 : 90 + rand() * 170;
    i++;
  }
  if (enter) events.push({ key: 'Enter', time: t });
  return { events, end: t };
}

function run(d: WedgeDetector, events: WedgeKey[]): WedgeDecision[] {
  return events.map((e) => d.key(e));
}

function scans(decisions: WedgeDecision[]): string[] {
  return decisions.flatMap((x) => (x.kind === 'scan' ? [x.text] : []));
}

describe('WedgeDetector', () => {
  it('reads 20 codes at scanner speed, all of them, in order', () => {
    const rand = rng(7);
    const codes = Array.from({ length: 20 }, (_, i) => `INV-SI${100 + i * 7}`);
    const d = new WedgeDetector();
    let t = 1000;
    const out: string[] = [];
    for (const code of codes) {
      const typed = gun(code, t, rand);
      out.push(...scans(run(d, typed.events)));
      t = typed.end + 250 + rand() * 900;
    }
    expect(out).toEqual(codes);
  });

  it('reads a burst sent back-to-back with no pause between codes', () => {
    const rand = rng(11);
    const d = new WedgeDetector();
    const codes = ['4006381333931', '{"stockitem":12}', 'INV-SL7', 'ABCdef-123'];
    let t = 0;
    const out: string[] = [];
    for (const c of codes) {
      const typed = gun(c, t, rand);
      out.push(...scans(run(d, typed.events)));
      t = typed.end + 3;
    }
    expect(out).toEqual(codes);
  });

  it('never takes a person typing, even with fast roll-over pairs', () => {
    const rand = rng(3);
    const d = new WedgeDetector();
    let t = 0;
    const out: string[] = [];
    for (const word of ['hello world', 'quantity 12', 'INV-SI12', 'resistor 10k']) {
      const typed = person(word, t, rand);
      const decisions = run(d, typed.events);
      out.push(...scans(decisions));
      // Enter after human typing is left to the page (a form may submit it).
      expect(decisions.at(-1)).toEqual({ kind: 'ignore' });
      t = typed.end + 2000;
    }
    expect(out).toEqual([]);
  });

  it('separates gun scans from a person typing in between', () => {
    const rand = rng(5);
    const d = new WedgeDetector();
    const out: string[] = [];
    let t = 0;
    const plan: [string, 'gun' | 'person'][] = [
      ['A1B2C3D4', 'gun'],
      ['note', 'person'],
      ['INV-SI12', 'gun'],
      ['12', 'person'],
      ['PO-0003', 'gun'],
    ];
    for (const [text, who] of plan) {
      const typed = who === 'gun' ? gun(text, t, rand) : person(text, t, rand);
      out.push(...scans(run(d, typed.events)));
      t = typed.end + 400;
    }
    expect(out).toEqual(['A1B2C3D4', 'INV-SI12', 'PO-0003']);
  });

  it('keeps GS, RS and EOT sent as Ctrl combos (ANSI MH10.8.2 supplier label)', () => {
    const label = `[)>${RS}06${GS}PSTM32F103${GS}1PABC-123${GS}Q10${RS}${EOT}`;
    const d = new WedgeDetector();
    expect(scans(run(d, gun(label, 0, rng(1)).events))).toEqual([label]);
  });

  it('keeps control characters sent as key values', () => {
    const label = `01${GS}21ABC${RS}x${EOT}`;
    const d = new WedgeDetector();
    const events: WedgeKey[] = [...label].map((key, i) => ({ key, time: i * 5 }));
    events.push({ key: 'Enter', time: label.length * 5 });
    expect(scans(run(d, events))).toEqual([label]);
  });

  it('maps the Ctrl combos by code when the layout gives another key', () => {
    expect(keyToChar({ key: '+', code: 'BracketRight', ctrlKey: true, time: 0 })).toBe(GS);
    expect(keyToChar({ key: '&', code: 'Digit6', ctrlKey: true, shiftKey: true, time: 0 })).toBe(RS);
    expect(keyToChar({ key: 'D', code: 'KeyD', ctrlKey: true, shiftKey: true, time: 0 })).toBe(EOT);
    // Other shortcuts type nothing.
    expect(keyToChar({ key: 'c', code: 'KeyC', ctrlKey: true, time: 0 })).toBeNull();
    expect(keyToChar({ key: 'v', metaKey: true, time: 0 })).toBeNull();
    expect(keyToChar({ key: 'ArrowLeft', time: 0 })).toBeNull();
  });

  it('ends a scan with Tab as well as Enter', () => {
    const d = new WedgeDetector();
    const decisions = run(d, gun('TAB-ENDED-1', 0, rng(2), 'Tab').events);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', text: 'TAB-ENDED-1', terminator: 'Tab' });
  });

  it('refuses bursts shorter than the minimum length', () => {
    const d = new WedgeDetector({ minLength: 4 });
    expect(scans(run(d, gun('abc', 0, rng(4)).events))).toEqual([]);
    expect(scans(run(d, gun('abcd', 500, rng(4)).events))).toEqual(['abcd']);
  });

  it('one late key (a busy page) does not cut the start off a code', () => {
    const d = new WedgeDetector();
    // Timings seen from Playwright typing with a 4 ms delay on a loaded machine.
    const times = [0, 76, 105, 167, 242, 253, 277, 291];
    const events: WedgeKey[] = [...'INV-SI13'].map((key, i) => ({ key, time: times[i]! }));
    events.push({ key: 'Enter', time: 344 });
    expect(scans(run(d, events))).toEqual(['INV-SI13']);
  });

  it('a fast typist with several roll-overs in a row is still a person', () => {
    const d = new WedgeDetector();
    const gaps = [90, 35, 110, 60, 85, 40];
    let t = 0;
    const events: WedgeKey[] = [...'sample1'].map((key, i) => {
      if (i > 0) t += gaps[i - 1]!;
      return { key, time: t };
    });
    events.push({ key: 'Enter', time: t + 60 });
    expect(scans(run(d, events))).toEqual([]);
  });

  it('drops a burst whose terminator comes too late', () => {
    const d = new WedgeDetector({ terminatorGapMs: 100 });
    const events: WedgeKey[] = [...'ABCDEF'].map((key, i) => ({ key, time: i * 5 }));
    events.push({ key: 'Enter', time: 25 + 150 });
    expect(scans(run(d, events))).toEqual([]);
  });

  it('a slow gap in the middle restarts the burst: only the fast tail counts', () => {
    const d = new WedgeDetector({ minLength: 4 });
    const events: WedgeKey[] = [
      { key: 'x', time: 0 },
      { key: 'y', time: 5 }, // fast pair, then a pause
      { key: 'A', time: 300 },
      { key: 'B', time: 305 },
      { key: 'C', time: 310 },
      { key: 'D', time: 315 },
      { key: 'Enter', time: 320 },
    ];
    expect(scans(run(d, events))).toEqual(['ABCD']);
  });

  it('ignores auto-repeat of a held key and IME composition', () => {
    const d = new WedgeDetector();
    const held: WedgeKey[] = [{ key: 'a', time: 0 }];
    for (let i = 1; i < 10; i++) held.push({ key: 'a', time: i * 33, repeat: true });
    held.push({ key: 'Enter', time: 10 * 33 });
    expect(scans(run(d, held))).toEqual([]);
    const ime: WedgeKey[] = [...'abcde'].map((key, i) => ({ key, time: i * 5, isComposing: true }));
    ime.push({ key: 'Enter', time: 30 });
    expect(scans(run(d, ime))).toEqual([]);
  });

  it('a non-character key (Backspace, arrows) breaks a burst', () => {
    const d = new WedgeDetector();
    const events: WedgeKey[] = [
      { key: 'A', time: 0 },
      { key: 'B', time: 5 },
      { key: 'C', time: 10 },
      { key: 'Backspace', time: 15 },
      { key: 'D', time: 20 },
      { key: 'E', time: 25 },
      { key: 'Enter', time: 30 },
    ];
    expect(scans(run(d, events))).toEqual([]);
  });

  it('reports burst start and continuation so the DOM binding knows what to swallow', () => {
    const d = new WedgeDetector();
    expect(d.key({ key: 'A', time: 0 })).toEqual({ kind: 'char', char: 'A', burstStart: true, gunLike: false });
    expect(d.key({ key: 'B', time: 4 })).toEqual({ kind: 'char', char: 'B', burstStart: false, gunLike: true });
    expect(d.receiving).toBe(true);
    // 110 ms later: still the same burst, but no longer gun-like on average.
    expect(d.key({ key: 'C', time: 114 })).toEqual({ kind: 'char', char: 'C', burstStart: false, gunLike: false });
    expect(d.key({ key: 'D', time: 400 })).toEqual({ kind: 'char', char: 'D', burstStart: true, gunLike: false });
    expect(d.pendingLength).toBe(1);
  });

  it('with idleEndMs, a fast burst followed by silence is a scan (guns without terminator)', () => {
    const d = new WedgeDetector({ idleEndMs: 80 });
    run(
      d,
      [...'NOTERM01'].map((key, i) => ({ key, time: i * 6 })),
    );
    const deadline = d.deadline();
    expect(deadline).toBe(42 + 80);
    expect(d.timeout(100)).toEqual({ kind: 'ignore' }); // not yet quiet long enough
    expect(d.timeout(deadline ?? 0)).toEqual({ kind: 'scan', text: 'NOTERM01', terminator: null });
    expect(d.pendingLength).toBe(0);
  });

  it('without idleEndMs a burst never ends on its own', () => {
    const d = new WedgeDetector();
    run(
      d,
      [...'NOTERM01'].map((key, i) => ({ key, time: i * 6 })),
    );
    expect(d.deadline()).toBeNull();
    expect(d.timeout(10_000)).toEqual({ kind: 'ignore' });
  });
});
