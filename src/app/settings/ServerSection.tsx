/**
 * Server mode on the Settings page: check an address (GET /api/), then sign in with username +
 * password or a pasted token. Both happen beside the current session — the demo, or another
 * server — which keeps working until the new sign-in has succeeded (issue #20).
 */
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { initialServerSignIn, serverSignIn } from '../../connection/serverSignIn.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { useDemoBackend } from '../demoBackend.ts';
import { ConnectedSummary, DiagnosisAlert, ServerSummary } from './ServerSummary.tsx';
import { SignInForm } from './SignInForm.tsx';

const EXAMPLE_URL = 'https://inventree.example.com';

/** Same-origin /api is the demo's while it runs, so only such an address needs the demo stopped. */
function isThisOrigin(url: string): boolean {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `https://${url}`).origin === location.origin;
  } catch {
    return false;
  }
}

export function ServerSection() {
  const { t } = useTranslation('connection');
  const c = useConnection();
  const demo = useDemoBackend();
  const queryClient = useQueryClient();
  const inServer = c.mode === 'server';
  const [s, dispatch] = useReducer(serverSignIn, undefined, () =>
    initialServerSignIn(c.serverUrl, inServer ? (c.user?.username ?? '') : ''),
  );
  const urlRef = useRef<HTMLInputElement>(null);
  const signInRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!s.focus) return;
    const field =
      s.focus === 'url'
        ? urlRef.current
        : s.focus === 'password'
          ? passwordRef.current
          : s.focus === 'token'
            ? tokenRef.current
            : signInRef.current?.querySelector<HTMLInputElement>('input[autocomplete="username"]');
    field?.focus();
    dispatch({ type: 'focused' });
  }, [s.focus]);

  // The server the form is about: the one just checked, else the session's own.
  const target = s.checked?.url ?? (inServer ? c.serverUrl : null);
  const info = s.checked?.serverInfo ?? (inServer ? c.serverInfo : null);
  const signedInHere = inServer && c.status === 'signed-in' && c.serverUrl === target;
  const candidate = s.checked !== null && !signedInHere;
  const diagnosis = s.diagnosis ?? (inServer && !candidate ? c.diagnosis : null);
  const canSignIn =
    target !== null &&
    !signedInHere &&
    c.status !== 'connecting' &&
    (info !== null || (inServer && c.status === 'expired'));

  const check = async (e: FormEvent) => {
    e.preventDefault();
    dispatch({ type: 'check' });
    if (demo.isRunning() && isThisOrigin(s.url)) await demo.stop();
    const r = await c.probe(s.url);
    dispatch(
      r.ok
        ? { type: 'checked', url: r.url, serverInfo: r.serverInfo }
        : { type: 'check-failed', diagnosis: r.diagnosis },
    );
  };

  const signIn = async (how: 'password' | 'token') => {
    if (!target) return;
    dispatch({ type: 'sign-in' });
    const creds = how === 'password' ? { username: s.username.trim(), password: s.password } : { token: s.token };
    const r = await c.signInTo(target, creds);
    if (!r.ok) {
      dispatch({ type: 'sign-in-failed', how, diagnosis: r.diagnosis, serverInfo: r.serverInfo });
      return;
    }
    dispatch({ type: 'signed-in' });
    queryClient.clear();
    // Only now is the demo done with; a cross-origin server never reached it anyway.
    if (demo.isRunning()) await demo.stop();
  };

  return (
    <Stack gap="sm">
      <form onSubmit={(e) => void check(e)}>
        <Group align="flex-end" gap="sm">
          <TextInput
            ref={urlRef}
            label={t('settings.address')}
            description={t('settings.addressDescription', { example: EXAMPLE_URL })}
            placeholder={EXAMPLE_URL}
            value={s.url}
            onChange={(e) => dispatch({ type: 'edit', field: 'url', value: e.currentTarget.value })}
            inputMode="url"
            autoComplete="url"
            autoCapitalize="off"
            spellCheck={false}
            style={{ flex: '1 1 260px' }}
          />
          <Button type="submit" loading={s.phase === 'checking'} variant={signedInHere ? 'default' : 'filled'}>
            {signedInHere ? t('settings.checkAgain') : t('settings.connect')}
          </Button>
        </Group>
      </form>

      {candidate && s.checked && (
        <>
          <ServerSummary info={s.checked.serverInfo} user={null} connecting={false} />
          {c.status === 'signed-in' && (
            <Text size="sm" c="dimmed" data-testid="session-kept">
              {c.mode === 'demo'
                ? t('settings.notYetDemo')
                : t('settings.notYet', { current: c.serverInfo?.instance ?? c.serverUrl })}
            </Text>
          )}
        </>
      )}
      {!candidate && inServer && <ConnectedSummary />}
      {diagnosis && <DiagnosisAlert diagnosis={diagnosis} />}

      {signedInHere && (
        <Group>
          <Text size="sm" c="green" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            <IconCheck size={16} aria-hidden /> {t('settings.connected')}
          </Text>
          <Button
            variant="light"
            color="gray"
            leftSection={<IconLogout size={18} aria-hidden />}
            onClick={() => {
              c.logout();
              queryClient.clear();
            }}
          >
            {t('settings.logOut')}
          </Button>
        </Group>
      )}
      {canSignIn && (
        <div ref={signInRef}>
          <SignInForm
            state={s}
            dispatch={dispatch}
            onSignIn={(how) => void signIn(how)}
            passwordRef={passwordRef}
            tokenRef={tokenRef}
          />
        </div>
      )}
    </Stack>
  );
}
