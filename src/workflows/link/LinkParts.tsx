/**
 * The Link page's parts: the target (its card, whether it has a custom barcode, unlink), the
 * barcode waiting to be linked, and the outcome of the latest scan.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Loader, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink, IconLink, IconLinkOff, IconQrcode } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BARCODE_MODEL_INFO, modelName, modelTitle, webLink, type BarcodeModel } from '../../api/models.ts';
import { mediaUrl } from '../../api/objects.ts';
import { useObject } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { ObjectSearch } from '../kit/ObjectSearch.tsx';
import type { LinkEvent, LinkState, LinkTarget } from './linkMachine.ts';
import { FailureAlert } from '../kit/FailureAlert.tsx';

type Dispatch = (event: LinkEvent) => void;

/** Step 1: the object to link to — its card, whether it has a custom barcode, unlink — or how to choose one. */
export function TargetPanel({
  target,
  busy,
  dispatch,
}: {
  target: LinkTarget | null;
  busy: boolean;
  dispatch: Dispatch;
}) {
  const { t } = useTranslation('wf-link');
  return (
    <Card withBorder radius="md" padding="md" data-testid="link-target">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('target.heading')}</Text>
        {target && (
          <Button size="sm" mih={44} variant="subtle" onClick={() => dispatch({ type: 'clearTarget' })}>
            {t('target.chooseAnother')}
          </Button>
        )}
      </Group>
      {target ? (
        <TargetCard target={target} busy={busy} dispatch={dispatch} />
      ) : (
        <Stack gap="xs">
          <Text size="sm">{t('target.scanOrFind')}</Text>
          <ObjectSearch onPick={(t) => dispatch({ type: 'chooseTarget', target: t, via: 'search' })} />
        </Stack>
      )}
    </Card>
  );
}

/** The object behind a target, as the shared card shows it, with unlink (only when there is a custom barcode). */
function TargetCard({ target, busy, dispatch }: { target: LinkTarget; busy: boolean; dispatch: Dispatch }) {
  const { t } = useTranslation('wf-link');
  const { connection } = useConnection();
  const object = useObject(BARCODE_MODEL_INFO[target.model].apiUrl(target.pk));
  const data = object.data?.data;
  // Unknown (loading, unreadable): unlink stays offered; InvenTree then says what it did.
  const hasCustom = data ? typeof data.barcode_hash === 'string' && data.barcode_hash !== '' : null;
  const web = webLink(connection.baseUrl, { webUrl: BARCODE_MODEL_INFO[target.model].webPath?.(target.pk) ?? null });
  return (
    <Stack gap="sm">
      {object.isLoading ? (
        <Loader size="sm" aria-label={t('target.loading')} />
      ) : object.error || !object.data ? (
        <Text size="sm" c="dimmed">
          {t('object', { model: modelTitle(target.model), pk: target.pk })}
        </Text>
      ) : (
        <Stack gap={6}>
          <ObjectCard
            summary={object.data.summary}
            imageUrl={mediaUrl(connection.baseUrl, object.data.summary.thumbnail ?? object.data.summary.image)}
            webUrl={connection.mode === 'server' ? web : null}
          />
          <Group gap="xs">
            <Badge color={hasCustom ? 'teal' : 'gray'} variant="light" data-testid="custom-barcode-state">
              {hasCustom ? t('target.hasCustom') : t('target.noCustom')}
            </Badge>
            {hasCustom && (
              <Text size="xs" c="dimmed">
                {t('target.replaces')}
              </Text>
            )}
          </Group>
        </Stack>
      )}
      <Group gap="xs">
        <Button
          size="sm"
          mih={44}
          variant="light"
          color="red"
          leftSection={<IconLinkOff size={16} />}
          onClick={() => dispatch({ type: 'askUnlink' })}
          // Nothing to remove: a destructive button that would do nothing is not offered.
          disabled={busy || hasCustom === false}
          title={hasCustom === false ? t('target.nothingToUnlink') : undefined}
          data-testid="unlink-barcode"
        >
          {t('target.unlink')}
        </Button>
        <Button
          size="sm"
          mih={44}
          variant="subtle"
          component={Link}
          to={`/generate?model=${target.model}&pk=${target.pk}`}
          leftSection={<IconQrcode size={16} />}
        >
          {t('target.label')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Step 2: the third-party barcode waiting for a target, or what to scan. */
export function BarcodePanel({ state, busy, dispatch }: { state: LinkState; busy: boolean; dispatch: Dispatch }) {
  const { t } = useTranslation('wf-link');
  const { target, barcode } = state;
  return (
    <Card withBorder radius="md" padding="md" data-testid="link-barcode">
      <Text fw={700} mb="xs">
        {t('barcode.heading')}
      </Text>
      {barcode ? (
        <Stack gap="xs">
          <BarcodeText text={barcode} />
          <Group gap="xs">
            <Button
              mih={44}
              leftSection={<IconLink size={16} />}
              onClick={() => dispatch({ type: 'confirmLink' })}
              disabled={!target || busy}
              data-testid="confirm-link"
            >
              {target ? t('barcode.linkTo', { model: modelName(target.model) }) : t('barcode.chooseFirst')}
            </Button>
            <Button mih={44} variant="subtle" color="gray" onClick={() => dispatch({ type: 'clearBarcode' })}>
              {t('barcode.forget')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {target ? t('barcode.scanNow') : t('barcode.scanLater')}
        </Text>
      )}
    </Card>
  );
}

export function OutcomePanel({
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
  const { t } = useTranslation('wf-link');
  const outcome = state.outcome;
  if (!outcome || outcome.kind === 'targetChosen') return null;
  switch (outcome.kind) {
    case 'barcodePending':
      return (
        <Alert color="blue" variant="light" title={t('outcome.pendingTitle')} data-testid="link-outcome">
          <Text size="sm">{t('outcome.pendingText')}</Text>
        </Alert>
      );
    case 'linked':
      return (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={t('outcome.linkedTitle')}
          data-testid="link-outcome"
        >
          <Stack gap={4}>
            <BarcodeText text={outcome.barcode} />
            <Text size="sm">
              {t('outcome.linkedText', { model: modelName(outcome.target.model), pk: outcome.target.pk })}
            </Text>
          </Stack>
        </Alert>
      );
    case 'queued':
      return <QueuedOutcome id={outcome.queueId} barcode={outcome.barcode} reason={outcome.reason} />;
    case 'unlinked':
      return (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={t('outcome.unlinkedTitle')}
          data-testid="link-outcome"
        >
          <Text size="sm">
            {t('outcome.unlinkedText', { model: modelTitle(outcome.target.model), pk: outcome.target.pk })}
          </Text>
        </Alert>
      );
    case 'alreadyLinked':
      return <AlreadyLinked outcome={outcome} baseUrl={baseUrl} serverMode={serverMode} onUseMatch={onUseMatch} />;
    case 'error':
      return (
        <FailureAlert
          color={outcome.reason === 'forbidden' ? 'orange' : 'red'}
          title={outcome.reason === 'forbidden' ? t('outcome.forbiddenTitle') : t('outcome.errorTitle')}
          data-testid="link-outcome"
        >
          <Text size="sm">{outcome.message}</Text>
        </FailureAlert>
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
  const { t } = useTranslation('wf-link');
  const object = useObject(outcome.match.apiUrl);
  const model: BarcodeModel = outcome.match.model;
  const web = serverMode ? webLink(baseUrl, outcome.match) : null;
  return (
    <Alert
      color={outcome.isTarget ? 'blue' : 'yellow'}
      variant="light"
      title={outcome.isTarget ? t('outcome.onTargetTitle') : t('outcome.matchesTitle')}
      data-testid="link-outcome"
    >
      <Stack gap="xs">
        <BarcodeText text={outcome.barcode} />
        {!outcome.isTarget && <Text size="sm">{t('outcome.belongsElsewhere', { model: modelName(model) })}</Text>}
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
              {t('outcome.openMatch', { model: modelName(model) })}
            </Button>
            {web && (
              <Anchor href={web} target="_blank" rel="noreferrer" size="sm">
                {t('outcome.inInvenTree')} <IconExternalLink size={12} />
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
