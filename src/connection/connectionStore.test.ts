import { describe, expect, it } from 'vitest';
import {
  CONNECTION_STORAGE_KEY,
  DEFAULT_CONNECTION,
  forgetToken,
  loadConnection,
  parseStoredConnection,
  saveConnection,
  type KeyValueStorage,
} from './connectionStore.ts';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('connectionStore', () => {
  it('defaults to demo mode as admin with no token', () => {
    expect(loadConnection(memoryStorage())).toEqual({ mode: 'demo', baseUrl: '', token: null, demoUser: 'admin' });
  });
  it('round-trips a server connection', () => {
    const s = memoryStorage();
    saveConnection({ mode: 'server', baseUrl: 'https://inv.test', token: 'abc', demoUser: 'reader' }, s);
    expect(loadConnection(s)).toEqual({
      mode: 'server',
      baseUrl: 'https://inv.test',
      token: 'abc',
      demoUser: 'reader',
    });
  });
  it('logout forgets only the token', () => {
    const s = memoryStorage();
    saveConnection({ mode: 'server', baseUrl: 'https://inv.test', token: 'abc', demoUser: 'admin' }, s);
    forgetToken(s);
    expect(loadConnection(s)).toEqual({ mode: 'server', baseUrl: 'https://inv.test', token: null, demoUser: 'admin' });
    expect(s.data.get(CONNECTION_STORAGE_KEY)).not.toContain('abc');
  });
  it('bad stored data falls back to defaults field by field', () => {
    expect(parseStoredConnection('not json')).toEqual(DEFAULT_CONNECTION);
    expect(parseStoredConnection('null')).toEqual(DEFAULT_CONNECTION);
    expect(
      parseStoredConnection(JSON.stringify({ mode: 'weird', token: 5, demoUser: 'root', baseUrl: 'https://a' })),
    ).toEqual({
      mode: 'demo',
      baseUrl: 'https://a',
      token: null,
      demoUser: 'admin',
    });
  });
  it('a throwing storage (privacy mode) does not break anything', () => {
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {},
    };
    expect(loadConnection(broken)).toEqual(DEFAULT_CONNECTION);
    expect(() => saveConnection(DEFAULT_CONNECTION, broken)).not.toThrow();
  });
});
