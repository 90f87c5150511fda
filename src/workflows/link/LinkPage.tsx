/**
 * /link?model=stockitem&pk=12&barcode=... — assign a manufacturer's or supplier's barcode to an
 * InvenTree object, or remove it. The target comes from the URL, a scan of its own InvenTree
 * label, or a search; then each scan of a third-party barcode links it.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink, IconLink, IconLinkOff, IconQrcode, IconX } from '@tabler/icons-react';
import { useRef } from 'react';
import { Link } from 'react-router';
import { BARCODE_PATHS } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { BARCODE_MODEL_INFO, modelName, modelTitle, webLink, type BarcodeModel } from '../../api/models.ts';
import { mediaUrl } from '../../api/objects.ts';
import { useLinkMutation, useObject, useScanMutation, useUnlinkMutation } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { ObjectSearch } from '../kit/ObjectSearch.tsx';
import { isInternalBarcode } from './linkAnswers.ts';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  type LinkEffect,
  type LinkEvent,
  type LinkState,
  type LinkTarget,
  fromScan,
  linkQuery,
  linkStateFromUrl,
  linkStep,
} from './linkMachine.ts';
import { linkOutcomeLine } from './linkOutcomeText.ts';
import { PAGE_NAMES } from '../../api/workflowNames.ts';

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
      <ObjectCard
        summary={summary}
        imageUrl={mediaUrl(connection.baseUrl, summary.thumbnail ?? summary.image)}
        webUrl={connection.mode === 'server' ? web : null}
      />
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
                context: `to ${modelTitle(target.model)} #${target.pk}`,
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
        io.report(pendingLog.current, linkOutcomeLine(step.state.outcome));
        pendingLog.current = null;
      }
      if (fromScan(event, step)) pendingLog.current = io.pending.take()?.logId ?? null;
    },
  });
  const { state, dispatch } = wf;
  const { target, barcode } = state;
  const busy = state.inFlight;

  return (
    <WorkflowFrame
      workflow={wf}
      testId="link-page"
      title={PAGE_NAMES.linkBarcode}
      intro="Give an InvenTree item the manufacturer’s or supplier’s barcode, so scanning that finds the item."
      scannerSpan={6}
      waiting={{ noun: ['scan', 'scans'], testId: 'link-queue' }}
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
                <ObjectSearch onPick={(t) => dispatch({ type: 'chooseTarget', target: t, via: 'search' })} />
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
      }
    >
      <Modal
        opened={state.confirmingUnlink}
        onClose={() => dispatch({ type: 'cancelUnlink' })}
        title="Remove the custom barcode?"
        centered
      >
        {target && (
          <Stack gap="md">
            <Text size="sm">
              {modelTitle(target.model)} #{target.pk} will no longer be found by scanning its custom barcode. Its
              InvenTree label keeps working.
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
    </WorkflowFrame>
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
          <Text size="sm">It already belongs to this {modelName(model)}; unlink it there first to move it.</Text>
        )}
        {object.data && (
          <ObjectCard
            summary={object.data.summary}
            imageUrl={mediaUrl(baseUrl, object.data.summary.thumbnail)}
            webUrl={web}
          />
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
