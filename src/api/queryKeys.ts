/**
 * TanStack Query keys. Every key starts with ['inventree', connectionKey] so answers cached for one
 * server or user are never shown to another, and a whole connection can be invalidated at once.
 */
import type { HistoryQuery } from './barcode.ts';
import type { BarcodeModel } from './models.ts';

type Key = readonly unknown[];

export const queryKeys = {
  all: (ck: string) => ['inventree', ck] as const,
  serverInfo: (ck: string) => ['inventree', ck, 'server-info'] as const,
  me: (ck: string) => ['inventree', ck, 'me'] as const,
  roles: (ck: string) => ['inventree', ck, 'roles'] as const,
  objects: (ck: string) => ['inventree', ck, 'object'] as const,
  object: (ck: string, apiUrl: string) => ['inventree', ck, 'object', apiUrl] as const,
  lists: (ck: string) => ['inventree', ck, 'list'] as const,
  listPath: (ck: string, path: string) => ['inventree', ck, 'list', path] as const,
  list: (ck: string, path: string, params: unknown) => ['inventree', ck, 'list', path, params ?? {}] as const,
  histories: (ck: string) => ['inventree', ck, 'history'] as const,
  history: (ck: string, q: HistoryQuery) => ['inventree', ck, 'history', 'list', q] as const,
  historyEntry: (ck: string, id: number) => ['inventree', ck, 'history', 'entry', id] as const,
  globalSetting: (ck: string, key: string) => ['inventree', ck, 'setting', 'global', key] as const,
  pluginSettings: (ck: string, plugin: string) => ['inventree', ck, 'setting', 'plugin', plugin] as const,
  generated: (ck: string, model: BarcodeModel, pk: number) => ['inventree', ck, 'generate', model, pk] as const,
} satisfies Record<string, (...args: never[]) => Key>;
