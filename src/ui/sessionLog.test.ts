import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../scanner/scanEvent.ts';
import {
  addScan,
  clearLog,
  countByTone,
  createSessionLog,
  relabelEntry,
  removeEntry,
  resolveEntry,
  setAction,
} from './sessionLog.ts';

const scan = (text: string, at: number, source: ScanEvent['source'] = 'wedge'): ScanEvent => ({
  text,
  source,
  format: null,
  at,
});

describe('session log', () => {
  it('lists scans newest first, each pending until resolved', () => {
    let log = createSessionLog();
    log = addScan(log, scan('A', 1)).log;
    log = addScan(log, scan('B', 2)).log;
    log = addScan(log, scan('C', 3, 'camera')).log;
    expect(log.entries.map((e) => e.text)).toEqual(['C', 'B', 'A']);
    expect(log.entries.every((e) => e.tone === 'pending')).toBe(true);
    expect(log.entries[0]!.source).toBe('camera');
  });

  it('resolves the right entry even after newer scans arrived', () => {
    let log = createSessionLog();
    const first = addScan(log, scan('A', 1));
    log = addScan(first.log, scan('B', 2)).log;
    log = resolveEntry(log, first.id, { tone: 'success', result: 'Stock item 12', to: '/x' });
    expect(log.entries[1]).toMatchObject({ text: 'A', tone: 'success', result: 'Stock item 12', to: '/x' });
    expect(log.entries[0]).toMatchObject({ text: 'B', tone: 'pending' });
  });

  it('drops the link when a later outcome has none', () => {
    let log = createSessionLog();
    const a = addScan(log, scan('A', 1));
    log = resolveEntry(a.log, a.id, { tone: 'notFound', result: 'No match', to: '/link?barcode=A' });
    log = resolveEntry(log, a.id, { tone: 'error', result: 'Server error' });
    expect(log.entries[0]!.to).toBeUndefined();
  });

  it('ignores answers for removed or cleared entries, and never reuses their ids', () => {
    let log = createSessionLog();
    const a = addScan(log, scan('A', 1));
    log = removeEntry(a.log, a.id);
    expect(log.entries).toHaveLength(0);
    expect(resolveEntry(log, a.id, { tone: 'success', result: 'x' })).toBe(log);
    const b = addScan(log, scan('B', 2));
    expect(b.id).not.toBe(a.id);
    log = clearLog(b.log);
    const c = addScan(log, scan('C', 3));
    expect(c.id).toBeGreaterThan(b.id);
    expect(resolveEntry(c.log, b.id, { tone: 'success', result: 'x' }).entries[0]!.tone).toBe('pending');
  });

  it('relabels a result without touching its tone or link', () => {
    let log = createSessionLog();
    const a = addScan(log, scan('A', 1));
    log = resolveEntry(a.log, a.id, { tone: 'success', result: 'Stock item #12', to: '/x' });
    log = relabelEntry(log, a.id, 'Stock item · R_1K × 1,000');
    expect(log.entries[0]).toMatchObject({ tone: 'success', result: 'Stock item · R_1K × 1,000', to: '/x' });
    expect(relabelEntry(log, 999, 'x')).toBe(log);
  });

  it('keeps at most `limit` entries live, handing the oldest over for the archive', () => {
    let log = createSessionLog(3);
    const evicted: string[] = [];
    for (let i = 0; i < 5; i++) {
      const added = addScan(log, scan(`S${i}`, i));
      log = added.log;
      evicted.push(...added.evicted.map((e) => e.text));
    }
    expect(log.entries.map((e) => e.text)).toEqual(['S4', 'S3', 'S2']);
    expect(evicted).toEqual(['S0', 'S1']);
  });

  it('counts outcomes', () => {
    let log = createSessionLog();
    const ids: number[] = [];
    for (const t of ['a', 'b', 'c']) {
      const r = addScan(log, scan(t, 0));
      log = r.log;
      ids.push(r.id);
    }
    log = resolveEntry(log, ids[0]!, { tone: 'success', result: '' });
    log = resolveEntry(log, ids[1]!, { tone: 'notFound', result: '' });
    const counts = countByTone(log);
    expect(counts).toMatchObject({ success: 1, notFound: 1, pending: 1, error: 0 });
  });
});

describe('a line’s undo action', () => {
  it('is set, replaced and withdrawn on its own line only; unknown ids change nothing', () => {
    let log = createSessionLog();
    const a = addScan(log, { text: 'A', source: 'wedge', format: null, at: 1 });
    const b = addScan(a.log, { text: 'B', source: 'wedge', format: null, at: 2 });
    log = b.log;
    const action = { label: 'Unlink', confirm: 'x', ref: 'r', status: 'offered' as const };
    log = setAction(log, a.id, action);
    expect(log.entries.find((e) => e.id === a.id)?.action).toEqual(action);
    expect(log.entries.find((e) => e.id === b.id)?.action).toBeUndefined();
    log = resolveEntry(log, a.id, { tone: 'success', result: 'Linked' });
    expect(log.entries.find((e) => e.id === a.id)?.action).toEqual(action);
    expect(setAction(log, 999, action)).toBe(log);
    log = setAction(log, a.id, null);
    expect(log.entries.find((e) => e.id === a.id)?.action).toBeUndefined();
  });
});
