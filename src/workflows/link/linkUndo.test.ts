/** Undo of a link from its log line, against the simulation (msw/node), and the machine's event. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Connection } from '../../connection/connectionTypes.ts';
import { linkBarcode, unlinkBarcode } from '../../api/barcode.ts';
import { loadObject } from '../../api/objects.ts';
import { createNodeSimulation } from '../../mock/node.ts';
import { TEST_ORIGIN, tokenFor } from '../../mock/test/simClient.ts';
import { initialLinkState, linkStep } from './linkMachine.ts';
import { linkUndoOffer, readLinkRef, undoLink } from './linkUndo.ts';

const { sim, server } = createNodeSimulation();
let conn: Connection;
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  sim.reset();
  conn = { mode: 'server', baseUrl: TEST_ORIGIN, token: tokenFor(sim, 'admin').replace(/^Token /, '') };
});

const target = { model: 'stockitem' as const, pk: 5 };

async function link(barcode: string) {
  const r = await linkBarcode(conn, barcode, 'stockitem', 5);
  if (!r.ok) throw new Error('not linked');
  return { kind: 'linked' as const, target, barcode, hash: r.barcodeHash ?? '' };
}

const hashOf5 = async () => (await loadObject(conn, '/api/stock/5/')).data.barcode_hash;

describe('undo of a link', () => {
  it('says first what unlinking does, and names the object', async () => {
    const offer = linkUndoOffer(await link('UNDO-TEST-1'));
    expect(offer.label).toBe('Unlink');
    expect(offer.confirm).toContain('Stock item #5');
    expect(offer.confirm).toContain('Its InvenTree label keeps working.');
    expect(readLinkRef(offer.ref)).toMatchObject({ model: 'stockitem', pk: 5 });
    expect(readLinkRef('nonsense')).toBeNull();
  });

  it('unlinks the barcode it linked: the object has none afterwards', async () => {
    const offer = linkUndoOffer(await link('UNDO-TEST-2'));
    expect(await hashOf5()).not.toBe('');
    await expect(undoLink(conn, offer.ref)).resolves.toBe('Undone: Stock item #5 has no custom barcode now.');
    expect(await hashOf5()).toBe('');
  });

  it('leaves alone a barcode linked since (InvenTree’s unlink does not name the barcode)', async () => {
    const offer = linkUndoOffer(await link('UNDO-TEST-3'));
    await unlinkBarcode(conn, 'stockitem', 5);
    await link('UNDO-TEST-4');
    const now = await hashOf5();
    await expect(undoLink(conn, offer.ref)).rejects.toThrow('has another custom barcode now: nothing was unlinked');
    expect(await hashOf5()).toBe(now);
  });

  it('the machine: the panel says "unlinked" when the link it shows was undone', () => {
    const linked = {
      ...initialLinkState({ target }),
      outcome: { kind: 'linked' as const, target, barcode: 'X', hash: 'h' },
    };
    expect(linkStep(linked, { type: 'linkUndone', target }).state.outcome).toEqual({ kind: 'unlinked', target });
    const other = linkStep(linked, { type: 'linkUndone', target: { model: 'part', pk: 5 } });
    expect(other.state.outcome?.kind).toBe('linked');
  });
});
