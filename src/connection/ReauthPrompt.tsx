/**
 * Shown on every page when the server rejected the token mid-session (401 → status "expired"):
 * sign in again right here, so the page, its session log and any queued scans stay as they are.
 * Going to Settings would unmount the page and lose its unsent state.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CredentialFields } from '../ui/CredentialFields.tsx';
import { useConnection } from './useConnection.ts';

export function ReauthPrompt() {
  const { t } = useTranslation('connection');
  const c = useConnection();
  const [username, setUsername] = useState(c.user?.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  // Stay up while signing in and after a failed attempt, until the session is back.
  const show = c.mode === 'server' && (c.status === 'expired' || busy || (failed && c.status === 'error'));
  if (!show) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailed(false);
    try {
      const ok = await c.login(username.trim(), password);
      setPassword('');
      setFailed(!ok);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconLock aria-hidden />}
      title={c.diagnosis?.title ?? t('reauth.title')}
      mb="md"
      data-testid="reauth-prompt"
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">
          {c.diagnosis?.message ?? t('reauth.noLonger')} {t('reauth.carryOn')}
        </Text>
        {failed && c.diagnosis && (
          <Text size="sm" c="red" data-testid="reauth-problem">
            {c.diagnosis.message} {c.diagnosis.nextStep}
          </Text>
        )}
        <form onSubmit={(e) => void submit(e)} aria-label={t('reauth.title')}>
          <Group gap="xs" align="flex-end">
            <CredentialFields
              username={username}
              password={password}
              onUsername={setUsername}
              onPassword={setPassword}
              size="sm"
            />
            <Button type="submit" loading={busy} size="sm">
              {t('reauth.submit')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Alert>
  );
}
