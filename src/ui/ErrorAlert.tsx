import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../api/apiError.ts';
import { useTranslation } from 'react-i18next';

export interface ErrorAlertProps {
  /** Anything caught (ApiError, Error, string) or an already worded problem. */
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retryLabel?: string;
}

function isWorded(e: unknown): e is { message: string; nextStep?: string | null } {
  return (
    typeof e === 'object' &&
    e !== null &&
    !(e instanceof Error) &&
    typeof (e as { message?: unknown }).message === 'string'
  );
}

/**
 * A failure in plain words: ApiError's message and next step. Raw bodies are never shown; a
 * thrown non-ApiError falls back to its message or a generic sentence.
 */
export function ErrorAlert({ error, title, onRetry, retryLabel }: ErrorAlertProps) {
  const { t } = useTranslation(['ui', 'common']);
  const message = isWorded(error) ? error.message : errorMessage(error);
  const nextStep = isApiError(error) ? error.nextStep : isWorded(error) ? (error.nextStep ?? null) : null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('error.title')}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
    >
      <Text size="sm">{message}</Text>
      {nextStep && (
        <Text size="sm" c="dimmed" mt={4}>
          {nextStep}
        </Text>
      )}
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {retryLabel ?? t('common:retry')}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
