/**
 * The catalogue areas (i18next namespaces): one JSON file per area and language in locales/<lang>/,
 * so helpers translating different folders never edit the same file.
 */

/** Loaded before the first render: the shell and the layers every page uses. */
export const CORE_NAMESPACES = [
  'common',
  'app',
  'health',
  'kiosk',
  'settings',
  'scanner',
  'offline',
  'ui',
  'connection',
  'kit',
  'api',
] as const;

/** One per workflow folder (src/workflows/<name>/ → "wf-<name>"), loaded when its page first renders. */
export const WORKFLOW_NAMESPACES = [
  'wf-generate',
  'wf-history',
  'wf-link',
  'wf-po-allocate',
  'wf-po-receive',
  'wf-scan',
  'wf-so-allocate',
  'wf-stock-adjust',
  'wf-stock-count',
  'wf-stock-move',
] as const;

export const NAMESPACES = [...CORE_NAMESPACES, ...WORKFLOW_NAMESPACES] as const;
export type Namespace = (typeof NAMESPACES)[number];
