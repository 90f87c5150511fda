// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCamera, type CameraState } from './useCamera.ts';

class FakeTrack {
  stopped = false;
  listeners = new Map<string, () => void>();
  stop() {
    this.stopped = true;
  }
  getSettings() {
    return { deviceId: 'cam-1', width: 1280, height: 720 };
  }
  getCapabilities() {
    return {};
  }
  addEventListener(type: string, fn: () => void) {
    this.listeners.set(type, fn);
  }
}

function fakeStream() {
  const track = new FakeTrack();
  return { track, stream: { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream };
}

interface Pending {
  resolve(s: MediaStream): void;
  reject(e: unknown): void;
  constraints: MediaStreamConstraints;
}

let pending: Pending[] = [];
let latest: CameraState | null = null;

function Probe({ enabled = true, deviceId = null }: { enabled?: boolean; deviceId?: string | null }) {
  const ref = useRef<HTMLVideoElement | null>(null);
  latest = useCamera({ enabled, deviceId, videoRef: ref });
  return (
    <video ref={ref}>
      <track kind="captions" />
    </video>
  );
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  pending = [];
  latest = null;
  Object.defineProperty(window, 'isSecureContext', { configurable: true, value: true });
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      getUserMedia: (constraints: MediaStreamConstraints) =>
        new Promise<MediaStream>((resolve, reject) => pending.push({ resolve, reject, constraints })),
      enumerateDevices: async () => [
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Back camera' },
        { kind: 'audioinput', deviceId: 'mic', label: 'Mic' },
      ],
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  });
  HTMLMediaElement.prototype.play = vi.fn(async () => undefined);
  setHidden(false);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useCamera', () => {
  it('goes live with the stream and lists cameras with labels', async () => {
    const { container, unmount } = render(<Probe />);
    expect(latest?.status).toBe('starting');
    const { stream, track } = fakeStream();
    await act(async () => pending[0]!.resolve(stream));
    expect(latest?.status).toBe('live');
    expect(container.querySelector('video')?.srcObject).toBe(stream);
    expect(latest?.devices).toEqual([{ deviceId: 'cam-1', label: 'Back camera' }]);
    unmount();
    expect(track.stopped).toBe(true);
  });

  it('leaving before the stream arrives stops the late stream at once', async () => {
    const { unmount } = render(<Probe />);
    unmount();
    const { stream, track } = fakeStream();
    await act(async () => pending[0]!.resolve(stream));
    expect(track.stopped).toBe(true);
  });

  it('stops the camera while the tab is hidden and reopens it when visible', async () => {
    render(<Probe />);
    const first = fakeStream();
    await act(async () => pending[0]!.resolve(first.stream));
    act(() => setHidden(true));
    expect(first.track.stopped).toBe(true);
    expect(latest?.status).toBe('paused');
    act(() => setHidden(false));
    expect(pending).toHaveLength(2);
    const second = fakeStream();
    await act(async () => pending[1]!.resolve(second.stream));
    expect(latest?.status).toBe('live');
    expect(second.track.stopped).toBe(false);
  });

  it('a refused permission becomes a message with a next step; restart asks again', async () => {
    render(<Probe />);
    await act(async () => pending[0]!.reject(new DOMException('denied', 'NotAllowedError')));
    expect(latest?.status).toBe('error');
    expect(latest?.problem?.kind).toBe('denied');
    act(() => latest?.restart());
    expect(pending).toHaveLength(2);
  });

  it('on plain http (insecure context) it says so without asking for the camera', () => {
    Object.defineProperty(window, 'isSecureContext', { configurable: true, value: false });
    render(<Probe />);
    expect(pending).toHaveLength(0);
    expect(latest?.problem?.kind).toBe('insecure');
  });

  it('a remembered camera is asked for as an ideal; switching it stops the old stream', async () => {
    const { rerender } = render(<Probe deviceId="cam-1" />);
    expect(pending[0]!.constraints.video).toMatchObject({ deviceId: { ideal: 'cam-1' } });
    const first = fakeStream();
    await act(async () => pending[0]!.resolve(first.stream));
    rerender(<Probe deviceId="cam-2" />);
    expect(first.track.stopped).toBe(true);
    expect(pending[1]!.constraints.video).toMatchObject({ deviceId: { ideal: 'cam-2' } });
  });

  it('switched off: no camera is asked for, and a running one stops', async () => {
    const { rerender } = render(<Probe />);
    const first = fakeStream();
    await act(async () => pending[0]!.resolve(first.stream));
    rerender(<Probe enabled={false} />);
    expect(first.track.stopped).toBe(true);
    expect(latest?.status).toBe('off');
  });
});
