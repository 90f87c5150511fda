// @vitest-environment jsdom
// What a scan re-renders in the session log (issue 15: no main-thread task over 50 ms while
// scanning): a new line renders itself; its answer re-renders only the line's outcome, not its time,
// source, barcode or tooltips; the search box and export button above the list not at all. Counted
// with render counters on the pieces (a count, not a time: the machine's load does not change it).
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanEvent } from '../scanner/scanEvent.ts';
import { SessionLogView } from './SessionLogView.tsx';
import { useSessionLog } from './useSessionLog.ts';

const renders = vi.hoisted(() => ({ Tooltip: 0, TextInput: 0, BarcodeText: 0 }));

vi.mock('@mantine/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@mantine/core')>();
  const Tooltip = (props: ComponentProps<typeof core.Tooltip>) => {
    renders.Tooltip += 1;
    return <core.Tooltip {...props} />;
  };
  const TextInput = (props: ComponentProps<typeof core.TextInput>) => {
    renders.TextInput += 1;
    return <core.TextInput {...props} />;
  };
  return { ...core, Tooltip, TextInput };
});

vi.mock('./BarcodeText.tsx', async (importOriginal) => {
  const real = await importOriginal<typeof import('./BarcodeText.tsx')>();
  return {
    ...real,
    BarcodeText: (props: ComponentProps<typeof real.BarcodeText>) => {
      renders.BarcodeText += 1;
      return <real.BarcodeText {...props} />;
    },
  };
});

beforeEach(() => {
  renders.Tooltip = 0;
  renders.TextInput = 0;
  renders.BarcodeText = 0;
});
afterEach(() => cleanup());

const scan = (text: string): ScanEvent => ({ text, source: 'camera', format: 'qrcode', at: 1_700_000_000_000 });

function page() {
  const hook = renderHook(() => useSessionLog());
  const view = () => (
    <MantineProvider>
      <MemoryRouter initialEntries={['/scan']}>
        <SessionLogView
          log={hook.result.current.log}
          onRemove={hook.result.current.remove}
          onClear={hook.result.current.clear}
        />
      </MemoryRouter>
    </MantineProvider>
  );
  const shown = render(view());
  return {
    log: () => hook.result.current,
    /** Render the view with the log as it is now (the page does this on every log change). */
    update: () => shown.rerender(view()),
  };
}

describe('the session log per scan, in renders', () => {
  it('answers a line by re-rendering its outcome only', () => {
    const p = page();
    let id = 0;
    act(() => {
      id = p.log().add(scan('CODE-1'));
    });
    p.update();
    // The first line: its two tooltips, its barcode, and the toolbar that appears with it.
    expect(renders).toEqual({ Tooltip: 2, TextInput: 1, BarcodeText: 1 });

    act(() => p.log().resolve(id, { tone: 'success', result: 'Stock item #12' }));
    p.update();
    expect(screen.getByTestId('session-log-result').textContent).toBe('Stock item #12');
    expect(screen.getByTestId('session-log-summary').textContent).toBe('1 scan: 1 found, 0 not found');
    expect(renders).toEqual({ Tooltip: 2, TextInput: 1, BarcodeText: 1 });
  });

  it('adds a line by rendering that line, not the ones before it nor the toolbar', () => {
    const p = page();
    act(() => {
      const id = p.log().add(scan('CODE-1'));
      p.log().resolve(id, { tone: 'notFound', result: 'No match' });
    });
    p.update();
    const before = { ...renders };
    act(() => {
      p.log().add(scan('CODE-2'));
    });
    p.update();
    expect(screen.getAllByTestId('session-log-entry')).toHaveLength(2);
    expect(renders).toEqual({
      Tooltip: before.Tooltip + 2,
      TextInput: before.TextInput,
      BarcodeText: before.BarcodeText + 1,
    });
  });
});
