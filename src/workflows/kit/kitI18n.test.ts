// The kit's own sentences in German and Chinese: plurals, the workflow's words placed inside them,
// and nothing English left around a server's reason.
import { describe, expect, it } from 'vitest';
import type { RequestFailure } from '../../api/httpAnswer.ts';
import { failureOutcome } from './failure.ts';
import { waitingText } from './machine.ts';
import { offered, sending, settled } from './undo.ts';
import { inLanguage } from '../../i18n/testing/inLanguage.ts';

const failed = (status: number, body: unknown = null): RequestFailure => ({
  status,
  body,
  message: '',
  nextStep: null,
});

describe('kit words in German', () => {
  inLanguage('de');

  it('counts the waiting scans and labels with the right plural', () => {
    expect(waitingText(1)).toBe('1 weiterer Scan wartet …');
    expect(waitingText(1000, 'label')).toBe('1.000 weitere Etiketten warten …');
    expect(waitingText(2, 'label', 'auf die Sendung')).toBe('2 weitere Etiketten warten auf die Sendung …');
  });

  it('puts the workflow’s words into the kit’s failure sentences', () => {
    expect(failureOutcome(failed(401), { afterSignIn: ', dann scannen Sie das Etikett erneut' })?.message).toBe(
      'Sie sind abgemeldet. Melden Sie sich in den Einstellungen erneut an, dann scannen Sie das Etikett erneut.',
    );
    expect(failureOutcome(failed(503), { afterServerError: 'Es wurde nichts bewegt.' })?.message).toBe(
      'Fehler auf dem Server (HTTP 503). Es wurde nichts bewegt.',
    );
    expect(failureOutcome(failed(0))?.message).toBe('Der Server war nicht erreichbar.');
  });

  it('says why an undo failed, keeping the server’s own reason as sent', () => {
    const unlink = offered({ label: 'Verknüpfung aufheben', confirm: '…', ref: 'x' });
    const answer = { kind: 'failed' as const, failure: failed(400, { error: 'Could not unassign barcode' }) };
    expect(settled(sending(unlink), answer).note).toBe('Nicht rückgängig gemacht: Could not unassign barcode');
    const server = { kind: 'failed' as const, failure: failed(500) };
    expect(settled(sending(unlink), server).note).toBe(
      'Nicht rückgängig gemacht: Fehler auf dem Server (HTTP 500). Es wurde nichts rückgängig gemacht.',
    );
  });
});

describe('kit words in Chinese', () => {
  inLanguage('zh-Hans');

  it('has one plural form and full-width punctuation', () => {
    expect(waitingText(1)).toBe('还有 1 次扫描在等待…');
    expect(waitingText(3, 'label')).toBe('还有 3 个标签在等待…');
    expect(failureOutcome(failed(500))?.message).toBe('服务器出错（HTTP 500）。');
  });
});
