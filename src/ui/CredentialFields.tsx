/**
 * Username and password for InvenTree's token sign-in (`GET /api/user/token/`), the same on the
 * settings page and in the "sign in again" prompt, so password managers fill both alike.
 */
import { PasswordInput, TextInput, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface CredentialFieldsProps {
  username: string;
  password: string;
  onUsername(value: string): void;
  onPassword(value: string): void;
  size?: MantineSize;
}

export function CredentialFields({ username, password, onUsername, onPassword, size }: CredentialFieldsProps) {
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
