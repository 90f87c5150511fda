/** Vitest setup: every test runs in English with every area loaded, without setting anything up itself. */
import { initI18n } from '../i18n.ts';
import { NAMESPACES } from '../namespaces.ts';

await initI18n({ language: 'en', namespaces: NAMESPACES });
