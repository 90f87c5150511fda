// @vitest-environment jsdom
// A scan changes the page's state (its log line, then the card), not the scanner: the camera, gun
// and manual entry (~100 components) must not re-render with it (issue 15: no main-thread task over
// 50 ms while scanning). Counted with a render counter in place of ScanInput.
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, renderHook, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScanInputProps } from '../../scanner/ScanInput.tsx';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import type { Workflow } from './useWorkflow.ts';
import { WorkflowFrame } from './WorkflowFrame.tsx';

const scanner = vi.hoisted(() => ({ renders: 0 }));
vi.mock('../../scanner/ScanInput.tsx', () => ({
  ScanInput: (props: ScanInputProps) => {
    scanner.renders += 1;
    return <div data-testid="scan-input" data-autostart={String(props.autoStartCamera)} />;
  },
}));

afterEach(() => cleanup());

const onScan = () => {};
const onRepeat = () => {};

function frame(log: Workflow['log'], cameraOnRequest = false) {
  const workflow: Workflow = { busy: false, waiting: 0, log, onScan, onRepeat, onUndo: undefined, offlineQueue: null };
  const last = log.log.entries[0];
  return (
    <MantineProvider>
      <MemoryRouter initialEntries={['/scan']}>
        <WorkflowFrame
          workflow={workflow}
          testId="page"
          title="Scan"
          intro=""
          logBeside
          cameraOnRequest={cameraOnRequest}
          result={<p data-testid="card">{last ? `${last.text}: ${last.result}` : 'none'}</p>}
        />
      </MemoryRouter>
    </MantineProvider>
  );
}

describe('the workflow frame while scanning', () => {
  it('shows each scan and its answer without re-rendering the scanner', () => {
    const hook = renderHook(() => useSessionLog());
    scanner.renders = 0;
    const shown = render(frame(hook.result.current));
    expect(scanner.renders).toBe(1);
    for (let i = 1; i <= 3; i++) {
      let id = 0;
      act(() => {
        id = hook.result.current.add({ text: `CODE-${i}`, source: 'camera', format: 'qrcode', at: 1_700_000_000_000 });
      });
      shown.rerender(frame(hook.result.current));
      act(() => hook.result.current.resolve(id, { tone: 'success', result: `Stock item #${i}` }));
      shown.rerender(frame(hook.result.current));
    }
    expect(screen.getByTestId('card').textContent).toBe('CODE-3: Stock item #3');
    expect(screen.getAllByTestId('session-log-entry')).toHaveLength(3);
    expect(scanner.renders).toBe(1);
  });

  it('re-renders the scanner when its own props change', () => {
    const hook = renderHook(() => useSessionLog());
    scanner.renders = 0;
    const shown = render(frame(hook.result.current));
    shown.rerender(frame(hook.result.current, true));
    expect(screen.getByTestId('scan-input').dataset.autostart).toBe('false');
    expect(scanner.renders).toBe(2);
  });
});
