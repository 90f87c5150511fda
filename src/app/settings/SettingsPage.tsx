import {
  Card,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ServerCheckSummary } from '../health/ServerCheckSummary.tsx';
import { ConnectionSettings } from './ConnectionSettings.tsx';
import { KioskSettingsSection } from './KioskSettingsSection.tsx';
import { LanguageSettingsSection } from './LanguageSettingsSection.tsx';
import { OfflineAppSection } from './OfflineAppSection.tsx';
import { ScannerSettingsSection } from './ScannerSettingsSection.tsx';

/** Connection, scanner, appearance, kiosk settings, and whether the app works offline here. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <Stack gap="md" maw={760} mx="auto">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <ConnectionSettings />
      <ServerCheckSummary />
      <ScannerSettingsSection />
      <LanguageSettingsSection />
      <AppearanceSettings />
      <KioskSettingsSection />
      <OfflineAppSection />
    </Stack>
  );
}

function AppearanceSettings() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const { t } = useTranslation('settings');
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('appearance.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('appearance.theme')}
        </Text>
        <SegmentedControl
          value={colorScheme}
          onChange={(v) => setColorScheme(v as MantineColorScheme)}
          data={[
            { value: 'auto', label: t('appearance.system') },
            { value: 'light', label: t('appearance.light') },
            { value: 'dark', label: t('appearance.dark') },
          ]}
          aria-label={t('appearance.theme')}
          w="fit-content"
        />
      </Stack>
    </Card>
  );
}
