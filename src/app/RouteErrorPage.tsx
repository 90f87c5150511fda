import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { START_PATH } from './routes.tsx';

/** A page failed to load or crashed: say so, and offer a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation('app');
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // A new deployment replaced the chunk this tab wanted: a reload fetches the current one.
  const staleChunk =
    error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Stack p="md" maw={640}>
      <ErrorAlert
        title={staleChunk ? t('routeError.notLoaded') : t('routeError.crashed')}
        error={
          staleChunk
            ? {
                message: t('routeError.staleMessage'),
                nextStep: t('routeError.staleNextStep'),
              }
            : error
        }
        onRetry={() => window.location.reload()}
        retryLabel={t('routeError.reload')}
      />
      <Button component={Link} to={START_PATH} variant="subtle">
        {t('routeError.backToScanning')}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation('app');
  return (
    <Stack p="md" maw={640}>
      <Title order={2}>{t('routeError.notFound')}</Title>
      <Text>{t('routeError.notFoundText')}</Text>
      <Button component={Link} to={START_PATH} w="fit-content">
        {t('routeError.goToScanning')}
      </Button>
    </Stack>
  );
}
