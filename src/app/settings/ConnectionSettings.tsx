/**
 * Connection screen: demo (the bundled simulation) or a real InvenTree server. Server mode checks
 * the address first (GET /api/), then signs in with username + password (token from
 * GET /api/user/token/) or a pasted token, and shows the server's name, API version and the user.
 * Failures are the connection layer's plain-words diagnosis. The parts: DemoSection.tsx,
 * ServerSection.tsx (+ SignInForm.tsx), ServerSummary.tsx.
 */
import { Card, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../../connection/useConnection.ts';
import { DemoSection } from './DemoSection.tsx';
import { ServerSection } from './ServerSection.tsx';

export function ConnectionSettings() {
  const { t } = useTranslation('connection');
  const c = useConnection();
  const [choice, setChoice] = useState<'demo' | 'server'>(c.mode);

  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          {t('settings.title')}
        </Title>
        <SegmentedControl
          value={choice}
          onChange={(v) => setChoice(v === 'server' ? 'server' : 'demo')}
          data={[
            { value: 'demo', label: t('settings.demo') },
            { value: 'server', label: t('settings.server') },
          ]}
          fullWidth
          aria-label={t('settings.where')}
        />
        {choice === 'demo' ? <DemoSection /> : <ServerSection />}
      </Stack>
    </Card>
  );
}
