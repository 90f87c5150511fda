/**
 * src/i18n: the bottom layer every other layer may import. In components: useTranslation('<area>')
 * from react-i18next; outside React: i18n.t('<area>:<key>'); numbers and dates: format.ts / useFormat().
 */
export { i18n, initI18n, activeLanguage, pickLanguage, pickedLanguage, setServerLanguage } from './i18n.ts';
export { useLanguage, useFormat } from './useLanguage.ts';
export * from './format.ts';
export { LANGUAGES, LANGUAGE_NAMES, chooseLanguage, matchLanguage, type Language } from './languages.ts';
export { NAMESPACES, CORE_NAMESPACES, WORKFLOW_NAMESPACES, type Namespace } from './namespaces.ts';
