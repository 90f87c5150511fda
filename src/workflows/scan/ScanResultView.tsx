/** The card under the camera: what the newest scan found (or why it found nothing). */
import { Alert, Button, Card, Group, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconCloudUpload, IconLink, IconQuestionMark } from '@tabler/icons-react';
import { Link } from 'react-router';
import { webLink } from '../../api/models.ts';
import { mediaUrl, summarizeObject } from '../../api/objects.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ModelBadge } from '../../ui/ModelBadge.tsx';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { matchLabel } from '../../api/supplierLabel.ts';
import { linkRoute, type ScanAttempt } from './scanWorkflow.ts';
export interface ScanResultViewProps {
  attempt: ScanAttempt | null;
  /** '' in demo mode: the page links and images are resolved against the server. */
  baseUrl: string;
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
  if (!attempt) {
    return (
      <Card withBorder padding="md" radius="md">
        <Text c="dimmed" size="sm">
          Point the camera at a label, pull the trigger of a scanner gun, or type a barcode. What InvenTree knows about
          it appears here.
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
            <Text size="sm">Looking up…</Text>
            <BarcodeText text={attempt.scan.text} size="sm" maxLength={200} />
          </Stack>
        </Group>
      </Card>
    );
  }
  switch (result.kind) {
    case 'match': {
      const { match } = result;
      const web = webLink(baseUrl, match);
      if (attempt.object.status === 'loaded') {
        const summary = summarizeObject(match.model, attempt.object.detail);
        return (
          <Stack gap="xs">
            <ObjectCard
              summary={summary}
              imageUrl={mediaUrl(baseUrl, summary.thumbnail ?? summary.image)}
              webUrl={web}
            />
            {result.others && result.others.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="also-matched">
                Also matched: {result.others.map(matchLabel).join(', ')}
              </Text>
            )}
          </Stack>
        );
      }
      return (
        <Card withBorder padding="md" radius="md">
          <Stack gap="xs">
            <Group gap="xs">
              <ModelBadge model={match.model} />
              <Text size="xs" c="dimmed">
                #{match.pk}
              </Text>
            </Group>
            {attempt.object.status === 'failed' ? (
              <ErrorAlert
                title="Found, but its details could not be loaded"
                error={{ message: attempt.object.message }}
              />
            ) : (
              <>
                <Skeleton height={22} width="60%" />
                <Skeleton height={14} width="80%" />
              </>
            )}
          </Stack>
        </Card>
      );
    }
    case 'noMatch':
      return (
        <Alert
          color="yellow"
          variant="light"
          title="No match"
          icon={<IconQuestionMark aria-hidden />}
          data-testid="no-match"
        >
          <Stack gap="xs">
            <Text size="sm">InvenTree knows no object with this barcode:</Text>
            <BarcodeText text={result.barcode} fw={600} />
            <Group>
              <Button
                component={Link}
                to={linkRoute(result.barcode)}
                leftSection={<IconLink size={18} aria-hidden />}
                variant="light"
                color="yellow"
              >
                Link this barcode
              </Button>
            </Group>
          </Stack>
        </Alert>
      );
    case 'queued':
      return (
        <Alert
          color="orange"
          variant="light"
          title="Saved, not sent yet"
          icon={<IconCloudUpload aria-hidden />}
          data-testid="scan-queued"
        >
          <Stack gap="xs">
            <Text size="sm">
              This scan is kept on this device and sent in order as soon as the server can take it; the session log
              shows when it is done.
            </Text>
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
          <ErrorAlert title="Scan failed" error={{ message: result.message, nextStep: result.nextStep }} />
          <Text size="xs" c="dimmed">
            Barcode: <BarcodeText text={result.barcode} size="xs" maxLength={200} />
          </Text>
        </Stack>
      );
  }
}
