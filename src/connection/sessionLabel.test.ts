import { describe, expect, it } from 'vitest';
import { indicatorText, sessionLabel, type SessionFacts } from './sessionLabel.ts';

const server = (over: Partial<SessionFacts>): SessionFacts => ({
  mode: 'server',
  status: 'signed-in',
  username: 'admin',
  diagnosis: null,
  ...over,
});

describe('sessionLabel', () => {
  it('says who is signed in', () => {
    expect(sessionLabel(server({}))).toEqual({ text: 'signed in as admin', tone: 'ok' });
  });

  it('a server that answered is never "not connected": a refused sign-in is "signed out"', () => {
    for (const code of ['wrong-password', 'token-invalid', 'token-expired', 'not-signed-in'] as const) {
      expect(sessionLabel(server({ status: 'error', username: null, diagnosis: code }))).toEqual({
        text: 'signed out',
        tone: 'signed-out',
      });
    }
    expect(sessionLabel(server({ status: 'signed-out', username: null })).text).toBe('signed out');
  });

  it('unreachable, not InvenTree and the rest say what happened', () => {
    const text = (diagnosis: SessionFacts['diagnosis']) =>
      sessionLabel(server({ status: 'error', username: null, diagnosis })).text;
    expect(text('unreachable')).toBe('unreachable');
    expect(text('timeout')).toBe('unreachable');
    expect(text('not-inventree')).toBe('not InvenTree');
    expect(text('offline')).toBe('offline');
    expect(text('cors')).toBe('blocked (CORS)');
    expect(text('incompatible-version')).toBe('unsupported version');
    expect(sessionLabel(server({ status: 'error', diagnosis: 'unreachable' })).tone).toBe('problem');
  });
});

describe('indicatorText', () => {
  it('demo: the demo user; server: where and who, a phone only who', () => {
    expect(
      indicatorText({ mode: 'demo', status: 'signed-in', username: 'reader', diagnosis: null }, 'Demo', true),
    ).toBe('Demo · reader');
    expect(indicatorText(server({}), 'InvenTree Demo Server', false)).toBe(
      'InvenTree Demo Server · signed in as admin',
    );
    expect(indicatorText(server({ status: 'error', username: null, diagnosis: 'not-inventree' }), 'x', true)).toBe(
      'not InvenTree',
    );
  });
});
