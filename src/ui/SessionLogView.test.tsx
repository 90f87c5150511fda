// @vitest-environment jsdom
// The log's list over a long shift: the newest entries shown, older ones paged in on request,
// a search across both, and the CSV export the supervisor downloads.
import { MantineProvider } from '@mantine/core';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionLogView } from './SessionLogView.tsx';
import { useSessionLog } from './useSessionLog.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function shift(scans: number) {
  const { result } = renderHook(() => useSessionLog());
  act(() => {
    for (let i = 0; i < scans; i++) {
      const id = result.current.add({
        text: `CODE-${i}`,
        source: 'wedge',
        format: null,
        at: 1_700_000_000_000 + i * 2000,
      });
      result.current.resolve(
        id,
        i % 10 === 0
          ? { tone: 'notFound', result: 'No match' }
          : { tone: 'success', result: `Stock item · Widget ${i} × ${i}` },
      );
    }
  });
  return result.current;
}

function show(log: ReturnType<typeof shift>) {
  return render(
    <MantineProvider>
      <MemoryRouter initialEntries={['/scan']}>
        <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} />
      </MemoryRouter>
    </MantineProvider>,
  );
}

const rows = () => screen.queryAllByTestId('session-log-entry');

describe('session log list', () => {
  it('shows the newest 50, pages older ones in, and goes back to the newest', () => {
    show(shift(120));
    expect(rows()).toHaveLength(50);
    expect(rows()[0]!.textContent).toContain('CODE-119');
    expect(screen.getByTestId('session-log-summary').textContent).toBe('120 scans: 108 found, 12 not found');
    fireEvent.click(screen.getByRole('button', { name: 'Show older scans' }));
    expect(rows()).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'Show older scans' }));
    expect(rows()).toHaveLength(120);
    expect(rows()[119]!.textContent).toContain('CODE-0');
    expect(screen.queryByRole('button', { name: 'Show older scans' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the newest' }));
    expect(rows()).toHaveLength(50);
  });

  it('searches the archived entries too, by barcode, object or outcome', () => {
    show(shift(120));
    const box = screen.getByRole('textbox', { name: 'Search the log' });
    fireEvent.change(box, { target: { value: 'code-3' } });
    // CODE-3, CODE-30..39: the newest (live) first, then the archive.
    expect(rows().map((r) => /CODE-\d+/.exec(r.textContent ?? '')?.[0])).toEqual([
      'CODE-39',
      'CODE-38',
      'CODE-37',
      'CODE-36',
      'CODE-35',
      'CODE-34',
      'CODE-33',
      'CODE-32',
      'CODE-31',
      'CODE-30',
      'CODE-3',
    ]);
    fireEvent.change(box, { target: { value: 'no match' } });
    expect(rows()).toHaveLength(12);
    fireEvent.change(box, { target: { value: 'Widget 77' } });
    expect(rows()).toHaveLength(1);
    fireEvent.change(box, { target: { value: 'nothing like this' } });
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('session-log-no-match')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(rows()).toHaveLength(50);
  });

  it('exports every scan of the shift as CSV, oldest first', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^session-log-scan-\d{8}-\d{4}\.csv$/);
    });
    show(shift(120));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalledOnce();
    const text = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,workflow,barcode,outcome,object,quantity');
    expect(lines).toHaveLength(121);
    expect(lines[1]).toMatch(/,scan,CODE-0,No match,No match,$/);
    expect(lines[120]).toMatch(/,scan,CODE-119,Found,Stock item · Widget 119,119$/);
  });
});
