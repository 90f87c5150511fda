/** Scanner settings: feedback on/off, scanner-gun capture, camera on open, the duplicate window, engine, formats. */
import { Card, Chip, Group, NumberInput, Select, Stack, Switch, Text, Title } from '@mantine/core';
import type { BarcodeFormatName } from '../../scanner/decoderTypes.ts';
import { ALL_FORMATS } from '../../scanner/engines/formatNames.ts';
import { ENGINE_CHOICES, type EngineChoice } from '../../scanner/scannerSettings.ts';
import { useScannerSettings } from '../../scanner/useScannerSettings.ts';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat } from '../../i18n/useLanguage.ts';

/** Names for the engines the scanner offers; an engine added there shows under its own id until named here. */
const ENGINE_LABELS: Partial<Record<EngineChoice, () => string>> = {
  auto: () => i18n.t('settings:scanner.engineAuto'),
  adaptive: () => i18n.t('settings:scanner.engineAdaptive'),
  'zxing-wasm': () => 'ZXing-C++ (WebAssembly)',
  'zxing-js': () => 'ZXing (JavaScript)',
};

const FORMAT_LABELS: Record<BarcodeFormatName, string> = {
  QR_CODE: 'QR',
  DATA_MATRIX: 'Data Matrix',
  AZTEC: 'Aztec',
  PDF_417: 'PDF417',
  CODE_128: 'Code 128',
  CODE_39: 'Code 39',
  CODE_93: 'Code 93',
  EAN_13: 'EAN-13',
  EAN_8: 'EAN-8',
  UPC_A: 'UPC-A',
  UPC_E: 'UPC-E',
  ITF: 'ITF',
  CODABAR: 'Codabar',
};

/** How scans reach a page: switches with a line of explanation each. */
const PAGE_SWITCHES = [
  { key: 'wedge', label: 'scanner.wedge', description: 'scanner.wedgeDescription' },
  { key: 'cameraOnOpen', label: 'scanner.cameraOnOpen', description: 'scanner.cameraOnOpenDescription' },
] as const;

export function ScannerSettingsSection() {
  const [settings, update] = useScannerSettings();
  const { t } = useTranslation('settings');
  const { decimalSeparator } = useFormat();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('scanner.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('scanner.intro')}
        </Text>
        <Group gap="lg">
          <Switch
            label={t('scanner.sound')}
            checked={settings.sound}
            onChange={(e) => update({ sound: e.currentTarget.checked })}
            size="md"
          />
          <Switch
            label={t('scanner.vibration')}
            checked={settings.vibration}
            onChange={(e) => update({ vibration: e.currentTarget.checked })}
            size="md"
          />
          <Switch
            label={t('scanner.flash')}
            checked={settings.flash}
            onChange={(e) => update({ flash: e.currentTarget.checked })}
            size="md"
          />
        </Group>
        {PAGE_SWITCHES.map(({ key, label, description }) => (
          <Switch
            key={key}
            label={t(label, { start: i18n.t('scanner:camera.start') })}
            description={t(description, { start: i18n.t('scanner:camera.start') })}
            checked={settings[key]}
            onChange={(e) => update({ [key]: e.currentTarget.checked })}
            size="md"
          />
        ))}
        <NumberInput
          label={t('scanner.repeatWindow')}
          description={t('scanner.repeatWindowDescription')}
          decimalSeparator={decimalSeparator()}
          value={settings.duplicateWindowMs / 1000}
          onChange={(v) => {
            const seconds = typeof v === 'number' ? v : Number(v);
            if (Number.isFinite(seconds))
              update({ duplicateWindowMs: Math.round(Math.min(60, Math.max(0, seconds)) * 1000) });
          }}
          min={0}
          max={60}
          step={0.5}
          decimalScale={1}
          maw={260}
        />
        <Select
          label={t('scanner.engine')}
          value={settings.engine}
          data={ENGINE_CHOICES.map((e) => ({ value: e, label: ENGINE_LABELS[e]?.() ?? e }))}
          onChange={(v) => {
            if (v && (ENGINE_CHOICES as readonly string[]).includes(v)) update({ engine: v as EngineChoice });
          }}
          allowDeselect={false}
          maw={360}
        />
        <div>
          <Text size="sm" fw={500}>
            {t('scanner.formats')}
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            {t('scanner.formatsDescription')}
          </Text>
          <Chip.Group
            multiple
            value={settings.formats}
            onChange={(v) => {
              const formats = ALL_FORMATS.filter((f) => v.includes(f));
              if (formats.length > 0) update({ formats });
            }}
          >
            <Group gap={6}>
              {ALL_FORMATS.map((f) => (
                <Chip key={f} value={f} size="sm">
                  {FORMAT_LABELS[f]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </div>
      </Stack>
    </Card>
  );
}
