/** The problems the scan input reports: the camera's (with its next step), the decoder's, and a refused barcode. */
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { BarcodeRefusal } from '../../api/barcodeLimits.ts';
import type { CameraState } from '../useCamera.ts';
import { useTranslation } from 'react-i18next';

export function CameraProblemAlert({ problem }: { problem: CameraState['problem'] }) {
  if (!problem) return null;
  return (
    <Alert
      data-testid="camera-error"
      color={problem.kind === 'ended' ? 'yellow' : 'red'}
      icon={<IconAlertTriangle aria-hidden />}
      title={problem.title}
      role="alert"
    >
      <Text size="sm">{problem.message}</Text>
      <Text size="sm" mt={4} fw={500}>
        {problem.nextStep}
      </Text>
    </Alert>
  );
}

export function DecoderProblemAlert({ error }: { error: string | null }) {
  const { t } = useTranslation('scanner');
  if (!error) return null;
  return (
    <Alert color="orange" title={t('decoder.title')} icon={<IconAlertTriangle aria-hidden />}>
      <Text size="sm">{t('decoder.message', { error })}</Text>
    </Alert>
  );
}

export function RefusedBarcodeAlert({ refused, onDismiss }: { refused: BarcodeRefusal | null; onDismiss(): void }) {
  const { t } = useTranslation('scanner');
  if (!refused) return null;
  return (
    <Alert
      data-testid="scan-refused"
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('refused.title')}
      role="alert"
      withCloseButton
      closeButtonLabel={t('refused.dismiss')}
      onClose={onDismiss}
    >
      <Text size="sm">{refused.message}</Text>
      <Text size="sm" mt={4}>
        {refused.nextStep}
      </Text>
    </Alert>
  );
}
