import { createTheme, DEFAULT_THEME, localStorageColorSchemeManager, type CSSVariablesResolver } from '@mantine/core';
import { darken, readable } from './contrast.ts';

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
  // A worker who asked the system for less motion gets no sliding sheets or fades.
  respectReducedMotion: true,
  // Large touch targets: a glove or a thumb on a tablet at the goods-in door.
  components: {
    Button: { defaultProps: { size: 'md' } },
  },
});

const WHITE = '#ffffff';
const MIN = 4.6; // WCAG AA for normal text is 4.5; a hair of headroom for rounding.

/**
 * Readable colours (WCAG AA) in both schemes, derived from Mantine's palette: filled buttons and
 * badges, light badges and alerts, coloured text and links, and "dimmed" secondary text. Mantine's
 * defaults fall short in places (white on blue-6 is 3.6:1, gray-6 dimmed text on white 3.3:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const colors = DEFAULT_THEME.colors;
  const { gray, dark } = colors;
  const lightBgs = [WHITE, gray[0], gray[1]];
  const darkBgs = [dark[7], dark[6], dark[5]];
  const light: Record<string, string> = {};
  const darkVars: Record<string, string> = {};
  for (const [name, c] of Object.entries(colors)) {
    const filledLight = readable(c[6], [WHITE], MIN);
    const textLight = readable(c[6], [...lightBgs, c[1]], MIN);
    Object.assign(light, {
      [`--mantine-color-${name}-filled`]: filledLight,
      [`--mantine-color-${name}-filled-hover`]: darken(filledLight, 0.1),
      [`--mantine-color-${name}-text`]: textLight,
      [`--mantine-color-${name}-outline`]: textLight,
      // On the light background and its hover shade (color-1, color-2).
      [`--mantine-color-${name}-light-color`]: readable(c[9], [c[1], c[2]], MIN),
    });
    const filledDark = readable(c[8], [WHITE], MIN);
    Object.assign(darkVars, {
      [`--mantine-color-${name}-filled`]: filledDark,
      [`--mantine-color-${name}-filled-hover`]: darken(filledDark, 0.1),
      [`--mantine-color-${name}-text`]: readable(c[4], darkBgs, MIN, 'white'),
    });
  }
  // Set by the loop above: blue and red are names in Mantine's own palette.
  const blueText = light['--mantine-color-blue-text']!;
  return {
    variables: {},
    light: {
      ...light,
      '--mantine-color-dimmed': readable(gray[6], [...lightBgs, colors.yellow[1], colors.blue[1]], MIN),
      '--mantine-color-anchor': blueText,
      '--mantine-color-error': light['--mantine-color-red-text']!,
    },
    dark: {
      ...darkVars,
      '--mantine-color-dimmed': readable(dark[2], darkBgs, MIN, 'white'),
      '--mantine-color-error': darkVars['--mantine-color-red-text']!,
    },
  };
};

/** "auto" follows the system; the user's explicit choice is remembered. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'stockscan.color-scheme' });
