import { describe, expect, it } from 'vitest';
import { STREAM_AGREEMENT_FRAMES, StreamAgreement } from './streamAgreement.ts';

const ean = { text: '9780804816632', format: 'EAN_13' as const };
const qr = { text: '{"stockitem": 12}', format: 'QR_CODE' as const };

describe('StreamAgreement (live camera: weak-check codes need two camera frames)', () => {
  it('holds an EAN-13 on its first frame and reports it on the next different frame', () => {
    const s = new StreamAgreement();
    expect(s.judge(ean, 'a')).toBe('hold');
    expect(s.judge(ean, 'b')).toBe('report');
  });

  it('the same frame twice (a frozen stream) is one frame', () => {
    const s = new StreamAgreement();
    expect(s.judge(ean, 'a')).toBe('hold');
    expect(s.judge(ean, 'a')).toBe('hold');
    expect(s.judge(ean, 'b')).toBe('report');
  });

  it('reports a strong code at once', () => {
    expect(new StreamAgreement().judge(qr, 'a')).toBe('report');
  });

  it('another code in between starts over', () => {
    const s = new StreamAgreement();
    expect(s.judge(ean, 'a')).toBe('hold');
    expect(s.judge({ text: '9780804816649', format: 'EAN_13' }, 'b')).toBe('hold');
    expect(s.judge(ean, 'c')).toBe('hold');
    expect(s.judge(ean, 'd')).toBe('report');
  });

  it('a held code expires when its second frame does not come in time, and misses count', () => {
    const s = new StreamAgreement();
    expect(s.judge(ean, 'a')).toBe('hold');
    for (let i = 0; i < STREAM_AGREEMENT_FRAMES; i++) expect(s.judge(null, `miss${i}`)).toBeNull();
    expect(s.judge(ean, 'b')).toBe('hold');
    expect(s.judge(ean, 'c')).toBe('report');
  });

  it('a confirmed code keeps being reported while in view, until it has been gone a while or is cleared', () => {
    const s = new StreamAgreement();
    s.judge(ean, 'a');
    expect(s.judge(ean, 'b')).toBe('report');
    expect(s.judge(ean, 'c')).toBe('report');
    s.clear();
    expect(s.judge(ean, 'd')).toBe('hold');
    s.judge(ean, 'e');
    for (let i = 0; i <= STREAM_AGREEMENT_FRAMES; i++) s.judge(null, `gone${i}`);
    expect(s.judge(ean, 'f')).toBe('hold');
  });

  it('a tentative read is never reported, and is the first frame a later accepted read must differ from', () => {
    const s = new StreamAgreement();
    expect(s.tentative(ean, 'a')).toBe('hold');
    expect(s.judge(ean, 'a')).toBe('hold');
    expect(s.judge(ean, 'b')).toBe('report');
  });

  it('a tentative read of a code confirmed a moment ago is still not reported', () => {
    const s = new StreamAgreement();
    s.judge(ean, 'a');
    expect(s.judge(ean, 'b')).toBe('report');
    expect(s.tentative(ean, 'c')).toBe('hold');
  });
});
