import {
  ActionIcon,
  Popover,
  Radio,
  Stack,
  useComputedColorScheme,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';

type Choice = { value: MantineColorScheme; label: string };

// A non-empty tuple type: the first choice is the fallback below.
const CHOICES: [Choice, ...Choice[]] = [
  { value: 'auto', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * The header's theme switch: follow the system (the default), or always light or dark, as a small
 * radio group (a real radio group, so screen readers say which is chosen). The choice is
 * remembered on this device (theme.ts colorSchemeManager); Settings offers the same choice.
 */
export function ColorSchemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const current = CHOICES.find((c) => c.value === colorScheme) ?? CHOICES[0];
  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={`Theme: ${current.value === 'auto' ? `following the system (${computed})` : current.label.toLowerCase()}`}
          data-testid="theme-menu"
        >
          {computed === 'dark' ? <IconMoon size={18} aria-hidden /> : <IconSun size={18} aria-hidden />}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Radio.Group label="Theme" value={colorScheme} onChange={(v) => setColorScheme(v as MantineColorScheme)}>
          <Stack gap="xs" mt="xs">
            {CHOICES.map((c) => (
              <Radio key={c.value} value={c.value} label={c.label} />
            ))}
          </Stack>
        </Radio.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
