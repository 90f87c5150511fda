// @vitest-environment jsdom
// What one scan costs the session log must not grow with the shift (issue 18): adding a line, its
// answer and its better label, the summary, and the list the page shows never read the archive, so
// the 14,000th scan of a shift costs what the 60th did. Only paging back, a search or the CSV
// export look through it.
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanEvent } from '../scanner/scanEvent.ts';
import { countByTone, totalEntries } from './sessionLog.ts';
import { SessionLogArchive } from './sessionLogArchive.ts';
import { SessionLogView } from './SessionLogView.tsx';
import { logWindow } from './sessionLogWindow.ts';
import { useSessionLog } from './useSessionLog.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const scan = (i: number): ScanEvent => ({
  text: `CODE-${i}`,
  source: 'camera',
  format: 'qrcode',
  at: 1_700_000_000_000 + i * 2000,
});

/** A log `scans` scans into a shift, every one answered while it was live. */
function shiftOf(scans: number) {
  const hook = renderHook(() => useSessionLog());
  act(() => {
    for (let i = 0; i < scans; i++) {
      const id = hook.result.current.add(scan(i));
      hook.result.current.resolve(id, { tone: 'success', result: `Stock item #${i}` });
    }
  });
  return hook;
}

/** Calls of the archive's reading methods (push, the one write a scan may cause, is not one). */
function archiveReads() {
  const reads = (['page', 'oldestFirst', 'get', 'update', 'remove', 'countByTone'] as const).map((m) =>
    vi.spyOn(SessionLogArchive.prototype, m),
  );
  return () => reads.map((r) => r.mock.calls.length).reduce((a, b) => a + b, 0);
}

describe('the session log per scan, however long the shift', () => {
  it('adds, answers and relabels a scan without reading the archive', () => {
    for (const before of [60, 20_000]) {
      const { result } = shiftOf(before);
      expect(result.current.log.archive.size).toBe(before - result.current.log.limit);
      const reads = archiveReads();
      const pushes = vi.spyOn(SessionLogArchive.prototype, 'push');
      act(() => {
        const id = result.current.add(scan(before));
        expect(result.current.entry(id)?.tone).toBe('pending');
        result.current.resolve(id, { tone: 'success', result: 'Stock item #1' });
        result.current.relabel(id, 'Stock item · Widget × 3');
      });
      expect(result.current.log.entries[0]).toMatchObject({ tone: 'success', result: 'Stock item · Widget × 3' });
      // One line pushed out of the live list into the archive: a constant step, not a copy.
      expect(pushes).toHaveBeenCalledTimes(1);
      expect(reads()).toBe(0);
      vi.restoreAllMocks();
    }
  });

  it('shows the newest lines and the summary without reading the archive', () => {
    const { result } = shiftOf(20_000);
    const log = result.current.log;
    const reads = archiveReads();
    const shown = logWindow(log, '', 0);
    expect(shown.entries).toHaveLength(log.limit);
    expect(shown.more).toBe(true);
    expect(totalEntries(log)).toBe(20_000);
    expect(reads()).toBe(0);
    // The summary's counts are kept as entries come and go, not counted again.
    expect(countByTone(log).success).toBe(20_000);
    expect(reads()).toBe(1);
  });

  it('renders a shift of 20,000 scans as its newest lines, without reading the archive', () => {
    const { result } = shiftOf(20_000);
    const page = vi.spyOn(SessionLogArchive.prototype, 'page');
    const all = vi.spyOn(SessionLogArchive.prototype, 'oldestFirst');
    render(
      <MantineProvider>
        <MemoryRouter initialEntries={['/scan']}>
          <SessionLogView log={result.current.log} onRemove={result.current.remove} onClear={result.current.clear} />
        </MemoryRouter>
      </MantineProvider>,
    );
    expect(screen.getAllByTestId('session-log-entry')).toHaveLength(result.current.log.limit);
    expect(page).not.toHaveBeenCalled();
    expect(all).not.toHaveBeenCalled();
  });
});
