import { describe, expect, it } from 'vitest';
import { ReadGuard, VOTE_WINDOW_FRAMES, type Candidate } from './readGuard.ts';

const ean = { text: '9780804816632', format: 'EAN_13' as const };
const still = 'still-1';
const at = (x: number) => ({ x, y: 100, size: 200 });
const read = (c: Partial<Candidate> & { passId: string }): Candidate => ({
  ...ean,
  frameKey: still,
  spot: at(300),
  ...c,
});

describe('ReadGuard', () => {
  it('accepts codes with strong error correction or check on one read', () => {
    const g = new ReadGuard();
    expect(g.judge(read({ text: 'hello', format: 'QR_CODE', passId: 'a' }), 1)).toBe('accept');
    expect(g.judge(read({ text: 'INV-SI12', format: 'CODE_128', passId: 'a' }), 1)).toBe('accept');
    expect(g.judge(read({ text: 'x', format: 'PDF_417', passId: 'a' }), 1)).toBe('accept');
  });

  it.each(['EAN_13', 'EAN_8', 'UPC_A', 'UPC_E', 'ITF', 'CODABAR', 'CODE_39', 'CODE_93'] as const)(
    'holds a single %s read, however clear, until a second read agrees',
    (format) => {
      const texts = {
        EAN_13: '9780804816632',
        EAN_8: '96385074',
        UPC_A: '036602301467',
        UPC_E: '01234565',
        ITF: '30712345000010',
        CODABAR: 'A40156B',
        CODE_39: 'INV-SI12',
        CODE_93: 'CODE93',
      };
      const g = new ReadGuard();
      expect(g.judge(read({ text: texts[format], format, passId: 'cheap' }), 1)).toBe('pending');
      expect(g.judge(read({ text: texts[format], format, passId: 'sharpen' }), 1)).toBe('accept');
    },
  );

  it('on a still, the same pass again is no confirmation; a different pass is', () => {
    const g = new ReadGuard();
    expect(g.judge(read({ passId: 'cheap' }), 1)).toBe('pending');
    expect(g.judge(read({ passId: 'cheap' }), 2)).toBe('pending');
    expect(g.judge(read({ passId: 'sharpen' }), 3)).toBe('accept');
  });

  it('in the live loop, the same pass on a different camera frame confirms', () => {
    const g = new ReadGuard();
    expect(g.judge(read({ passId: 'cheap', frameKey: 'f1' }), 1)).toBe('pending');
    expect(g.judge(read({ passId: 'cheap', frameKey: 'f2' }), 2)).toBe('accept');
  });

  it('does not let a different text confirm', () => {
    const g = new ReadGuard();
    expect(g.judge(read({ passId: 'a' }), 1)).toBe('pending');
    expect(g.judge(read({ text: '5030159003930', passId: 'b' }), 1)).toBe('pending');
  });

  it('after a contradicting read of the same place, wants two more agreeing reads than against', () => {
    const g = new ReadGuard();
    expect(g.judge(read({ text: '9780804816632', passId: 'a' }), 1)).toBe('pending');
    // Two wrong digits that still pass the mod-10 check, read by another pass at the same place.
    expect(g.judge(read({ text: '9780804861632', passId: 'b' }), 1)).toBe('pending');
    expect(g.judge(read({ text: '9780804816632', passId: 'c' }), 1)).toBe('pending');
    expect(g.judge(read({ text: '9780804816632', passId: 'd' }), 1)).toBe('accept');
  });

  it('a UPC-A and an EAN-13 read of one place contradict each other', () => {
    const g = new ReadGuard();
    g.judge(read({ text: '036602301467', format: 'UPC_A', passId: 'a' }), 1);
    g.judge(read({ passId: 'a' }), 1);
    expect(g.judge(read({ passId: 'b' }), 1)).toBe('pending');
  });

  it('an EAN-8 found among the bars of an ITF read at the same place is a contradiction', () => {
    const g = new ReadGuard();
    g.judge(read({ text: '38065629444386', format: 'ITF', passId: 'a' }), 1);
    g.judge(read({ text: '96385074', format: 'EAN_8', passId: 'a' }), 1);
    expect(g.judge(read({ text: '96385074', format: 'EAN_8', passId: 'b' }), 1)).toBe('pending');
  });

  it('two different codes side by side do not block each other', () => {
    const g = new ReadGuard();
    g.judge(read({ text: '5030159003930', passId: 'a', spot: at(900) }), 1);
    g.judge(read({ passId: 'a' }), 1);
    expect(g.judge(read({ passId: 'b' }), 1)).toBe('accept');
  });

  it('forgets sightings older than the vote window', () => {
    const g = new ReadGuard();
    g.judge(read({ passId: 'a' }), 1);
    g.prune(2 + VOTE_WINDOW_FRAMES);
    expect(g.judge(read({ passId: 'b' }), 2 + VOTE_WINDOW_FRAMES)).toBe('pending');
  });

  it('rejects implausible text outright', () => {
    const g = new ReadGuard();
    expect(g.judge(read({ text: '9780804816633', passId: 'a' }), 1)).toBe('reject');
    expect(g.judge(read({ text: '', format: 'QR_CODE', passId: 'a' }), 1)).toBe('reject');
  });

  describe('partial reads of variable-length codes', () => {
    const full = { text: '79067367002603', format: 'ITF' as const };
    const part = { text: '7367002603', format: 'ITF' as const };

    it('never reports the rest of an ITF-14 once the whole code was seen there, even when the whole read was dropped', () => {
      const g = new ReadGuard();
      // The whole code seen once (e.g. dropped by the bar-shape check), its washed-out rest read often.
      g.observe({ ...full, spot: at(300) }, 1);
      for (const [i, passId] of ['a', 'b', 'c', 'd'].entries()) {
        g.observe({ ...part, spot: at(330) }, 1 + i);
        expect(g.judge(read({ ...part, passId, spot: at(330) }), 1 + i)).toBe('pending');
      }
    });

    it('the partial reads do not count against the whole code', () => {
      const g = new ReadGuard();
      for (const passId of ['a', 'b', 'c']) {
        g.observe({ ...part, spot: at(330) }, 1);
        g.judge(read({ ...part, passId, spot: at(330) }), 1);
      }
      g.observe({ ...full, spot: at(300) }, 1);
      expect(g.judge(read({ ...full, passId: 'a', spot: at(300) }), 1)).toBe('pending');
      expect(g.judge(read({ ...full, passId: 'b', spot: at(300) }), 1)).toBe('accept');
    });

    it('a shorter code elsewhere, or of another symbology, is no partial read', () => {
      const g = new ReadGuard();
      g.observe({ ...full, spot: at(300) }, 1);
      g.observe({ ...part, spot: at(1200) }, 1);
      g.judge(read({ ...part, passId: 'a', spot: at(1200) }), 1);
      expect(g.judge(read({ ...part, passId: 'b', spot: at(1200) }), 1)).toBe('accept');
      const h = new ReadGuard();
      h.observe({ text: 'X978080', format: 'CODE_39', spot: at(300) }, 1);
      h.judge(read({ text: '978080', format: 'ITF', passId: 'a' }), 1);
      expect(h.judge(read({ text: '978080', format: 'ITF', passId: 'b' }), 1)).toBe('accept');
    });

    it('forgets the longer code after the vote window', () => {
      const g = new ReadGuard();
      g.observe({ ...full, spot: at(300) }, 1);
      const later = 2 + VOTE_WINDOW_FRAMES;
      g.prune(later);
      g.judge(read({ ...part, passId: 'a', spot: at(330) }), later);
      expect(g.judge(read({ ...part, passId: 'b', spot: at(330) }), later)).toBe('accept');
    });
  });

  describe('EAN/UPC add-on digits', () => {
    const withAddOn = { text: '978123456789751299', format: 'EAN_13' as const };
    const main = { text: '9781234567897', format: 'EAN_13' as const };

    it('does not report the main digits alone where the add-on was read too', () => {
      const g = new ReadGuard();
      g.observe({ ...withAddOn, spot: at(340) }, 1);
      for (const [i, passId] of ['a', 'b', 'c', 'd'].entries()) {
        g.observe({ ...main, spot: at(300) }, 1 + i);
        expect(g.judge(read({ ...main, passId, spot: at(300) }), 1 + i)).toBe('pending');
      }
    });

    it('reports the code with its add-on on two agreeing reads, whatever the reads without it', () => {
      const g = new ReadGuard();
      for (const passId of ['a', 'b', 'c']) g.judge(read({ ...main, passId, spot: at(300) }), 1);
      g.observe({ ...withAddOn, spot: at(340) }, 1);
      expect(g.judge(read({ ...withAddOn, passId: 'a', spot: at(340) }), 1)).toBe('pending');
      expect(g.judge(read({ ...withAddOn, passId: 'b', spot: at(340) }), 1)).toBe('accept');
    });

    it('a code without an add-on is reported as before', () => {
      const g = new ReadGuard();
      g.observe({ ...main, spot: at(300) }, 1);
      g.judge(read({ ...main, passId: 'a', spot: at(300) }), 1);
      expect(g.judge(read({ ...main, passId: 'b', spot: at(300) }), 1)).toBe('accept');
    });

    it('another add-on, or another main code, is a contradiction, not a partial read', () => {
      const g = new ReadGuard();
      g.judge(read({ text: '978123456789751290', format: 'EAN_13', passId: 'a', spot: at(340) }), 1);
      g.judge(read({ ...withAddOn, passId: 'a', spot: at(340) }), 1);
      expect(g.judge(read({ ...withAddOn, passId: 'b', spot: at(340) }), 1)).toBe('pending');
    });
  });
});
