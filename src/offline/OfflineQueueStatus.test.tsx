// @vitest-environment jsdom
// The queue's one line where scanning happens: how many wait and how many failed, counted with the
// language's plural forms and number format (a German worker reads "1.000 Vorgänge").
import { MantineProvider } from '@mantine/core';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/i18n.ts';
import { OfflineQueueContext, type OfflineQueueValue } from './offlineQueueContext.ts';
import { OfflineQueueStatus } from './OfflineQueueStatus.tsx';
import { createAction, type QueuedAction, type QueueStatus } from './queueMachine.ts';

const SERVER = 'https://inventree.example.com';

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

function actions(counts: Partial<Record<QueueStatus, number>>): QueuedAction[] {
  const items: QueuedAction[] = [];
  for (const [status, n] of Object.entries(counts) as [QueueStatus, number][]) {
    for (let k = 0; k < n; k++) {
      const input = {
        kind: 'scan' as const,
        path: '/api/barcode/',
        body: {},
        barcode: `Q-${items.length}`,
        source: 'manual' as const,
        format: null,
        at: 0,
        server: SERVER,
        route: '/scan',
        context: '',
      };
      items.push({ ...createAction(items, input, `q${items.length}`, 0), status });
    }
  }
  return items;
}

function show(items: QueuedAction[]) {
  const value: OfflineQueueValue = {
    items,
    server: SERVER,
    shouldQueue: () => true,
    enqueue: () => Promise.reject(new Error('not in this test')),
    retry: () => {},
    discard: () => {},
    sendNow: () => {},
  };
  render(
    <MantineProvider>
      <OfflineQueueContext.Provider value={value}>
        <OfflineQueueStatus />
      </OfflineQueueContext.Provider>
    </MantineProvider>,
  );
  return screen.queryByTestId('offline-queue-counts');
}

describe('OfflineQueueStatus', () => {
  it('says how many wait and how many failed, in English', () => {
    expect(show(actions({ queued: 1, failed: 2 }))).toHaveProperty(
      'textContent',
      '1 waiting to be sent · 2 not sent: retry or discard them in the log',
    );
  });

  it('is hidden when nothing waits or failed', () => {
    expect(show(actions({ done: 3 }))).toBeNull();
  });

  it('counts with German plurals and German numbers', async () => {
    await act(() => i18n.changeLanguage('de'));
    expect(show(actions({ queued: 1 }))).toHaveProperty('textContent', '1 Vorgang in der Warteschlange');
    cleanup();
    expect(show(actions({ queued: 999, sending: 1, failed: 1 }))).toHaveProperty(
      'textContent',
      '1.000 Vorgänge in der Warteschlange (wird gesendet …) · 1 Vorgang nicht gesendet: im Protokoll erneut versuchen oder verwerfen',
    );
    expect(screen.getByRole('button', { name: 'Jetzt senden' })).toBeTruthy();
  });
});
