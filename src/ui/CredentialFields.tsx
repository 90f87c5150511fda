/**
 * Username and password for InvenTree's token sign-in (`GET /api/user/token/`), the same on the
 * settings page and in the "sign in again" prompt, so password managers fill both alike.
 */
import { PasswordInput, TextInput, type MantineSize } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface CredentialFieldsProps {
  username: string;
  password: string;
  onUsername(value: string): void;
  onPassword(value: string): void;
  size?: MantineSize;
  /** The password field, to put the cursor back there after a wrong password. */
  passwordRef?: Ref<HTMLInputElement>;
}

export function CredentialFields({
  username,
  password,
  onUsername,
  onPassword,
  size,
  passwordRef,
}: CredentialFieldsProps) {
  const { t } = useTranslation('ui');
  return (
    <>
      <TextInput
        label={t('credentials.username')}
        value={username}
        onChange={(e) => onUsername(e.currentTarget.value)}
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        required
        size={size}
      />
      <PasswordInput
        ref={passwordRef}
        label={t('credentials.password')}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        autoComplete="current-password"
        required
        size={size}
      />
    </>
  );
}
