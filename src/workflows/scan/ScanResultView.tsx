/**
 * The card beside the camera (on phones, in the result sheet): what the newest scan is, said first
 * (api/labelKind.ts), then what InvenTree found or why it found nothing, in the server's words.
 */
import { Alert, Button, Card, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconCloudUpload, IconLink, IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { i18n } from '../../i18n/i18n.ts';
import { labelAdvice, labelKindHeading, linkOffered, type LabelKind } from '../../api/labelKind.ts';
import { BARCODE_MODEL_INFO, webLink, type BarcodeMatch } from '../../api/models.ts';
import { mediaUrl, summarizeObject } from '../../api/objects.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ModelBadge } from '../../ui/ModelBadge.tsx';
import { ObjectCard, OpenInInvenTree } from '../../ui/ObjectCard.tsx';
import { matchLabel } from '../../api/supplierLabel.ts';
import { linkRoute, type ScanAttempt } from './scanWorkflow.ts';
export interface ScanResultViewProps {
  attempt: ScanAttempt | null;
  /** '' in demo mode: the page links and images are resolved against the server. */
  baseUrl: string;
}

/**
 * The object's page on the server: InvenTree's own web_url (classic or new UI, as the server runs).
 * Demo mode has no InvenTree web pages: said once, quietly, where the button would be.
 */
function webOf(baseUrl: string, match: BarcodeMatch): { url: string | null; note: string | null } {
  if (!baseUrl) return { url: null, note: i18n.t('wf-scan:result.demoNoWeb') };
  const url = webLink(baseUrl, match);
  const model = BARCODE_MODEL_INFO[match.model];
  return { url, note: url ? null : i18n.t('wf-scan:result.noWebPage', { models: model.plural }) };
}

/** What the label is, first, as a heading line. Nothing when the text and the answer do not tell. */
function KindHeading({ label }: { label: LabelKind }) {
  if (label.kind === 'unanswered') return null;
  return (
    <Text fw={700} size="sm" data-testid="label-kind" data-kind={label.kind} style={{ overflowWrap: 'anywhere' }}>
      {labelKindHeading(label)}
    </Text>
  );
}

export function ScanResultView({ attempt, baseUrl }: ScanResultViewProps) {
  return (
    // Screen readers hear the outcome from the layout's one live region (src/ui/LiveAnnouncer.tsx).
    <div data-testid="scan-result">
      <ResultBody attempt={attempt} baseUrl={baseUrl} />
    </div>
  );
}

function ResultBody({ attempt, baseUrl }: ScanResultViewProps) {
  const { t } = useTranslation('wf-scan');
  if (!attempt) {
    return (
      <Card withBorder padding="md" radius="md">
        <Text c="dimmed" size="sm">
          {t('result.idle')}
        </Text>
      </Card>
    );
  }
  const result = attempt.result;
  if (!result) {
    return (
      <Card withBorder padding="md" radius="md">
        <Group gap="sm" wrap="nowrap">
          <Loader size="sm" aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm">{t('result.lookingUp')}</Text>
            <BarcodeText text={attempt.scan.text} size="sm" maxLength={200} />
          </Stack>
        </Group>
      </Card>
    );
  }
  switch (result.kind) {
    case 'match': {
      const { match } = result;
      const web = webOf(baseUrl, match);
      if (attempt.object.status === 'loaded') {
        const summary = summarizeObject(match.model, attempt.object.detail);
        return (
          <Stack gap="xs">
            <KindHeading label={result.label} />
            <ObjectCard
              summary={summary}
              imageUrl={mediaUrl(baseUrl, summary.thumbnail ?? summary.image)}
              webUrl={web.url}
              webNote={web.note}
            />
            {result.others && result.others.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="also-matched">
                {t('result.alsoMatched', { list: result.others.map(matchLabel).join(t('result.listSeparator')) })}
              </Text>
            )}
          </Stack>
        );
      }
      return (
        <Card withBorder padding="md" radius="md">
          <Stack gap="xs">
            <KindHeading label={result.label} />
            <Group gap="xs">
              <ModelBadge model={match.model} />
              <Text size="xs" c="dimmed">
                #{match.pk}
              </Text>
            </Group>
            {attempt.object.status === 'failed' ? (
              <ErrorAlert title={t('result.detailsFailed')} error={{ message: attempt.object.message }} />
            ) : (
              <>
                <Skeleton height={22} width="60%" />
                <Skeleton height={14} width="80%" />
              </>
            )}
            <OpenInInvenTree webUrl={web.url} note={web.note} />
          </Stack>
        </Card>
      );
    }
    case 'noMatch': {
      const advice = labelAdvice(result.label);
      return (
        <Alert
          color="yellow"
          variant="light"
          title={result.label.kind === 'unanswered' ? t('result.noMatch') : labelKindHeading(result.label)}
          icon={<IconQuestionMark aria-hidden />}
          data-testid="no-match"
          data-kind={result.label.kind}
        >
          <Stack gap="xs">
            {advice && (
              <Text size="sm" data-testid="label-advice">
                {advice}
              </Text>
            )}
            <Text size="sm" fs="italic" data-testid="server-text">
              {t('result.serverSaid', { server: result.message })}
            </Text>
            <BarcodeText text={result.barcode} fw={600} />
            {linkOffered(result.label) && (
              <Group>
                <Button
                  component={Link}
                  to={linkRoute(result.barcode)}
                  leftSection={<IconLink size={18} aria-hidden />}
                  variant="light"
                  color="yellow"
                  size="md"
                >
                  {t('result.link')}
                </Button>
              </Group>
            )}
          </Stack>
        </Alert>
      );
    }
    case 'queued':
      return (
        <Alert
          color="orange"
          variant="light"
          title={t('result.queuedTitle')}
          icon={<IconCloudUpload aria-hidden />}
          data-testid="scan-queued"
        >
          <Stack gap="xs">
            <Text size="sm">{t('result.queued')}</Text>
            {result.reason && (
              <Text size="sm" data-testid="scan-queued-reason">
                {result.reason}
              </Text>
            )}
            <BarcodeText text={result.barcode} size="sm" maxLength={200} />
          </Stack>
        </Alert>
      );
    case 'error':
      return (
        <Stack gap="xs">
          <KindHeading label={result.label} />
          <ErrorAlert title={t('result.failed')} error={{ message: result.message, nextStep: result.nextStep }} />
          <Text size="xs" c="dimmed">
            {t('result.barcode')} <BarcodeText text={result.barcode} size="xs" maxLength={200} />
          </Text>
        </Stack>
      );
  }
}
