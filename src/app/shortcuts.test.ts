import { describe, expect, it } from 'vitest';
import { ShortcutMatcher, type ShortcutKey } from './shortcuts.ts';

const SHORTCUTS = [
  { keys: ['g', 's'], action: 'scan' },
  { keys: ['g', 'h'], action: 'history' },
  { keys: ['/'], action: 'focus' },
  { keys: ['?'], action: 'help' },
];

/** Feed keys (with their times) and return what fired, letting each candidate's quiet spell pass unless another key comes first. */
function run(keys: (Partial<ShortcutKey> & { key: string; time: number })[]): string[] {
  const m = new ShortcutMatcher(SHORTCUTS);
  const fired: string[] = [];
  let waiting: number | null = null;
  for (const k of keys) {
    if (waiting !== null && k.time >= waiting) {
      const a = m.confirm(waiting);
      if (a) fired.push(a);
    }
    const d = m.key(k);
    waiting = d.kind === 'candidate' ? d.at : null;
  }
  if (waiting !== null) {
    const a = m.confirm(waiting);
    if (a) fired.push(a);
  }
  return fired;
}

describe('ShortcutMatcher', () => {
  it('a person pressing g then s opens scan; g then h opens history', () => {
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 's', time: 180 },
      ]),
    ).toEqual(['scan']);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'h', time: 90 },
      ]),
    ).toEqual(['history']);
  });

  it('single keys: / and ? (with Shift held)', () => {
    expect(run([{ key: '/', time: 0 }])).toEqual(['focus']);
    expect(
      run([
        { key: 'Shift', time: 0 },
        { key: '?', time: 60 },
      ]),
    ).toEqual(['help']);
  });

  it('nothing fires while typing in a field', () => {
    expect(
      run([
        { key: 'g', time: 0, editable: true },
        { key: 's', time: 200, editable: true },
      ]),
    ).toEqual([]);
    expect(run([{ key: '/', time: 0, editable: true }])).toEqual([]);
  });

  it('a scanner-gun burst never fires a shortcut, wherever the letters sit in the code', () => {
    const burst = (text: string, gap = 4) => [...text, 'Enter'].map((key, i) => ({ key, time: 1000 + i * gap }));
    expect(run(burst('gs12345'))).toEqual([]);
    expect(run(burst('AB-gh'))).toEqual([]);
    expect(run(burst('/'))).toEqual([]);
    expect(run(burst('?'))).toEqual([]);
    // A slower Bluetooth gun (30 ms a key) is still cancelled by its next key or its terminator.
    expect(run(burst('x/gs', 30))).toEqual([]);
  });

  it('keys already taken by the gun capture are ignored', () => {
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 's', time: 150, defaultPrevented: true },
      ]),
    ).toEqual([]);
  });

  it('modified keys are not shortcuts (Ctrl+/, Alt+g s)', () => {
    expect(run([{ key: '/', time: 0, ctrlKey: true }])).toEqual([]);
    expect(
      run([
        { key: 'g', time: 0, altKey: true },
        { key: 's', time: 150 },
      ]),
    ).toEqual([]);
  });

  it('g, then too long a pause, then s does nothing; another key between abandons it', () => {
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 's', time: 2000 },
      ]),
    ).toEqual([]);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'x', time: 150 },
        { key: 's', time: 300 },
      ]),
    ).toEqual([]);
  });

  it('a stray key then g s still works (g restarts the sequence)', () => {
    expect(
      run([
        { key: 'x', time: 0 },
        { key: 'g', time: 200 },
        { key: 's', time: 400 },
      ]),
    ).toEqual(['scan']);
    expect(
      run([
        { key: 'g', time: 0 },
        { key: 'g', time: 200 },
        { key: 's', time: 400 },
      ]),
    ).toEqual(['scan']);
  });

  it('confirm before the quiet spell has passed returns nothing; afterwards the action once', () => {
    const m = new ShortcutMatcher(SHORTCUTS);
    const d = m.key({ key: '/', time: 100 });
    expect(d.kind).toBe('candidate');
    if (d.kind !== 'candidate') return;
    expect(m.confirm(d.at - 1)).toBeNull();
    expect(m.confirm(d.at)).toBe('focus');
    expect(m.confirm(d.at + 10)).toBeNull();
  });
});
