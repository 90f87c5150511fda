// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attachWedgeCapture } from './wedgeCapture.ts';

let now = 0;
let detach: (() => void) | null = null;
const scans: string[] = [];

/** Press one key like a browser would: keydown, then (unless prevented) type into a focused field. */
function press(key: string, gapMs: number, init: KeyboardEventInit = {}): KeyboardEvent {
  now += gapMs;
  const target = document.activeElement ?? document.body;
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  if (!e.defaultPrevented && target instanceof HTMLInputElement && [...key].length === 1 && !init.ctrlKey) {
    const s = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? s;
    target.value = target.value.slice(0, s) + key + target.value.slice(end);
    target.setSelectionRange(s + 1, s + 1);
  }
  return e;
}

function gun(text: string, terminator = 'Enter'): KeyboardEvent {
  let first = true;
  for (const ch of text) {
    press(ch, first ? 500 : 6);
    first = false;
  }
  return press(terminator, 8);
}

beforeEach(() => {
  document.body.innerHTML = '';
  scans.length = 0;
  now = 0;
  detach = attachWedgeCapture({ onScan: (t) => scans.push(t), clock: () => now });
});

afterEach(() => detach?.());

describe('attachWedgeCapture', () => {
  it('captures a gun with nothing focused, swallowing the terminator', () => {
    const enter = gun('INV-SI12');
    expect(scans).toEqual(['INV-SI12']);
    expect(enter.defaultPrevented).toBe(true);
  });

  it("a focused button is not clicked by the gun's Enter", () => {
    document.body.innerHTML = '<button id="b">Delete</button>';
    const button = document.getElementById('b') as HTMLButtonElement;
    let clicks = 0;
    button.addEventListener('keydown', (e) => e.key === 'Enter' && clicks++);
    button.focus();
    gun('ABCD-1234');
    expect(scans).toEqual(['ABCD-1234']);
    expect(clicks).toBe(0);
  });

  it('a person typing into a field keeps every character and their Enter', () => {
    document.body.innerHTML = '<input id="q" />';
    const input = document.getElementById('q') as HTMLInputElement;
    let enters = 0;
    input.addEventListener('keydown', (e) => e.key === 'Enter' && enters++);
    input.focus();
    for (const [i, ch] of [...'12 pcs'].entries()) press(ch, i === 2 ? 20 : 140);
    const enter = press('Enter', 150);
    expect(input.value).toBe('12 pcs');
    expect(enter.defaultPrevented).toBe(false);
    expect(enters).toBe(1);
    expect(scans).toEqual([]);
  });

  it('a gun burst into a field becomes a scan and the field gets its old text back', () => {
    document.body.innerHTML = '<input id="q" value="note" />';
    const input = document.getElementById('q') as HTMLInputElement;
    input.focus();
    input.setSelectionRange(4, 4);
    let inputEvents = 0;
    input.addEventListener('input', () => inputEvents++);
    gun('4006381333931');
    expect(scans).toEqual(['4006381333931']);
    expect(input.value).toBe('note');
    expect(inputEvents).toBeGreaterThan(0); // React-controlled fields hear about it
  });

  it('keeps GS/RS/EOT sent as Ctrl combos and stops the browser acting on them', () => {
    const events: KeyboardEvent[] = [];
    press('[', 500);
    for (const ch of ')>') press(ch, 5);
    events.push(press('^', 5, { ctrlKey: true, shiftKey: true, code: 'Digit6' }));
    for (const ch of '06') press(ch, 5);
    events.push(press(']', 5, { ctrlKey: true, code: 'BracketRight' }));
    for (const ch of 'PX1') press(ch, 5);
    events.push(press('d', 5, { ctrlKey: true, code: 'KeyD' }));
    press('Enter', 5);
    expect(scans).toEqual(['[)>\u001e06\u001dPX1\u0004']);
    expect(events.every((e) => e.defaultPrevented)).toBe(true);
  });

  it('a lone Ctrl+D from a person is left to the browser', () => {
    const e = press('d', 2000, { ctrlKey: true, code: 'KeyD' });
    expect(e.defaultPrevented).toBe(false);
  });

  it('fields marked data-wedge="off" are left alone entirely', () => {
    document.body.innerHTML = '<div data-wedge="off"><input id="t" /></div>';
    const input = document.getElementById('t') as HTMLInputElement;
    input.focus();
    const enter = gun('RAWTEST1');
    expect(scans).toEqual([]);
    expect(input.value).toBe('RAWTEST1');
    expect(enter.defaultPrevented).toBe(false);
  });

  it('only the most recent capture receives scans; detaching hands back to the previous', () => {
    const second: string[] = [];
    const detachSecond = attachWedgeCapture({ onScan: (t) => second.push(t), clock: () => now });
    gun('FIRST-CODE');
    detachSecond();
    gun('SECOND-CODE');
    expect(second).toEqual(['FIRST-CODE']);
    expect(scans).toEqual(['SECOND-CODE']);
  });
});
