// ESLint (flat config). The layer rule below is the enforcement of ARCHITECTURE.md "Layers":
// imports flow one way, top to bottom, and a layer imports only layers below it.
import fs from 'node:fs';
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';
import tseslint from 'typescript-eslint';

/** The layers of src/, top first (ARCHITECTURE.md). `workflows` is split in two: each workflow folder above the kit. */
const LAYERS = ['app', 'workflows', 'workflows/kit', 'offline', 'connection', 'ui', 'scanner', 'api', 'i18n'];

const WORKFLOWS = fs
  .readdirSync(new URL('./src/workflows', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name);

const layerOf = (layer) => `src/${layer}`;

/** One zone per layer: it may not import any layer above it. */
const layerZones = LAYERS.flatMap((layer, index) => {
  const above = LAYERS.slice(0, index).filter((upper) => upper !== 'workflows');
  const zones = above.length
    ? [
        {
          target: layerOf(layer),
          from: above.map(layerOf),
          message: `${layer}/ is below ${above.join(', ')} (ARCHITECTURE.md "Layers").`,
        },
      ]
    : [];
  // "workflows" as a whole is above everything from the kit down; every workflow folder counts.
  if (index > LAYERS.indexOf('workflows') && layer !== 'workflows/kit') {
    zones.push({
      target: layerOf(layer),
      from: 'src/workflows',
      message: `${layer}/ is below workflows/ (ARCHITECTURE.md "Layers").`,
    });
  }
  return zones;
});

const workflowZones = [
  // The kit is below every workflow: it knows none of them.
  {
    target: 'src/workflows/kit',
    from: 'src/workflows',
    except: ['./kit'],
    message: 'The workflow kit never imports a workflow.',
  },
  // A workflow never imports another workflow (only the kit).
  ...WORKFLOWS.map((name) => ({
    target: `src/workflows/${name}`,
    from: 'src/workflows',
    except: ['./kit', `./${name}`],
    message: 'A workflow never imports another workflow; shared code goes to workflows/kit/ or lower.',
  })),
];

const SRC_DIRS = fs
  .readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const standApartZones = [
  // The simulation imports nothing from src/ except the generated API types.
  ...SRC_DIRS.filter((dir) => dir !== 'mock' && dir !== 'api').map((dir) => ({
    target: 'src/mock',
    from: `src/${dir}`,
    message: 'mock/ (the simulation) stands apart: it imports only api/schema types.',
  })),
  { target: 'src/mock', from: 'src/api', except: ['./schema'], message: 'mock/ imports only api/schema types.' },
  // Only main.tsx (the demo boot, lazily) imports the simulation; tests and e2e are exempt below.
  {
    target: SRC_DIRS.filter((dir) => dir !== 'mock').map((dir) => `src/${dir}`),
    from: 'src/mock',
    message: 'Only the demo boot (main.tsx) loads the simulation, lazily.',
  },
  // security/ is pure: anyone may import it, it imports no other layer.
  {
    target: 'src/security',
    from: SRC_DIRS.filter((dir) => dir !== 'security').map((dir) => `src/${dir}`),
    message: 'security/ is pure and imports no other layer.',
  },
];

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testing/**', '**/test/**'];

/**
 * Folders whose user-facing text goes through src/i18n (issue 17). A converted folder is added here
 * (and its not-yet-converted files listed in I18N_NOT_YET until they are); see src/i18n/README.md.
 */
const I18N_CONVERTED = [
  'src/app',
  'src/connection',
  'src/i18n',
  'src/offline',
  'src/scanner',
  'src/ui',
  'src/workflows/generate',
  'src/workflows/history',
  'src/workflows/kit',
  'src/workflows/link',
  'src/workflows/po-allocate',
  'src/workflows/po-receive',
  'src/workflows/scan',
  'src/workflows/so-allocate',
  'src/workflows/stock-adjust',
  'src/workflows/stock-count',
  'src/workflows/stock-move',
];
/** Files inside a converted folder whose strings are not converted yet (src/i18n/README.md lists them). */
/** @type {string[]} */
const I18N_NOT_YET = [];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'e2e/.out/**',
      'src/api/schema/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
    },
    plugins: { 'import-x': importX },
    settings: {
      // TypeScript files are parsed for the dependency graph (no-cycle needs it) and resolved as tsc does.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': { typescript: { project: ['tsconfig.app.json', 'tsconfig.node.json'] }, node: true },
    },
    rules: {
      // Unused names are TypeScript's job (noUnusedLocals/Parameters); a leading _ marks a deliberate one.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // The app sanitises text from barcodes and servers: matching control characters is deliberate wherever it is done.
      'no-control-regex': 'off',
      // TypeScript resolves names; the core rule does not know type-only globals (typescript-eslint's advice).
      'no-undef': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // These four are React Compiler readiness diagnostics (the app does not use the compiler). They flag the
      // "latest value in a ref" pattern and manual memos the compiler would redo; kept visible as warnings.
      'react-hooks/refs': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/static-components': 'warn',
      'react-hooks/preserve-manual-memoization': 'warn',
      // Also compiler diagnostics: a stable callback that calls itself, a timestamp kept in a ref, a test probe
      // writing its hook's result out. Sound without the compiler; kept visible as warnings.
      'react-hooks/immutability': 'warn',
      'react-hooks/purity': 'warn',
      'react-hooks/globals': 'warn',
    },
  },
  {
    // Plain .test.ts files hold no components: a helper called useSimulation() there is a test fixture, not a hook.
    files: ['src/**/*.test.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: TESTS,
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...workflowZones, ...standApartZones] }],
    },
  },
  {
    // No user-facing literal in JSX (text, and the attributes a user reads or hears) in converted folders.
    files: I18N_CONVERTED.map((dir) => `${dir}/**/*.tsx`),
    ignores: [...TESTS, ...I18N_NOT_YET],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          // <style> holds CSS; <Code>/<Kbd> show codes and keys as they are.
          'jsx-components': { exclude: ['Trans', 'style', 'Code', 'Kbd'] },
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-valuetext',
              'aria-roledescription',
              'title',
              'alt',
              'placeholder',
              'label',
              'description',
              'error',
              'message',
              'tooltip',
              'emptyText',
              'noResultsText',
            ],
          },
          words: {
            // Punctuation, digits, symbols and ALL-CAPS codes (EAN-13, QR) are not words to translate.
            exclude: [/^[\s\d\p{P}\p{S}]+$/u, /^[A-Z0-9_-]+$/, /^(StockScan|InvenTree)$/],
          },
        },
      ],
    },
  },
  {
    // Node scripts; the bench scripts also hand functions to page.evaluate, which run in the browser.
    files: ['e2e/**/*.{ts,mjs,js}', '*.config.{ts,js}', 'scripts/**/*.{mjs,js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
