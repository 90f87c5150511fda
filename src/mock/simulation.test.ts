// Simulation state: JSON export/import (IndexedDB persistence in demo mode) and reset.
import { describe, expect, it } from 'vitest';
import { hashBarcode } from './barcodeHash';
import { obtainToken } from './endpoints/users';
import { createSimulation } from './simulation';
import type { UserRow } from './store';

describe('createSimulation', () => {
  it('seeds the demo dataset with its pks and counters', () => {
    const sim = createSimulation();
    expect(sim.store.parts.get(69)?.name).toBe('530470210');
    expect(sim.store.stockItems.size).toBe(1106);
    // Next pks as the real server allocated them in the transcripts.
    expect(sim.store.parts.nextPk).toBe(902);
    expect(sim.store.stockItems.nextPk).toBe(1216);
    expect(sim.plugins.map((p) => p.name)).toEqual([
      'InvenTreeBarcode',
      'DigiKeyPlugin',
      'LCSCPlugin',
      'MouserPlugin',
      'TMEPlugin',
    ]);
  });

  it('round-trips its state through JSON (as stored in IndexedDB)', () => {
    const sim = createSimulation();
    sim.store.setBarcode('stockitem', 231, 'CUSTOM-1', hashBarcode('CUSTOM-1'));
    sim.store.history.insert((pk) => ({
      pk,
      data: 'x',
      timestamp: 1,
      endpoint: '/api/barcode/',
      context: {},
      response: {},
      result: true,
      user: 1,
    }));
    const state = JSON.parse(JSON.stringify(sim.exportState()));
    const restored = createSimulation();
    restored.importState(state);
    expect(restored.store.stockItems.get(231)?.barcode_hash).toBe(hashBarcode('CUSTOM-1'));
    expect(restored.store.getBarcodeData('stockitem', 231)).toBe('CUSTOM-1');
    expect(restored.store.history.nextPk).toBe(2);
    expect(restored.exportState()).toEqual(state);
  });

  it('reset returns to the seed; keepTokens keeps sign-ins valid', () => {
    const sim = createSimulation();
    const admin = sim.store.users.get(1) as UserRow;
    const token = obtainToken(sim, admin, '');
    sim.store.setBarcode('part', 69, 'X', hashBarcode('X'));
    sim.reset({ keepTokens: true });
    expect(sim.store.parts.get(69)?.barcode_hash).toBe('');
    expect(sim.store.tokens.find((t) => t.key === token.key)).toBeDefined();
    sim.reset();
    expect(sim.store.tokens.size).toBe(0);
  });

  it('simulations never share rows', () => {
    const a = createSimulation();
    const b = createSimulation();
    a.store.setBarcode('part', 69, 'X', hashBarcode('X'));
    expect(b.store.parts.get(69)?.barcode_hash).toBe('');
  });
});
