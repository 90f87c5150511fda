/**
 * A workflow's "it did not happen" result: red (or the colour given, e.g. orange for a missing
 * right), with an ×, announced at once (role="alert").
 */
import { Alert, type AlertProps } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type Props = Omit<AlertProps, 'variant' | 'icon' | 'role'> & {
  title: ReactNode;
  'data-testid': string;
  'data-kind'?: string;
};

export function FailureAlert({ children, ...props }: Props) {
  return (
    <Alert color="red" variant="light" icon={<IconX />} role="alert" {...props}>
      {children}
    </Alert>
  );
}
