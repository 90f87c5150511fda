/**
 * /generate?model=stockitem&pk=12 — show an object's InvenTree barcode as QR, Data Matrix or
 * Code 128, download it (PNG/SVG), copy its text, and print a label sheet.
 */
import { Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { generateBarcode, scanBarcode } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { BARCODE_MODEL_INFO, modelTitle } from '../../api/models.ts';
import { mediaUrl } from '../../api/objects.ts';
import { useObject } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { i18n } from '../../i18n/i18n.ts';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { ObjectSearch } from '../kit/ObjectSearch.tsx';
import { useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import { BarcodePanel } from './BarcodePanel.tsx';
import {
  generateStep,
  generateTargetFromUrl,
  initialGenerateState,
  type GenerateEffect,
  type GenerateEvent,
  type GenerateState,
} from './generateMachine.ts';
import { pageName } from '../../api/workflowNames.ts';
import { FailureAlert } from '../kit/FailureAlert.tsx';

export function GeneratePage() {
  const { t } = useTranslation('wf-generate');
  const title = pageName('printBarcode');
  const [params, setParams] = useSearchParams();
  const { connection, status } = useConnection();
  const signedIn = status === 'signed-in';

  const wf = useWorkflow<GenerateState, GenerateEvent, GenerateEffect>({
    step: generateStep,
    // The URL's object is taken once signed in (below), so that its barcode is asked for then.
    fromUrl: () => initialGenerateState,
    perform: async (effect) =>
      effect.kind === 'scan'
        ? { type: 'answer', to: 'scan', answer: await settle(scanBarcode(connection, effect.barcode)) }
        : {
            type: 'answer',
            to: 'generate',
            answer: await settle(generateBarcode(connection, effect.target.model, effect.target.pk)),
          },
    onStep: (before, event, step, io) => {
      if (event.type === 'scan' && before.inFlight) {
        // One object at a time: a scan while its barcode is on the way is not taken.
        const ignored = io.pending.take();
        if (ignored) io.log.resolve(ignored.logId, { tone: 'repeat', result: i18n.t('wf-generate:log.ignored') });
        return;
      }
      // A scan's answer may chain into generate; the log entry resolves once a final outcome is known.
      if (event.type !== 'answer' || step.effect || !step.state.outcome || io.pending.size === 0) return;
      const o = step.state.outcome;
      const logId = io.pending.take()?.logId;
      if (o.kind === 'generated') {
        io.report(logId, {
          tone: 'success',
          result: i18n.t('wf-generate:log.generated', {
            model: modelTitle(o.target.model),
            pk: o.target.pk,
            barcode: o.barcode,
          }),
          to: `/generate?model=${o.target.model}&pk=${o.target.pk}`,
        });
      } else {
        io.report(logId, { tone: o.reason === 'noMatch' ? 'notFound' : 'error', result: o.message });
      }
    },
  });
  const { state, stateRef, dispatch } = wf;

  // The URL names the object (on arrival, or when a link or the user changes it).
  // Only once signed in: a request sent while demo sign-in is still under way would get a 401.
  useEffect(() => {
    if (!signedIn) return;
    const target = generateTargetFromUrl(params);
    const cur = stateRef.current.target;
    if (target && (!cur || cur.model !== target.model || cur.pk !== target.pk))
      dispatch({ type: 'chooseTarget', target });
  }, [params, dispatch, signedIn, stateRef]);

  // Keep the URL on the chosen object so the page can be bookmarked or shared.
  // Not before sign-in (the URL's object has not been taken yet); read the machine's newest state,
  // which a dispatch in this same commit may already have changed.
  useEffect(() => {
    if (!signedIn) return;
    const target = stateRef.current.target;
    const want = target ? `model=${target.model}&pk=${target.pk}` : '';
    if (want !== params.toString()) setParams(new URLSearchParams(want), { replace: true });
  }, [state.target, params, setParams, signedIn, stateRef]);

  const object = useObject(state.target ? BARCODE_MODEL_INFO[state.target.model].apiUrl(state.target.pk) : null);

  return (
    <WorkflowFrame
      workflow={wf}
      testId="generate-page"
      title={title}
      intro={t('intro')}
      // The label is the point of this page: the camera starts only when asked.
      cameraOnRequest
      busyInTitle={false}
      result={
        <Card withBorder radius="md" padding="md" data-testid="generate-target">
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('item')}</Text>
            {state.target && (
              <Button size="xs" variant="subtle" onClick={() => dispatch({ type: 'clearTarget' })}>
                {t('chooseAnother')}
              </Button>
            )}
          </Group>
          {state.target ? (
            object.data ? (
              <ObjectCard
                summary={object.data.summary}
                imageUrl={mediaUrl(connection.baseUrl, object.data.summary.thumbnail ?? object.data.summary.image)}
                webUrl={null}
              />
            ) : (
              <Text size="sm">{t('objectRef', { model: modelTitle(state.target.model), pk: state.target.pk })}</Text>
            )
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t('scanOrFind')}</Text>
              <ObjectSearch onPick={(target) => dispatch({ type: 'chooseTarget', target })} />
            </Stack>
          )}
        </Card>
      }
      panel={
        <Stack gap="md">
          {state.inFlight && <Loader size="sm" aria-label={t('working')} />}
          {state.outcome?.kind === 'error' && (
            <FailureAlert title={t('noBarcode')} data-testid="generate-error">
              {state.outcome.message}
            </FailureAlert>
          )}
          {state.barcode && state.target && (
            <BarcodePanel
              text={state.barcode}
              summary={object.data?.summary ?? null}
              fileStem={`${state.target.model}-${state.target.pk}`}
            />
          )}
        </Stack>
      }
    />
  );
}

export default GeneratePage;
