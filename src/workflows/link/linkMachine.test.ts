import { describe, expect, it } from 'vitest';
import { fromScan, initialLinkState, linkStateFromUrl, linkStep } from './linkMachine.ts';
import { transcript, reply, answerOf, scan, scanThrough, item231, item325 } from './testing/linkReplies.ts';

describe('link: choosing the target', () => {
  it('reads the target and a pending barcode from the URL', () => {
    const s = linkStateFromUrl(new URLSearchParams('model=stockitem&pk=12&barcode=ABC-1'));
    expect(s.target).toEqual({ model: 'stockitem', pk: 12 });
    expect(s.barcode).toBe('ABC-1');
  });

  it('ignores an unknown model or a bad pk in the URL', () => {
    expect(linkStateFromUrl(new URLSearchParams('model=company&pk=1')).target).toBeNull();
    expect(linkStateFromUrl(new URLSearchParams('model=part&pk=x')).target).toBeNull();
  });

  it('without a target, a scan asks the scan endpoint and an InvenTree label becomes the target', () => {
    const step = linkStep(initialLinkState(), { type: 'scan', scan: scan('{"stockitem": 231}') });
    expect(step.effect).toEqual({ kind: 'scan', barcode: '{"stockitem": 231}' });
    const next = linkStep(step.state, reply(step.state, answerOf('010-scan-stockitem'))).state;
    expect(next.target).toEqual(item231);
    expect(next.outcome).toEqual({ kind: 'targetChosen', target: item231, via: 'scan' });
    expect(next.inFlight).toBeNull();
  });

  it('without a target, an unknown barcode waits for a target', () => {
    const next = scanThrough(initialLinkState(), '053-scan-first-custom-after-relink');
    expect(next.target).toBeNull();
    expect(next.barcode).toBe('CUSTOM-BARCODE-0001');
    expect(next.outcome).toEqual({ kind: 'barcodePending', barcode: 'CUSTOM-BARCODE-0001' });
  });

  it('a pending barcode is linked once a target is chosen and the user confirms', () => {
    let s = initialLinkState({ barcode: 'CUSTOM-BARCODE-0001' });
    s = linkStep(s, { type: 'chooseTarget', target: item231, via: 'search' }).state;
    const step = linkStep(s, { type: 'confirmLink' });
    expect(step.effect).toEqual({ kind: 'link', barcode: 'CUSTOM-BARCODE-0001', target: item231 });
    // The request body the page builds from this effect is the one the transcript sent.
    expect(transcript('047-link-stockitem').request.body).toEqual({ barcode: 'CUSTOM-BARCODE-0001', stockitem: 231 });
    const next = linkStep(step.state, reply(step.state, answerOf('047-link-stockitem'))).state;
    expect(next.outcome).toEqual({
      kind: 'linked',
      target: item231,
      barcode: 'CUSTOM-BARCODE-0001',
      hash: '710e8bb4bd3e2c62ac4711b9f0094e12',
    });
    expect(next.barcode).toBeNull();
  });

  it('confirmLink does nothing without both target and barcode', () => {
    expect(linkStep(initialLinkState({ target: item231 }), { type: 'confirmLink' }).effect).toBeNull();
    expect(linkStep(initialLinkState({ barcode: 'X' }), { type: 'confirmLink' }).effect).toBeNull();
  });
});

describe('link: scanning the barcode to assign', () => {
  it('links a custom barcode to a stock item (047)', () => {
    const next = scanThrough(initialLinkState({ target: item231 }), '047-link-stockitem');
    expect(next.outcome).toMatchObject({ kind: 'linked', target: item231, barcode: 'CUSTOM-BARCODE-0001' });
  });

  it('links to a part (057)', () => {
    const next = scanThrough(initialLinkState({ target: { model: 'part', pk: 69 } }), '057-link-part');
    expect(next.outcome).toMatchObject({
      kind: 'linked',
      target: { model: 'part', pk: 69 },
      barcode: 'CUSTOM-PART-0001',
    });
  });

  it('relinking replaces silently: still a success (052)', () => {
    const next = scanThrough(initialLinkState({ target: item231 }), '052-link-item-already-has-barcode');
    expect(next.outcome).toMatchObject({ kind: 'linked', barcode: 'CUSTOM-BARCODE-0002' });
  });

  it('a barcode linked elsewhere shows which item has it (050, pk stringified)', () => {
    const next = scanThrough(initialLinkState({ target: item325 }), '050-link-already-used');
    expect(next.outcome).toEqual({
      kind: 'alreadyLinked',
      barcode: 'CUSTOM-BARCODE-0001',
      match: { model: 'stockitem', pk: 231, apiUrl: '/api/stock/231/', webUrl: '/stock/item/231/' },
      isTarget: false,
    });
    expect(next.target).toEqual(item325);
    // The user may take that item as the new target.
    const switched = linkStep(next, { type: 'useMatchAsTarget' }).state;
    expect(switched.target).toEqual(item231);
  });

  it('the same barcode on the target itself is reported as already linked to it', () => {
    const answer = answerOf('050-link-already-used');
    const s = linkStep(initialLinkState({ target: item231 }), {
      type: 'scan',
      scan: scan('CUSTOM-BARCODE-0001'),
    }).state;
    const next = linkStep(s, reply(s, answer)).state;
    expect(next.outcome).toMatchObject({ kind: 'alreadyLinked', isTarget: true });
  });

  it('an InvenTree label scanned with a target set switches the target (051)', () => {
    const next = scanThrough(initialLinkState({ target: item325 }), '051-link-internal-barcode');
    expect(next.target).toEqual({ model: 'part', pk: 69 });
    expect(next.outcome).toEqual({ kind: 'targetChosen', target: { model: 'part', pk: 69 }, via: 'scan' });
  });

  it("the target's own InvenTree label again keeps the last result (a camera sees it twice)", () => {
    let s = scanThrough(initialLinkState({ target: { model: 'part', pk: 69 } }), '057-link-part');
    expect(s.outcome?.kind).toBe('linked');
    s = linkStep(s, { type: 'scan', scan: scan('{"part": 69}') }).state;
    s = linkStep(s, reply(s, answerOf('051-link-internal-barcode'))).state;
    expect(s.outcome?.kind).toBe('linked');
    expect(s.target).toEqual({ model: 'part', pk: 69 });
    expect(s.inFlight).toBeNull();
  });

  it('a target that no longer exists is named (055)', () => {
    const s = initialLinkState({ target: { model: 'stockitem', pk: 999999 } });
    const next = scanThrough(s, '055-link-bad-pk');
    expect(next.outcome).toMatchObject({
      kind: 'error',
      reason: 'notFound',
      message: 'Stock item #999999 does not exist (any more). Choose another target.',
    });
  });

  it('no target on the server side asks to choose one (054)', () => {
    const s = initialLinkState({ target: item231 });
    const step = linkStep(s, { type: 'scan', scan: scan('CUSTOM-BARCODE-0003') });
    const next = linkStep(step.state, reply(step.state, answerOf('054-link-no-target'))).state;
    expect(next.outcome).toMatchObject({
      kind: 'error',
      reason: 'noTarget',
      message: 'Choose the object to link first.',
    });
  });

  it('a missing barcode field is shown as a barcode error (056)', () => {
    const s = linkStep(initialLinkState({ target: item325 }), { type: 'scan', scan: scan('x') }).state;
    const next = linkStep(s, reply(s, answerOf('056-link-missing-barcode'))).state;
    expect(next.outcome).toMatchObject({
      kind: 'error',
      reason: 'invalid',
      message: 'Barcode: This field is required.',
    });
  });

  it('403 explains the missing right (058)', () => {
    const next = scanThrough(initialLinkState({ target: item325 }), '058-link-other-user-forbidden');
    expect(next.outcome).toMatchObject({ kind: 'error', reason: 'forbidden', status: 403 });
    const message = (next.outcome as { message: string }).message;
    expect(message).toContain('may not change stock items (stock_stockitem)');
    expect(message).toContain('"change" right of Stock items or Build orders');
  });

  it('401 says the user is signed out (059)', () => {
    const next = scanThrough(initialLinkState({ target: item325 }), '059-link-noauth');
    expect(next.outcome).toMatchObject({ kind: 'error', reason: 'signedOut' });
  });

  it('a network failure is an error, and the machine is free again', () => {
    const s = linkStep(initialLinkState({ target: item325 }), { type: 'scan', scan: scan('Z') }).state;
    expect(s.inFlight?.kind).toBe('link');
    const next = linkStep(s, reply(s, { status: 0, body: null, message: 'Network down' })).state;
    expect(next.outcome).toMatchObject({ kind: 'error', reason: 'network', message: 'Network down' });
    expect(next.inFlight).toBeNull();
  });

  it('queues scans that arrive while a request is in flight and sends them in order after it', () => {
    const first = linkStep(initialLinkState(), { type: 'scan', scan: scan('{"stockitem": 325}') });
    expect(first.effect).toEqual({ kind: 'scan', barcode: '{"stockitem": 325}' });
    expect(fromScan({ type: 'scan', scan: scan('{"stockitem": 325}') }, first)).toBe(true);
    // The supplier label comes before the target's answer: it waits, nothing is sent yet.
    const queued = linkStep(first.state, { type: 'scan', scan: scan('ACME-1') });
    expect(queued.effect).toBeNull();
    expect(queued.state.queue.map((q) => q.text)).toEqual(['ACME-1']);
    const both = linkStep(queued.state, { type: 'scan', scan: scan('ACME-2') }).state;
    // The target's answer arrives: the first queued label is linked to the new target.
    const targetAnswer = {
      status: 200,
      body: {
        stockitem: { pk: 325, api_url: '/api/stock/325/', web_url: '/stock/item/325/' },
        plugin: 'InvenTreeBarcode',
        barcode_data: '{"stockitem": 325}',
        barcode_hash: 'x',
        success: 'Match found for barcode data',
      },
    };
    const after = linkStep(both, reply(both, targetAnswer));
    expect(after.state.target).toEqual(item325);
    expect(after.effect).toEqual({ kind: 'link', barcode: 'ACME-1', target: item325 });
    expect(fromScan(reply(both, targetAnswer), after)).toBe(true);
    expect(after.state.queue.map((q) => q.text)).toEqual(['ACME-2']);
    // Then the second, whatever the first's answer was.
    const last = linkStep(after.state, reply(after.state, { status: 0, body: null, message: 'Network down' }));
    expect(last.effect).toEqual({ kind: 'link', barcode: 'ACME-2', target: item325 });
    expect(last.state.queue).toEqual([]);
    expect(linkStep(last.state, reply(last.state, { status: 0, body: null })).effect).toBeNull();
  });

  it('ignores blank scans, and a confirm while busy', () => {
    expect(linkStep(initialLinkState({ target: item325 }), { type: 'scan', scan: scan('  ') }).effect).toBeNull();
    const busy = linkStep(initialLinkState({ target: item325, barcode: 'B' }), { type: 'confirmLink' }).state;
    expect(linkStep(busy, { type: 'confirmLink' }).effect).toBeNull();
  });

  it('the duplicate-barcode model check is explained', () => {
    const s = linkStep(initialLinkState({ target: item325 }), { type: 'scan', scan: scan('INV-ZZ1') }).state;
    const next = linkStep(s, reply(s, { status: 400, body: { non_field_errors: ['Existing barcode found'] } })).state;
    expect(next.outcome).toMatchObject({ kind: 'error', message: 'Another stock item already has this barcode.' });
  });
});
