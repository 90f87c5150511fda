import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from './sessionLog.ts';
import { SessionLogArchive } from './sessionLogArchive.ts';

const entry = (id: number, extra: Partial<SessionLogEntry> = {}): SessionLogEntry => ({
  id,
  text: `CODE-${id}`,
  source: 'camera',
  format: 'qrcode',
  at: 1_000 * id,
  tone: 'success',
  result: `Stock item #${id}`,
  ...extra,
});

describe('session log archive', () => {
  it('keeps entries as they were, link and queue id included, newest first in pages', () => {
    const a = new SessionLogArchive();
    a.push(entry(1, { to: '/stock/item/1', queueId: 'q1' }));
    a.push(entry(2));
    a.push(entry(3, { tone: 'notFound', result: 'No match' }));
    expect(a.get(1)).toEqual(entry(1, { to: '/stock/item/1', queueId: 'q1' }));
    expect(a.page(0, 2)).toEqual({
      entries: [entry(3, { tone: 'notFound', result: 'No match' }), entry(2)],
      more: true,
    });
    expect(a.page(2, 2).entries.map((e) => e.id)).toEqual([1]);
    expect(a.page(0, 10, (e) => e.tone === 'success').entries.map((e) => e.id)).toEqual([2, 1]);
  });

  it('drops the oldest past its capacity but still counts them in the outcomes', () => {
    const a = new SessionLogArchive(3);
    for (let id = 1; id <= 5; id++) a.push(entry(id, id === 1 ? { tone: 'error', result: 'Offline' } : {}));
    expect(a.size).toBe(3);
    expect(a.dropped).toBe(2);
    expect([...a.oldestFirst()].map((e) => e.id)).toEqual([3, 4, 5]);
    expect(a.get(1)).toBeUndefined();
    expect(a.countByTone()).toMatchObject({ success: 4, error: 1 });
  });

  it('finds entries by id after wrapping and removals, to apply late answers', () => {
    const a = new SessionLogArchive(4);
    for (let id = 10; id < 17; id++) a.push(entry(id, { tone: 'queued', result: 'Waiting to be sent' }));
    expect(a.remove(14)).toBe(true);
    expect(a.remove(14)).toBe(false);
    expect(a.update(15, (e) => ({ ...e, tone: 'success', result: 'Found later' }))).toBe(true);
    expect(a.update(12, (e) => e)).toBe(false); // dropped
    expect(a.get(15)).toMatchObject({ tone: 'success', result: 'Found later' });
    expect(a.get(16)).toMatchObject({ tone: 'queued' });
    expect([...a.oldestFirst()].map((e) => e.id)).toEqual([13, 15, 16]);
    expect(a.countByTone()).toMatchObject({ queued: 5, success: 1 });
    // The ring goes on from its oldest (13 is dropped); the removed slot just holds nothing.
    a.push(entry(17));
    expect([...a.oldestFirst()].map((e) => e.id)).toEqual([15, 16, 17]);
  });

  it('holds a whole shift in bounded memory: capacity, not scans, sets its size', () => {
    const a = new SessionLogArchive(1_000);
    for (let id = 1; id <= 30_000; id++) a.push(entry(id));
    expect(a.size).toBe(1_000);
    expect(a.get(30_000)).toMatchObject({ id: 30_000 });
    expect(a.get(29_001)).toMatchObject({ id: 29_001 });
    expect(a.get(29_000)).toBeUndefined();
    a.clear();
    expect(a.size).toBe(0);
    expect(a.countByTone().success).toBe(0);
  });
});
