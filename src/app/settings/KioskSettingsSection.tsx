import { Autocomplete, Card, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IDLE_SECONDS, MIN_IDLE_SECONDS, validHome } from '../kiosk/kioskSettings.ts';
import { useKioskSettings } from '../kiosk/useKioskSettings.ts';
import { usePagePaths } from '../pagePaths.ts';

/** Kiosk mode for a shared tablet: on/off, the station's page, and the idle time. */
export function KioskSettingsSection() {
  const [settings, update] = useKioskSettings();
  const { t } = useTranslation('settings');
  const pagePaths = usePagePaths() ?? [];
  // The field may hold an unfinished address; only a valid one is saved.
  const [home, setHome] = useState(settings.home);
  const homeOk = validHome(home, pagePaths);

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="kiosk-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="kiosk-title">
          {t('kiosk.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('kiosk.intro')}
        </Text>
        <Switch
          label={t('kiosk.enabled')}
          checked={settings.enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
          size="md"
        />
        <Autocomplete
          label={t('kiosk.home')}
          description={t('kiosk.homeDescription', { example: '/purchasing/receive?order=3' })}
          data={pagePaths}
          value={home}
          onChange={(v) => {
            setHome(v);
            if (validHome(v, pagePaths)) update({ home: v });
          }}
          error={homeOk ? undefined : t('kiosk.homeInvalid')}
          autoComplete="off"
          spellCheck={false}
        />
        <NumberInput
          label={t('kiosk.idle')}
          min={MIN_IDLE_SECONDS}
          max={MAX_IDLE_SECONDS}
          step={10}
          value={settings.idleSeconds}
          onChange={(v) => {
            const n = typeof v === 'number' ? v : Number(v);
            if (Number.isFinite(n) && n >= MIN_IDLE_SECONDS && n <= MAX_IDLE_SECONDS) update({ idleSeconds: n });
          }}
          clampBehavior="blur"
          w={260}
        />
      </Stack>
    </Card>
  );
}
