/**
 * Pure translation of InvenTree (v291) error answers into plain sentences. InvenTree's error bodies
 * vary a lot (BEHAVIOUR.md 1.2): DRF field-error dicts, `{"detail": ...}`, whole response dicts with
 * every leaf stringified plus an `error` key, `["Invalid input."]`, Python reprs of ErrorDetail
 * lists, 500 crash dicts, and HTML pages from proxies. Whatever arrives, the result is a readable
 * sentence: never raw JSON, never a Python repr, never "[object Object]".
 */
// The error mapping, split by job in api/errors/; this barrel keeps the import path every caller uses.
export { extractFieldErrors } from './errors/fieldErrors.ts';
export { humanFieldName, roleName } from './errors/fieldNames.ts';
export { describeBarcodeError } from './errors/knownErrors.ts';
export { cleanServerText, extractErrorDetails, looksLikeHtml, messagesFromValue } from './errors/serverText.ts';
export { describeUnexpectedBody, mapErrorBody, type ErrorContext, type MappedError } from './errors/statusMapping.ts';
