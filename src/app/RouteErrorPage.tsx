import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { START_PATH } from './routes.tsx';

/** A page failed to load or crashed: say so, and offer a way back. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // A new deployment replaced the chunk this tab wanted: a reload fetches the current one.
  const staleChunk =
    error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Stack p="md" maw={640}>
      <ErrorAlert
        title={staleChunk ? 'This page could not be loaded' : 'This page stopped working'}
        error={
          staleChunk
            ? {
                message: 'The app was updated or the network dropped while the page was loading.',
                nextStep: 'Reload to continue.',
              }
            : error
        }
        onRetry={() => window.location.reload()}
        retryLabel="Reload"
      />
      <Button component={Link} to={START_PATH} variant="subtle">
        Back to scanning
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  return (
    <Stack p="md" maw={640}>
      <Title order={2}>Page not found</Title>
      <Text>There is no StockScan page at this address.</Text>
      <Button component={Link} to={START_PATH} w="fit-content">
        Go to scanning
      </Button>
    </Stack>
  );
}
