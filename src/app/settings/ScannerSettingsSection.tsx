/** Scanner settings: feedback on/off, scanner-gun capture, camera on open, the duplicate window, engine, formats. */
import { Card, Chip, Group, NumberInput, Select, Stack, Switch, Text, Title } from '@mantine/core';
import type { BarcodeFormatName } from '../../scanner/decoderTypes.ts';
import { ALL_FORMATS } from '../../scanner/engines/formatNames.ts';
import { ENGINE_CHOICES, type EngineChoice } from '../../scanner/scannerSettings.ts';
import { useScannerSettings } from '../../scanner/useScannerSettings.ts';

/** Names for the engines the scanner offers; an engine added there shows under its own id until named here. */
const ENGINE_LABELS: Partial<Record<EngineChoice, string>> = {
  auto: 'Automatic (best measured)',
  adaptive: 'Adaptive (escalates on hard labels)',
  'zxing-wasm': 'ZXing-C++ (WebAssembly)',
  'zxing-js': 'ZXing (JavaScript)',
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
const PAGE_SWITCHES: { key: 'wedge' | 'cameraOnOpen'; label: string; description: string }[] = [
  {
    key: 'wedge',
    label: 'Scanner gun (keyboard wedge) anywhere on the page',
    description: 'Scans typed by a USB or Bluetooth scanner are caught without clicking into a field first.',
  },
  {
    key: 'cameraOnOpen',
    label: 'Start the camera when a scanning page opens',
    description: 'Turn off at a station with a scanner gun: the camera then starts only when you press Start camera.',
  },
];

export function ScannerSettingsSection() {
  const [settings, update] = useScannerSettings();
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Scanner
        </Title>
        <Text size="sm" c="dimmed">
          Feedback for every scan: a found object, a repeat, and an error each sound, buzz and flash differently.
        </Text>
        <Group gap="lg">
          <Switch
            label="Sound"
            checked={settings.sound}
            onChange={(e) => update({ sound: e.currentTarget.checked })}
            size="md"
          />
          <Switch
            label="Vibration"
            checked={settings.vibration}
            onChange={(e) => update({ vibration: e.currentTarget.checked })}
            size="md"
          />
          <Switch
            label="Screen flash"
            checked={settings.flash}
            onChange={(e) => update({ flash: e.currentTarget.checked })}
            size="md"
          />
        </Group>
        {PAGE_SWITCHES.map(({ key, label, description }) => (
          <Switch
            key={key}
            label={label}
            description={description}
            checked={settings[key]}
            onChange={(e) => update({ [key]: e.currentTarget.checked })}
            size="md"
          />
        ))}
        <NumberInput
          label="Repeat window (seconds)"
          description="A code the camera or the scanner gun reads again within this time counts as one scan; a typed code always counts. 0 turns it off."
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
          label="Decoding engine"
          value={settings.engine}
          data={ENGINE_CHOICES.map((e) => ({ value: e, label: ENGINE_LABELS[e] ?? e }))}
          onChange={(v) => {
            if (v && (ENGINE_CHOICES as readonly string[]).includes(v)) update({ engine: v as EngineChoice });
          }}
          allowDeselect={false}
          maw={360}
        />
        <div>
          <Text size="sm" fw={500}>
            Barcode types the camera reads
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            Fewer types decode faster and misread less. At least one stays on.
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
