import {
  Card,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { ServerCheckSummary } from '../health/ServerCheckSummary.tsx';
import { ConnectionSettings } from './ConnectionSettings.tsx';
import { KioskSettingsSection } from './KioskSettingsSection.tsx';
import { OfflineAppSection } from './OfflineAppSection.tsx';
import { ScannerSettingsSection } from './ScannerSettingsSection.tsx';
import { PAGE_NAMES } from '../../api/workflowNames.ts';

/** Connection, scanner, appearance, kiosk settings, and whether the app works offline here. */
export function SettingsPage() {
  return (
    <Stack gap="md" maw={760} mx="auto">
      <Title order={1} size="h2">
        {PAGE_NAMES.settings}
      </Title>
      <ConnectionSettings />
      <ServerCheckSummary />
      <ScannerSettingsSection />
      <AppearanceSettings />
      <KioskSettingsSection />
      <OfflineAppSection />
    </Stack>
  );
}

function AppearanceSettings() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Appearance
        </Title>
        <Text size="sm" c="dimmed">
          Theme
        </Text>
        <SegmentedControl
          value={colorScheme}
          onChange={(v) => setColorScheme(v as MantineColorScheme)}
          data={[
            { value: 'auto', label: 'System' },
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          aria-label="Theme"
          w="fit-content"
        />
      </Stack>
    </Card>
  );
}
