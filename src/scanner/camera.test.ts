import { describe, expect, it } from 'vitest';
import { cameraConstraints, describeCameraError, trackAbilities } from './camera.ts';

function hasExact(v: unknown): boolean {
  if (!v || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => k === 'exact' || hasExact(x));
}

describe('cameraConstraints', () => {
  it('prefers the back camera at 1280×720, without any exact constraint', () => {
    const c = cameraConstraints(null);
    expect(c).toEqual({
      audio: false,
      video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: { ideal: 'environment' } },
    });
    expect(hasExact(c)).toBe(false);
  });

  it('asks for a remembered camera as an ideal, never exact', () => {
    const c = cameraConstraints('cam-42');
    expect(c.video).toMatchObject({ deviceId: { ideal: 'cam-42' } });
    expect(hasExact(c)).toBe(false);
    // A remembered (maybe front) camera is not outvoted by the back-camera preference.
    expect(c.video).not.toHaveProperty('facingMode');
  });
});

describe('describeCameraError', () => {
  const named = (name: string) => new DOMException('x', name);

  it('permission denied says how to allow it', () => {
    const p = describeCameraError(named('NotAllowedError'));
    expect(p.kind).toBe('denied');
    expect(p.title).toMatch(/permission denied/i);
    expect(p.nextStep).toMatch(/Allow/);
  });

  it('no camera, camera in use, unsupported constraints each get their own message', () => {
    expect(describeCameraError(named('NotFoundError'))).toMatchObject({ kind: 'not-found', title: 'No camera found' });
    expect(describeCameraError(named('NotReadableError'))).toMatchObject({ kind: 'in-use' });
    expect(describeCameraError(named('NotReadableError')).nextStep).toMatch(/another app|other app/i);
    expect(describeCameraError(named('OverconstrainedError'))).toMatchObject({ kind: 'overconstrained' });
  });

  it('anything else still says what to do, and never prints an object', () => {
    const p = describeCameraError({ weird: true });
    expect(p.kind).toBe('unknown');
    expect(p.message).not.toContain('[object');
    expect(p.nextStep).toMatch(/Start camera/);
    expect(describeCameraError(new Error('boom')).message).toContain('boom');
  });
});

describe('trackAbilities', () => {
  it('reports torch and zoom only when the track offers them', () => {
    const track = {
      getSettings: () => ({ width: 1280, height: 720, frameRate: 30 }),
      getCapabilities: () => ({
        torch: true,
        zoom: { min: 1, max: 8, step: 0.5 },
        focusMode: ['continuous', 'manual'],
      }),
    } as unknown as MediaStreamTrack;
    expect(trackAbilities(track)).toEqual({
      torch: true,
      zoom: { min: 1, max: 8, step: 0.5 },
      focusModes: ['continuous', 'manual'],
      width: 1280,
      height: 720,
      frameRate: 30,
    });
  });

  it('a webcam without torch or zoom (or without getCapabilities) offers neither', () => {
    const plain = {
      getSettings: () => ({ width: 640, height: 480 }),
      getCapabilities: () => ({}),
    } as unknown as MediaStreamTrack;
    expect(trackAbilities(plain)).toMatchObject({ torch: false, zoom: null, width: 640 });
    const old = { getSettings: () => ({}) } as unknown as MediaStreamTrack;
    expect(trackAbilities(old)).toMatchObject({ torch: false, zoom: null });
    const flat = {
      getSettings: () => ({}),
      getCapabilities: () => ({ zoom: { min: 1, max: 1 } }),
    } as unknown as MediaStreamTrack;
    expect(trackAbilities(flat).zoom).toBeNull();
  });
});
