/**
 * Shown on every page when the server rejected the token mid-session (401 → status "expired"):
 * sign in again right here, so the page, its session log and any queued scans stay as they are.
 * Going to Settings would unmount the page and lose its unsent state.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { CredentialFields } from '../ui/CredentialFields.tsx';
import { useConnection } from './useConnection.ts';

export function ReauthPrompt() {
  const c = useConnection();
  const [username, setUsername] = useState(c.user?.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  // Stay up while signing in and after a failed attempt, until the session is back.
  const show = c.mode === 'server' && (c.status === 'expired' || busy || (failed !== null && c.status === 'error'));
  if (!show) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      const ok = await c.login(username.trim(), password);
      setPassword('');
      setFailed(ok ? null : 'That did not work.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconLock aria-hidden />}
      title={c.diagnosis?.title ?? 'Sign in again'}
      mb="md"
      data-testid="reauth-prompt"
      role="alert"
    >
      <Stack gap="xs">
        <Text size="sm">
          {c.diagnosis?.message ?? 'The server no longer accepts your sign-in.'} Sign in again to carry on: this page,
          its log and any scans waiting to be sent are kept.
        </Text>
        {failed && c.diagnosis && (
          <Text size="sm" c="red" data-testid="reauth-problem">
            {c.diagnosis.message} {c.diagnosis.nextStep}
          </Text>
        )}
        <form onSubmit={(e) => void submit(e)} aria-label="Sign in again">
          <Group gap="xs" align="flex-end">
            <CredentialFields
              username={username}
              password={password}
              onUsername={setUsername}
              onPassword={setPassword}
              size="sm"
            />
            <Button type="submit" loading={busy} size="sm">
              Sign in again
            </Button>
          </Group>
        </form>
      </Stack>
    </Alert>
  );
}
