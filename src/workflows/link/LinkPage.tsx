/**
 * /link?model=stockitem&pk=12&barcode=... — assign a manufacturer's or supplier's barcode to an
 * InvenTree object, or remove it. The target comes from the URL, a scan of its own InvenTree
 * label, or a search; then each scan of a third-party barcode links it.
 */
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconExternalLink, IconLink, IconLinkOff, IconQrcode, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { rawAnswer, settleRaw as settle, type HttpAnswer } from '../../api/httpAnswer.ts';
import { BARCODE_MODEL_INFO, modelName, modelTitle, webLink, type BarcodeModel } from '../../api/models.ts';
import { mediaUrl } from '../../api/objects.ts';
import { useLinkMutation, useObject, useScanMutation, useUnlinkMutation } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { OfflineQueueStatus } from '../../offline/OfflineQueueStatus.tsx';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { isQueued, type Queued } from '../../offline/sendOrQueue.ts';
import { useOfflineWrites } from '../../offline/useOfflineWrites.ts';
import { FeedbackFlash } from '../../scanner/FeedbackFlash.tsx';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { useFeedback } from '../../scanner/useFeedback.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { ObjectSearchPicker } from '../../ui/ObjectSearchPicker.tsx';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { feedbackForTone, useRepeatScan } from '../../ui/scanFeedback.ts';
import { useMachine } from '../../ui/useMachine.ts';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import { isInternalBarcode } from './linkAnswers.ts';
import { type LinkEffect, type LinkEvent, type LinkState, type LinkStep, type LinkTarget, linkStateFromUrl, linkStep } from './linkMachine.ts';
import { linkOutcomeLine } from './linkOutcomeText.ts';

/** The object behind a target, as the shared card shows it. */
function TargetCard({ target }: { target: LinkTarget }) {
  const { connection } = useConnection();
  const object = useObject(BARCODE_MODEL_INFO[target.model].apiUrl(target.pk));
  if (object.isLoading) return <Loader size="sm" aria-label="Loading the item" />;
  if (object.error || !object.data) {
    return (
      <Text size="sm" c="dimmed">
        {modelTitle(target.model)} #{target.pk}
      </Text>
    );
  }
  const { summary, data } = object.data;
  const hasCustom = typeof data.barcode_hash === 'string' && data.barcode_hash !== '';
  const web = webLink(connection.baseUrl, { webUrl: BARCODE_MODEL_INFO[target.model].webPath?.(target.pk) ?? null });
  return (
    <Stack gap={6}>
      <ObjectCard summary={summary} imageUrl={mediaUrl(connection.baseUrl, summary.thumbnail ?? summary.image)} webUrl={connection.mode === 'server' ? web : null} />
      <Group gap="xs">
        <Badge color={hasCustom ? 'teal' : 'gray'} variant="light" data-testid="custom-barcode-state">
          {hasCustom ? 'Has a custom barcode' : 'No custom barcode'}
        </Badge>
        {hasCustom && (
          <Text size="xs" c="dimmed">
            Linking another replaces it.
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function LinkPage() {
  const [params, setParams] = useSearchParams();
  const { connection } = useConnection();
  const feedback = useFeedback();
  const log = useSessionLog();
  const scanM = useScanMutation();
  const linkM = useLinkMutation();
  const unlinkM = useUnlinkMutation();

  /** Session-log entries of scans not yet sent, oldest first (the machine queues the scans). */
  const waitingLogs = useRef<number[]>([]);
  /** The session-log entry waiting for the answer now in flight. */
  const pendingLog = useRef<number | null>(null);

  // Server mode: a link the server cannot take now is kept in the offline queue (its log line follows it).
  const offline = useOfflineWrites({ log, route: '/link', kinds: ['link'] });

  const run = (effect: LinkEffect): Promise<HttpAnswer | Queued> => {
    switch (effect.kind) {
      case 'scan':
        return settle(scanM.mutateAsync(effect.barcode), rawAnswer);
      case 'link': {
        const { barcode, target } = effect;
        // An InvenTree label scanned with a target set means "this object instead": only the server can say which.
        const write = isInternalBarcode(barcode)
          ? null
          : { kind: 'link' as const, path: '/api/barcode/link/', body: { barcode, [target.model]: target.pk }, barcode, context: `to ${modelTitle(target.model)} #${target.pk}` };
        return offline.send(write, pendingLog.current, () => linkM.mutateAsync({ barcode, model: target.model, pk: target.pk }), rawAnswer);
      }
      case 'unlink':
        return settle(unlinkM.mutateAsync({ model: effect.target.model, pk: effect.target.pk }), rawAnswer);
    }
  };

  const { state, dispatch } = useMachine<LinkState, LinkEvent, LinkEffect, LinkStep, HttpAnswer | Queued>({
    initial: () => linkStateFromUrl(params),
    step: linkStep,
    run,
    answerEvent: (answer) => (isQueued(answer) ? { type: 'queued', id: answer.id, reason: answer.reason } : { type: 'answer', answer }),
    onStep: (before, event, step) => {
      if (event.type === 'queued' && before.inFlight?.kind === 'link') {
        // The queue owns this scan's log line now.
        pendingLog.current = null;
        feedbackForTone(feedback, 'queued');
      }
      if (event.type === 'answer' && step.state.outcome) {
        const line = linkOutcomeLine(step.state.outcome);
        if (pendingLog.current !== null) log.resolve(pendingLog.current, line);
        pendingLog.current = null;
        feedbackForTone(feedback, line.tone);
      }
      if (step.effect && step.fromScan) pendingLog.current = waitingLogs.current.shift() ?? null;
    },
  });

  const logRef = useRef(log);
  logRef.current = log;
  const onScan = useCallback(
    (scan: ScanEvent) => {
      if (scan.text.trim() === '') return;
      waitingLogs.current.push(logRef.current.add(scan));
      dispatch({ type: 'scan', scan });
    },
    [dispatch],
  );
  const onRepeat = useRepeatScan(log, feedback);

  // Keep the URL bookmarkable: the target, and a barcode still waiting for one.
  useEffect(() => {
    const next = new URLSearchParams();
    if (state.target) {
      next.set('model', state.target.model);
      next.set('pk', String(state.target.pk));
    }
    if (state.barcode) next.set('barcode', state.barcode);
    if (next.toString() !== params.toString()) setParams(next, { replace: true });
  }, [state.target, state.barcode, params, setParams]);

  const { target, barcode, busy } = state;

  return (
    <Stack gap="md" data-testid="link-page">
      <FeedbackFlash />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <div>
          <Title order={1} size="h2">Link a barcode</Title>
          <Text size="sm" c="dimmed">
            Give an InvenTree item the manufacturer’s or supplier’s barcode, so scanning that finds the item.
          </Text>
        </div>
        {busy && <Loader size="sm" aria-label="Working" />}
      </Group>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap="md">
            <ScanInput onScan={onScan} onRepeat={onRepeat} />
            {state.queue.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="link-queue">
                {state.queue.length} more {state.queue.length === 1 ? 'scan' : 'scans'} waiting…
              </Text>
            )}
            <OutcomePanel
              state={state}
              baseUrl={connection.baseUrl}
              serverMode={connection.mode === 'server'}
              onUseMatch={() => dispatch({ type: 'useMatchAsTarget' })}
            />
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md" data-testid="link-target">
              <Group justify="space-between" mb="xs">
                <Text fw={700}>1 · Item</Text>
                {target && (
                  <Button size="xs" variant="subtle" onClick={() => dispatch({ type: 'clearTarget' })}>
                    Choose another
                  </Button>
                )}
              </Group>
              {target ? (
                <Stack gap="sm">
                  <TargetCard target={target} />
                  <Group gap="xs">
                    <Button
                      size="sm"
                      variant="light"
                      color="red"
                      leftSection={<IconLinkOff size={16} />}
                      onClick={() => dispatch({ type: 'askUnlink' })}
                      disabled={busy !== null}
                    >
                      Unlink barcode
                    </Button>
                    <Button
                      size="sm"
                      variant="subtle"
                      component={Link}
                      to={`/generate?model=${target.model}&pk=${target.pk}`}
                      leftSection={<IconQrcode size={16} />}
                    >
                      InvenTree label
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Stack gap="xs">
                  <Text size="sm">Scan the item’s InvenTree label, or find it:</Text>
                  <ObjectSearchPicker onPick={(t) => dispatch({ type: 'chooseTarget', target: t, via: 'search' })} />
                </Stack>
              )}
            </Card>

            <Card withBorder radius="md" padding="md" data-testid="link-barcode">
              <Text fw={700} mb="xs">
                2 · Barcode to link
              </Text>
              {barcode ? (
                <Stack gap="xs">
                  <BarcodeText text={barcode} />
                  <Group gap="xs">
                    <Button
                      leftSection={<IconLink size={16} />}
                      onClick={() => dispatch({ type: 'confirmLink' })}
                      disabled={!target || busy !== null}
                      data-testid="confirm-link"
                    >
                      {target ? `Link to this ${modelName(target.model)}` : 'Choose the item first'}
                    </Button>
                    <Button variant="subtle" color="gray" onClick={() => dispatch({ type: 'clearBarcode' })}>
                      Forget it
                    </Button>
                  </Group>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {target
                    ? 'Scan the manufacturer’s or supplier’s barcode now: it is linked at once.'
                    : 'Scan it now or after choosing the item.'}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>

      <OfflineQueueStatus />
      <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} onRetry={offline.queue?.retry} onDiscard={offline.queue?.discard} />

      <Modal
        opened={state.confirmingUnlink}
        onClose={() => dispatch({ type: 'cancelUnlink' })}
        title="Remove the custom barcode?"
        centered
      >
        {target && (
          <Stack gap="md">
            <Text size="sm">
              {modelTitle(target.model)} #{target.pk} will no longer be found by scanning its custom barcode. Its InvenTree
              label keeps working.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => dispatch({ type: 'cancelUnlink' })}>
                Cancel
              </Button>
              <Button color="red" onClick={() => dispatch({ type: 'confirmUnlink' })} data-testid="confirm-unlink">
                Unlink
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function OutcomePanel({
  state,
  baseUrl,
  serverMode,
  onUseMatch,
}: {
  state: LinkState;
  baseUrl: string;
  serverMode: boolean;
  onUseMatch: () => void;
}) {
  const outcome = state.outcome;
  if (!outcome || outcome.kind === 'targetChosen') return null;
  switch (outcome.kind) {
    case 'barcodePending':
      return (
        <Alert color="blue" variant="light" title="Not linked to anything yet" data-testid="link-outcome">
          <Text size="sm">Choose the item it belongs to (scan its InvenTree label or search), then link it.</Text>
        </Alert>
      );
    case 'linked':
      return (
        <Alert color="teal" variant="light" icon={<IconCheck />} title="Barcode linked" data-testid="link-outcome">
          <Stack gap={4}>
            <BarcodeText text={outcome.barcode} />
            <Text size="sm">
              Scanning it now finds {modelName(outcome.target.model)} #{outcome.target.pk}.
            </Text>
          </Stack>
        </Alert>
      );
    case 'queued':
      return <QueuedOutcome id={outcome.queueId} barcode={outcome.barcode} reason={outcome.reason} />;
    case 'unlinked':
      return (
        <Alert color="teal" variant="light" icon={<IconCheck />} title="Barcode removed" data-testid="link-outcome">
          <Text size="sm">
            {modelTitle(outcome.target.model)} #{outcome.target.pk} has no custom barcode now.
          </Text>
        </Alert>
      );
    case 'alreadyLinked':
      return <AlreadyLinked outcome={outcome} baseUrl={baseUrl} serverMode={serverMode} onUseMatch={onUseMatch} />;
    case 'error':
      return (
        <Alert
          color={outcome.reason === 'forbidden' ? 'orange' : 'red'}
          variant="light"
          icon={<IconX />}
          title={outcome.reason === 'forbidden' ? 'Not allowed' : 'Not linked'}
          role="alert"
          data-testid="link-outcome"
        >
          <Text size="sm">{outcome.message}</Text>
        </Alert>
      );
  }
}

function AlreadyLinked({
  outcome,
  baseUrl,
  serverMode,
  onUseMatch,
}: {
  outcome: Extract<NonNullable<LinkState['outcome']>, { kind: 'alreadyLinked' }>;
  baseUrl: string;
  serverMode: boolean;
  onUseMatch: () => void;
}) {
  const object = useObject(outcome.match.apiUrl);
  const model: BarcodeModel = outcome.match.model;
  const web = serverMode ? webLink(baseUrl, outcome.match) : null;
  return (
    <Alert
      color={outcome.isTarget ? 'blue' : 'yellow'}
      variant="light"
      title={outcome.isTarget ? 'Already linked to this item' : 'Barcode matches existing item'}
      data-testid="link-outcome"
    >
      <Stack gap="xs">
        <BarcodeText text={outcome.barcode} />
        {!outcome.isTarget && (
          <Text size="sm">
            It already belongs to this {modelName(model)}; unlink it there first to move it.
          </Text>
        )}
        {object.data && (
          <ObjectCard summary={object.data.summary} imageUrl={mediaUrl(baseUrl, object.data.summary.thumbnail)} webUrl={web} />
        )}
        {!outcome.isTarget && (
          <Group gap="xs">
            <Button size="xs" onClick={onUseMatch} data-testid="open-match">
              Open this {modelName(model)}
            </Button>
            {web && (
              <Anchor href={web} target="_blank" rel="noreferrer" size="sm">
                In InvenTree <IconExternalLink size={12} />
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

export default LinkPage;
