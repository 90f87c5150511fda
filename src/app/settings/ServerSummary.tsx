/** What the app is (or would be) talking to: server name, API version, signed-in user. */
import { Alert, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NEWEST_TESTED_API_VERSION } from '../../api/apiVersion.ts';
import type { ServerInfo } from '../../api/serverInfo.ts';
import { displayName, type MeUser } from '../../api/users.ts';
import type { Diagnosis } from '../../connection/connectDiagnosis.ts';
import { useConnection } from '../../connection/useConnection.ts';

export function DiagnosisAlert({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={diagnosis.title}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="diagnosis"
    >
      <Text size="sm">{diagnosis.message}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {diagnosis.nextStep}
      </Text>
    </Alert>
  );
}

/** Labels end with their separator and suffixes start with theirs (a space, or none around Chinese full-width marks). */
export function ServerSummary({
  info,
  user,
  connecting,
}: {
  info: ServerInfo | null;
  user: MeUser | null;
  connecting: boolean;
}) {
  const { t } = useTranslation('connection');
  return (
    <Stack gap={4} data-testid="connection-summary">
      {info && (
        <>
          <Text>
            <Text span c="dimmed">
              {t('settings.summaryServer')}
            </Text>
            <Text span fw={600} data-testid="server-name">
              {info.instance || info.server}
            </Text>
            {info.version ? t('settings.summaryInvenTree', { version: info.version }) : ''}
          </Text>
          <Text>
            <Text span c="dimmed">
              {t('settings.summaryApi')}
            </Text>
            <Text span fw={600} data-testid="api-version">
              {info.apiVersion}
            </Text>
            {info.apiVersion > NEWEST_TESTED_API_VERSION
              ? t('settings.summaryNewer', { api: NEWEST_TESTED_API_VERSION })
              : ''}
          </Text>
        </>
      )}
      {user && (
        <Text>
          <Text span c="dimmed">
            {t('settings.summaryUser')}
          </Text>
          <Text span fw={600} data-testid="signed-in-user">
            {user.username}
          </Text>
          {displayName(user) !== user.username ? t('settings.summaryName', { name: displayName(user) }) : ''}
        </Text>
      )}
      {connecting && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{t('settings.connecting')}</Text>
        </Group>
      )}
    </Stack>
  );
}

/** The current session's summary. */
export function ConnectedSummary() {
  const c = useConnection();
  return (
    <ServerSummary
      info={c.serverInfo}
      user={c.status === 'signed-in' ? c.user : null}
      connecting={c.status === 'connecting'}
    />
  );
}
