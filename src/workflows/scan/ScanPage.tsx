/**
 * /scan — point, scan, see. One ScanInput (camera, scanner gun, manual entry) feeds the scan
 * workflow; the newest result shows as a card, every scan goes to the session log, and each
 * outcome gets its own sound, vibration and flash (the flash is mounted once, in the layout). Phone: everything stacked, camera full width.
 * Tablet and desktop: camera on the left, result and log on the right.
 */
import { Grid, Stack, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useMemo, useRef } from 'react';
import { useConnection } from '../../connection/useConnection.ts';
import { OfflineQueueStatus } from '../../offline/OfflineQueueStatus.tsx';
import type { QueuedAction } from '../../offline/queueMachine.ts';
import { useQueueLog } from '../../offline/useQueueLog.ts';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { useFeedback } from '../../scanner/useFeedback.ts';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import { ScanResultView } from './ScanResultView.tsx';
import type { LogOutcome } from './scanWorkflow.ts';
import { useScanWorkflow } from './useScanWorkflow.ts';

export function ScanPage() {
  const { connection, connectionKey } = useConnection();
  const log = useSessionLog();
  const feedback = useFeedback();

  const onOutcome = useCallback(
    (outcome: LogOutcome) => feedback.signal(outcome.tone === 'success' ? 'match' : outcome.tone === 'notFound' ? 'nomatch' : 'error'),
    [feedback],
  );
  // Server mode: scans the server cannot take now wait in the offline queue; their log lines follow them.
  const answered = useRef<(item: QueuedAction, seq: number | undefined) => void>(() => undefined);
  const onAnswered = useCallback((item: QueuedAction, seq: number | undefined) => answered.current(item, seq), []);
  const { queue, enqueue } = useQueueLog({ log, route: '/scan', kinds: ['scan'], onAnswered });
  const offline = useMemo(() => (queue ? { shouldQueue: queue.shouldQueue, enqueue } : null), [queue, enqueue]);
  const { state, scan, queueAnswer } = useScanWorkflow({ connection, connectionKey, log, onOutcome, offline });
  answered.current = (item, seq) => {
    if (seq !== undefined && item.answer) queueAnswer(seq, item.answer);
  };

  const onRepeat = useCallback(
    (event: ScanEvent) => {
      log.add(event, { tone: 'repeat', result: 'Already scanned moments ago' });
      feedback.repeat();
    },
    [log, feedback],
  );

  // Refused before sending (too long, NUL): logged like any failed scan, with the reason.
  const onRefused = useCallback(
    (event: ScanEvent, refusal: { message: string }) => {
      log.add(event, { tone: 'error', result: refusal.message });
      feedback.signal('error');
    },
    [log, feedback],
  );

  return (
    <>
      <VisuallyHidden>
        <Title order={1}>Scan</Title>
      </VisuallyHidden>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6, lg: 7 }}>
          <ScanInput onScan={scan} onRepeat={onRepeat} onRefused={onRefused} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 5 }}>
          <Stack gap="md">
            <ScanResultView attempt={state.current} baseUrl={connection.mode === 'demo' ? '' : connection.baseUrl} />
            <OfflineQueueStatus />
            <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} onRetry={queue?.retry} onDiscard={queue?.discard} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
