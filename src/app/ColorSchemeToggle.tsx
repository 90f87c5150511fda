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
import { useTranslation } from 'react-i18next';

const CHOICES = [
  { value: 'auto', label: 'theme.auto' },
  { value: 'light', label: 'theme.light' },
  { value: 'dark', label: 'theme.dark' },
] as const satisfies readonly { value: MantineColorScheme; label: string }[];

/** The button's name says what is in force: the choice, and for "system" what the system chose. */
const BUTTON_LABELS = {
  auto: { light: 'theme.buttonAutoLight', dark: 'theme.buttonAutoDark' },
  light: { light: 'theme.buttonLight', dark: 'theme.buttonLight' },
  dark: { light: 'theme.buttonDark', dark: 'theme.buttonDark' },
} as const;

/**
 * The header's theme switch: follow the system (the default), or always light or dark, as a small
 * radio group (a real radio group, so screen readers say which is chosen). The choice is
 * remembered on this device (theme.ts colorSchemeManager); Settings offers the same choice.
 */
export function ColorSchemeToggle() {
  const { t } = useTranslation('app');
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  return (
    <Popover position="bottom-end" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t((BUTTON_LABELS[colorScheme] ?? BUTTON_LABELS.auto)[computed])}
          data-testid="theme-menu"
        >
          {computed === 'dark' ? <IconMoon size={18} aria-hidden /> : <IconSun size={18} aria-hidden />}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Radio.Group
          label={t('theme.label')}
          value={colorScheme}
          onChange={(v) => setColorScheme(v as MantineColorScheme)}
        >
          <Stack gap="xs" mt="xs">
            {CHOICES.map((c) => (
              <Radio key={c.value} value={c.value} label={t(c.label)} />
            ))}
          </Stack>
        </Radio.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
