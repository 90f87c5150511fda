/**
 * /scan — point, scan, see. The scan workflow on the kit's frame: camera, scanner gun or manual
 * entry feed the machine; the newest result shows as a card, every scan goes to the session log,
 * and each outcome gets its own sound, vibration and flash (the flash is mounted once, in the
 * layout). Phone: camera full width, the result in a sheet over its lower part (kit/ResultSheet),
 * the log below; tablet and desktop: camera on the left, result and log on the right.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BARCODE_PATHS, scanBarcode, scanAnswerOfQueued } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { predictApiUrl } from '../../api/models.ts';
import { loadObject } from '../../api/objects.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useConnection } from '../../connection/useConnection.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import { ScanResultView } from './ScanResultView.tsx';
import { initialScanState, step, type ScanEffect, type ScanState, type ScanWorkflowEvent } from './scanWorkflow.ts';
import { pageName } from '../../api/workflowNames.ts';

export function ScanPage() {
  // Loads this workflow's catalogue before the first render (the machine's texts read it too).
  const { t } = useTranslation('wf-scan');
  const title = pageName('scan');
  const { connection, connectionKey } = useConnection();
  const queryClient = useQueryClient();
  /**
   * Details loading alongside the lookup in flight: an InvenTree JSON barcode names its object, so
   * the card need not wait for the lookup's answer before asking for it (one round trip less). One
   * slot: the card's object is loaded right after its lookup, before the next lookup starts.
   */
  const early = useRef<{ seq: number; apiUrl: string; data: Promise<Record<string, unknown> | null> } | null>(null);
  /** The log line of each scan whose card may still relabel it, by seq (the card's scan only). */
  const cardLog = useRef<{ seq: number; logId: number } | null>(null);

  const wf = useWorkflow<ScanState, ScanWorkflowEvent, ScanEffect>({
    step,
    fromUrl: () => initialScanState,
    // Server mode: a scan the server cannot take now waits in the offline queue, sent in order later.
    offline: {
      route: '/scan',
      kinds: ['scan'],
      onAnswered: (item) => {
        if (item.answer) wf.dispatch({ type: 'fromQueue', id: item.id, answer: scanAnswerOfQueued(item.answer) });
      },
    },
    perform: async (effect, io) => {
      if (effect.kind === 'lookup') {
        const { barcode, seq } = effect;
        // The scans before this one have all ended, so the oldest pending log line is this scan's.
        const logId = io.pending.peek()?.logId ?? null;
        const write = { kind: 'scan' as const, path: BARCODE_PATHS.scan, body: { barcode }, barcode, context: '' };
        const result = await io.submit(write, logId, () => {
          const guess = predictApiUrl(barcode);
          early.current = null;
          if (guess) {
            // A wrong guess is simply not used.
            const data = loadObject(connection, guess).then(
              (loaded) => loaded.data,
              () => null,
            );
            early.current = { seq, apiUrl: guess, data };
          }
          return scanBarcode(connection, barcode);
        });
        // The server may have written scan history.
        void queryClient.invalidateQueries({ queryKey: queryKeys.histories(connectionKey) });
        return answered('lookup', result);
      }
      const guessed = early.current;
      early.current = null;
      const data = guessed?.seq === effect.seq && guessed.apiUrl === effect.match.apiUrl ? await guessed.data : null;
      return {
        type: 'answer',
        to: 'loadObject',
        answer: data
          ? { kind: 'answered', value: data }
          : await settle(loadObject(connection, effect.match.apiUrl).then((l) => l.data)),
      };
    },
    onStep: (before, _event, next, io) => {
      const { ended, relabel, current } = next.state;
      if (ended !== before.ended) {
        for (const scan of ended) {
          const logId = io.pending.take()?.logId;
          // A queued scan's line belongs to the offline queue now; it gives no outcome feedback yet.
          if (scan.line === null || logId === undefined) continue;
          io.report(logId, scan.line);
          if (scan.seq === current?.seq) cardLog.current = { seq: scan.seq, logId };
        }
      }
      if (relabel && relabel !== before.relabel && cardLog.current?.seq === relabel.seq)
        io.log.relabel(cardLog.current.logId, relabel.result);
    },
  });

  // Refused before sending (too long, NUL): logged like any failed scan, with the reason. Stable
  // (log.add and feedback are), so the memoised scanner does not re-render with every log change.
  const { add: addLine } = wf.log;
  const { feedback } = wf;
  const onRefused = useCallback(
    (event: ScanEvent, refusal: { message: string }) => {
      addLine(event, { tone: 'error', result: refusal.message });
      feedback.signal('error');
    },
    [addLine, feedback],
  );

  return (
    <WorkflowFrame
      workflow={wf}
      testId="scan-page"
      title={title}
      intro=""
      titleHidden
      logBeside
      scannerSpan={6}
      scannerSpanLg={7}
      onRefused={onRefused}
      // Phones: the result slides up over the camera, where the eye is, until the next scan or a dismiss.
      resultSheet={{ key: wf.state.current?.seq ?? null, label: t('page.resultSheet') }}
      result={
        <ScanResultView attempt={wf.state.current} baseUrl={connection.mode === 'demo' ? '' : connection.baseUrl} />
      }
    />
  );
}
