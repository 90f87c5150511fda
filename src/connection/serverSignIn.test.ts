import { describe, expect, it } from 'vitest';
import type { ServerInfo } from '../api/serverInfo.ts';
import type { Diagnosis } from './connectDiagnosis.ts';
import { initialServerSignIn, serverSignIn, type ServerSignInEvent, type ServerSignInState } from './serverSignIn.ts';

const info = { instance: 'InvenTree Demo Server', apiVersion: 291 } as ServerInfo;
const diagnosis = (code: Diagnosis['code']): Diagnosis => ({ code, title: code, message: code, nextStep: '' });

function run(events: ServerSignInEvent[], start = initialServerSignIn('', '')): ServerSignInState {
  return events.reduce(serverSignIn, start);
}

const typed: ServerSignInEvent[] = [
  { type: 'edit', field: 'url', value: 'https://inv.test' },
  { type: 'check' },
  { type: 'checked', url: 'https://inv.test', serverInfo: info },
  { type: 'edit', field: 'username', value: 'admin' },
  { type: 'edit', field: 'password', value: 'not-the-password' },
  { type: 'sign-in' },
];

describe('server sign-in form', () => {
  it('a wrong password clears only the password and puts the cursor there', () => {
    const s = run([
      ...typed,
      { type: 'sign-in-failed', how: 'password', diagnosis: diagnosis('wrong-password'), serverInfo: info },
    ]);
    expect(s).toMatchObject({
      url: 'https://inv.test',
      username: 'admin',
      password: '',
      focus: 'password',
      phase: 'idle',
    });
    expect(s.checked?.url).toBe('https://inv.test');
    expect(s.diagnosis?.code).toBe('wrong-password');
  });

  it('a refused token clears the token; a server that did not answer clears nothing', () => {
    const withToken = run([
      ...typed.slice(0, 3),
      { type: 'edit', field: 'token', value: 'abc' },
      { type: 'sign-in' },
      { type: 'sign-in-failed', how: 'token', diagnosis: diagnosis('token-invalid'), serverInfo: info },
    ]);
    expect(withToken).toMatchObject({ token: '', focus: 'token' });
    const down = run([
      ...typed,
      { type: 'sign-in-failed', how: 'password', diagnosis: diagnosis('unreachable'), serverInfo: null },
    ]);
    expect(down).toMatchObject({ username: 'admin', password: 'not-the-password', focus: null });
    expect(down.diagnosis?.code).toBe('unreachable');
  });

  it('an address that does not answer keeps the address and focuses it', () => {
    const s = run([
      { type: 'edit', field: 'url', value: 'http://127.0.0.1:9' },
      { type: 'check' },
      { type: 'check-failed', diagnosis: diagnosis('unreachable') },
    ]);
    expect(s).toMatchObject({ url: 'http://127.0.0.1:9', checked: null, focus: 'url', phase: 'idle' });
  });

  it('signed in: no secret kept, the checked server becomes the session (no candidate left)', () => {
    const s = run([...typed, { type: 'signed-in' }]);
    expect(s).toMatchObject({ password: '', token: '', checked: null, diagnosis: null, username: 'admin' });
  });
});
