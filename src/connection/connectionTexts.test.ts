/** The connection texts follow the language in use when they are made (header labels, diagnoses). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/apiError.ts';
import { i18n } from '../i18n/i18n.ts';
import { checkServerUrl, diagnoseConnect } from './connectDiagnosis.ts';
import { indicatorText, sessionLabel } from './sessionLabel.ts';

describe('in German and Chinese', () => {
  beforeAll(() => i18n.changeLanguage('de'));
  afterAll(() => i18n.changeLanguage('en'));

  it('the header says who and what in German; usernames and server names stay as sent', () => {
    const facts = { mode: 'server', status: 'signed-in', username: 'admin', diagnosis: null } as const;
    expect(indicatorText(facts, 'Lager Süd', false)).toBe('Lager Süd · angemeldet als admin');
    expect(sessionLabel({ ...facts, status: 'error', username: null, diagnosis: 'wrong-password' })).toEqual({
      text: 'abgemeldet',
      tone: 'signed-out',
    });
    expect(indicatorText({ ...facts, mode: 'demo', username: 'reader' }, 'Demo', true)).toBe('Demo · reader');
  });

  it('a diagnosis keeps the address as typed and the demo gets its own sentence', async () => {
    const network = new ApiError({ kind: 'network', message: 'Failed to fetch' });
    const at = (mode: 'demo' | 'server') =>
      diagnoseConnect({ baseUrl: 'https://inv.example.com/', mode, step: 'me', error: network });
    expect(at('server').message).toBe('https://inv.example.com antwortet nicht.');
    expect(at('demo').message).toBe('Der Demo-Server antwortet nicht.');
    const typed = checkServerUrl('http://a b');
    expect(typed.ok === false && typed.diagnosis.message).toBe('„http://a b“ ist keine Webadresse.');

    await i18n.changeLanguage('zh-Hans');
    expect(at('server').message).toBe('https://inv.example.com 没有响应。');
    expect(at('demo').message).toBe('演示服务器没有响应。');
    expect(sessionLabel({ mode: 'server', status: 'signed-out', username: null, diagnosis: null }).text).toBe('未登录');
  });
});
