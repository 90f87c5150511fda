import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  // Large touch targets: a glove or a thumb on a tablet at the goods-in door.
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});

/** "auto" follows the system; the user's explicit choice is remembered. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'stockscan.color-scheme' });
