/**
 * Username and password for InvenTree's token sign-in (`GET /api/user/token/`), the same on the
 * settings page and in the "sign in again" prompt, so password managers fill both alike.
 */
import { PasswordInput, TextInput, type MantineSize } from '@mantine/core';

export interface CredentialFieldsProps {
  username: string;
  password: string;
  onUsername(value: string): void;
  onPassword(value: string): void;
  size?: MantineSize;
}

export function CredentialFields({ username, password, onUsername, onPassword, size }: CredentialFieldsProps) {
  return (
    <>
      <TextInput
        label="Username"
        value={username}
        onChange={(e) => onUsername(e.currentTarget.value)}
        autoComplete="username"
        autoCapitalize="off"
        spellCheck={false}
        required
        size={size}
      />
      <PasswordInput
        label="Password"
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        autoComplete="current-password"
        required
        size={size}
      />
    </>
  );
}
