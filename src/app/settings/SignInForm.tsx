/**
 * Username + password, or a pasted API token, for the server the Settings page checked. Presentational:
 * ServerSection holds the state (connection/serverSignIn.ts) and does the signing in.
 */
import { Button, Card, PasswordInput, Stack, Tabs, Text } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServerSignInEvent, ServerSignInState } from '../../connection/serverSignIn.ts';
import { CredentialFields } from '../../ui/CredentialFields.tsx';

export interface SignInFormProps {
  state: ServerSignInState;
  dispatch(event: ServerSignInEvent): void;
  onSignIn(how: 'password' | 'token'): void;
  passwordRef: Ref<HTMLInputElement>;
  tokenRef: Ref<HTMLInputElement>;
}

export function SignInForm({ state, dispatch, onSignIn, passwordRef, tokenRef }: SignInFormProps) {
  const { t } = useTranslation('connection');
  const busy = state.phase === 'signing-in';
  return (
    <Card withBorder padding="sm" radius="md">
      <Tabs defaultValue="password">
        <Tabs.List>
          <Tabs.Tab value="password">{t('settings.tabPassword')}</Tabs.Tab>
          <Tabs.Tab value="token">{t('settings.tabToken')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="password" pt="sm">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onSignIn('password');
            }}
          >
            <Stack gap="sm" maw={420}>
              <CredentialFields
                username={state.username}
                password={state.password}
                onUsername={(value) => dispatch({ type: 'edit', field: 'username', value })}
                onPassword={(value) => dispatch({ type: 'edit', field: 'password', value })}
                passwordRef={passwordRef}
              />
              <Text size="xs" c="dimmed">
                {t('settings.passwordNote')}
              </Text>
              <Button type="submit" loading={busy} w="fit-content">
                {t('settings.signIn')}
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="token" pt="sm">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onSignIn('token');
            }}
          >
            <Stack gap="sm" maw={420}>
              <PasswordInput
                ref={tokenRef}
                label={t('settings.token')}
                description={t('settings.tokenDescription')}
                value={state.token}
                onChange={(e) => dispatch({ type: 'edit', field: 'token', value: e.currentTarget.value })}
                autoComplete="off"
                required
              />
              <Button type="submit" loading={busy} w="fit-content">
                {t('settings.useToken')}
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
