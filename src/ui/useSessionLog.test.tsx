// @vitest-environment jsdom
// The log over a long shift: live entries stay at the limit, older ones move to the archive and
// are still answered, relabelled, removed, counted and found by id there.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ScanEvent } from '../scanner/scanEvent.ts';
import { countByTone, totalEntries } from './sessionLog.ts';
import { useSessionLog } from './useSessionLog.ts';

const scan = (text: string, at: number): ScanEvent => ({ text, source: 'camera', format: 'qrcode', at });

describe('useSessionLog over a long shift', () => {
  it('keeps `limit` entries live and the rest in the archive, answers included', () => {
    const { result } = renderHook(() => useSessionLog(5));
    const ids: number[] = [];
    act(() => {
      for (let i = 0; i < 12; i++) ids.push(result.current.add(scan(`C${i}`, i)));
    });
    expect(result.current.log.entries.map((e) => e.text)).toEqual(['C11', 'C10', 'C9', 'C8', 'C7']);
    expect(result.current.log.archive.size).toBe(7);
    expect(totalEntries(result.current.log)).toBe(12);

    // A late answer for a scan long pushed out of view (it waited in the offline queue).
    const version = result.current.log.archiveVersion;
    act(() => result.current.resolve(ids[1]!, { tone: 'success', result: 'Stock item #1', to: '/stock/item/1' }));
    expect(result.current.log.archiveVersion).toBeGreaterThan(version);
    expect(result.current.entry(ids[1]!)).toMatchObject({
      tone: 'success',
      result: 'Stock item #1',
      to: '/stock/item/1',
    });
    act(() => result.current.relabel(ids[1]!, 'Stock item · Widget × 3'));
    expect(result.current.entry(ids[1]!)?.result).toBe('Stock item · Widget × 3');
    expect(countByTone(result.current.log)).toMatchObject({ success: 1, pending: 11 });

    act(() => result.current.remove(ids[0]!));
    expect(result.current.entry(ids[0]!)).toBeUndefined();
    expect(totalEntries(result.current.log)).toBe(11);

    act(() => result.current.clear());
    expect(totalEntries(result.current.log)).toBe(0);
    // Ids keep counting: an answer for a cleared scan lands nowhere.
    act(() => result.current.resolve(ids[3]!, { tone: 'error', result: 'x' }));
    expect(countByTone(result.current.log).error).toBe(0);
  });
});
