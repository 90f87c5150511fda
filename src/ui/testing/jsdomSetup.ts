/**
 * Vitest setup for component tests in jsdom: Mantine asks for the colour scheme through
 * matchMedia, which jsdom lacks. Node-environment tests have no window and are left alone.
 */
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
}
