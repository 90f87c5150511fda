/**
 * /link?model=stockitem&pk=12&barcode=... — assign a manufacturer's or supplier's barcode to an
 * InvenTree object, or remove it. The target comes from the URL, a scan of its own InvenTree
 * label, or a search; then each scan of a third-party barcode links it. A link's log line offers
 * "Unlink" (linkUndo.ts); the parts of the page are in LinkParts.tsx.
 */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BARCODE_PATHS } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { modelTitle } from '../../api/models.ts';
import { useLinkMutation, useScanMutation, useUnlinkMutation } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { i18n } from '../../i18n/i18n.ts';
import { isInternalBarcode } from './linkAnswers.ts';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  type LinkEffect,
  type LinkEvent,
  type LinkState,
  fromScan,
  linkQuery,
  linkStateFromUrl,
  linkStep,
} from './linkMachine.ts';
import { linkOutcomeLine } from './linkOutcomeText.ts';
import { pageName, type PageId } from '../../api/workflowNames.ts';
import { BarcodePanel, OutcomePanel, TargetPanel } from './LinkParts.tsx';
import { linkUndoOffer, readLinkRef, undoLink } from './linkUndo.ts';

/** This page's id in the one list of page names (its title is read from the catalogue when rendering). */
const PAGE: PageId = 'linkBarcode';

export function LinkPage() {
  const { t } = useTranslation(['wf-link', 'common']);
  const { connection } = useConnection();
  const scanM = useScanMutation();
  const linkM = useLinkMutation();
  const unlinkM = useUnlinkMutation();
  /** The session-log entry waiting for the answer now in flight. */
  const pendingLog = useRef<number | null>(null);

  const wf = useWorkflow<LinkState, LinkEvent, LinkEffect>({
    step: linkStep,
    fromUrl: linkStateFromUrl,
    // Keep the URL bookmarkable: the target, and a barcode still waiting for one.
    toUrl: linkQuery,
    // Server mode: a link the server cannot take now is kept in the offline queue (its log line follows it).
    offline: { route: '/link', kinds: ['link'] },
    perform: async (effect, io) => {
      switch (effect.kind) {
        case 'scan':
          return { type: 'answer', to: 'scan', answer: await settle(scanM.mutateAsync(effect.barcode)) };
        case 'link': {
          const { barcode, target } = effect;
          // An InvenTree label scanned with a target set means "this object instead": only the server can say which.
          const write = isInternalBarcode(barcode)
            ? null
            : {
                kind: 'link' as const,
                path: BARCODE_PATHS.link,
                body: { barcode, [target.model]: target.pk },
                barcode,
                context: i18n.t('wf-link:queueContext', { model: modelTitle(target.model), pk: target.pk }),
              };
          return answered(
            'link',
            await io.submit(write, pendingLog.current, () =>
              linkM.mutateAsync({ barcode, model: target.model, pk: target.pk }),
            ),
          );
        }
        case 'unlink':
          return {
            type: 'answer',
            to: 'unlink',
            answer: await settle(unlinkM.mutateAsync({ model: effect.target.model, pk: effect.target.pk })),
          };
      }
    },
    onStep: (before, event, step, io) => {
      if (event.type === 'queued' && before.inFlight?.kind === 'link') {
        // The queue owns this scan's log line now.
        pendingLog.current = null;
        io.report(null, { tone: 'queued', result: '' });
      }
      if (event.type === 'answer' && step.state.outcome) {
        const o = step.state.outcome;
        io.report(pendingLog.current, linkOutcomeLine(o));
        if (o.kind === 'linked' && before.inFlight?.kind === 'link') io.offer(pendingLog.current, linkUndoOffer(o));
        pendingLog.current = null;
      }
      if (fromScan(event, step)) pendingLog.current = io.pending.take()?.logId ?? null;
    },
    undo: {
      perform: ({ ref }) => undoLink(connection, ref),
      done: ({ ref }) => {
        const r = readLinkRef(ref);
        return r ? { type: 'linkUndone', target: { model: r.model, pk: r.pk } } : null;
      },
    },
  });
  const { state, dispatch } = wf;
  const { target } = state;
  const busy = state.inFlight !== null;

  return (
    <WorkflowFrame
      workflow={wf}
      testId="link-page"
      title={pageName(PAGE)}
      intro={t('intro')}
      scannerSpan={6}
      waiting={{ noun: 'scan', testId: 'link-queue' }}
      result={
        <OutcomePanel
          state={state}
          baseUrl={connection.baseUrl}
          serverMode={connection.mode === 'server'}
          onUseMatch={() => dispatch({ type: 'useMatchAsTarget' })}
        />
      }
      panel={
        <Stack gap="md">
          <TargetPanel target={target} busy={busy} dispatch={dispatch} />
          <BarcodePanel state={state} busy={busy} dispatch={dispatch} />
        </Stack>
      }
    >
      <Modal
        opened={state.confirmingUnlink}
        onClose={() => dispatch({ type: 'cancelUnlink' })}
        title={t('unlinkDialog.title')}
        centered
      >
        {target && (
          <Stack gap="md">
            <Text size="sm">{t('unlinkDialog.body', { model: modelTitle(target.model), pk: target.pk })}</Text>
            <Group justify="flex-end">
              <Button variant="default" mih={44} onClick={() => dispatch({ type: 'cancelUnlink' })}>
                {t('common:cancel')}
              </Button>
              <Button
                color="red"
                mih={44}
                onClick={() => dispatch({ type: 'confirmUnlink' })}
                data-testid="confirm-unlink"
              >
                {t('unlinkDialog.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </WorkflowFrame>
  );
}

export default LinkPage;
