import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import {
  applyTorch,
  applyZoom,
  currentZoom,
  describeCameraError,
  endedProblem,
  listCameras,
  openCamera,
  preflightProblem,
  stopStream,
  trackAbilities,
  type CameraDevice,
  type CameraProblem,
  type TrackAbilities,
} from './camera.ts';

export type CameraStatus = 'off' | 'starting' | 'live' | 'paused' | 'error';

export interface CameraState {
  status: CameraStatus;
  problem: CameraProblem | null;
  stream: MediaStream | null;
  track: MediaStreamTrack | null;
  devices: CameraDevice[];
  /** The device actually in use (may differ from the requested one). */
  activeDeviceId: string | null;
  abilities: TrackAbilities;
  torch: boolean;
  zoom: number | null;
  setTorch(on: boolean): void;
  setZoom(value: number): void;
  /** Try again after an error (re-asks for permission where the browser allows). */
  restart(): void;
}

function subscribeVisibility(cb: () => void): () => void {
  document.addEventListener('visibilitychange', cb);
  return () => document.removeEventListener('visibilitychange', cb);
}

/** False while the tab is hidden (another tab, phone locked, app switched). */
export function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => !document.hidden,
    () => true,
  );
}

export interface UseCameraOptions {
  /** Camera wanted (the user has not switched it off). */
  enabled: boolean;
  /** Remembered camera, asked for as an ideal; null lets the browser pick (back camera preferred). */
  deviceId: string | null;
  /** The <video> to show the stream in. */
  videoRef: RefObject<HTMLVideoElement | null>;
}

/**
 * The camera's life cycle for one page: opened while enabled and the tab is visible, stopped while
 * hidden (frees the camera and its light) and reopened on return, and always stopped on unmount —
 * also when unmounting before getUserMedia has answered (the late stream is stopped on arrival).
 */
export function useCamera({ enabled, deviceId, videoRef }: UseCameraOptions): CameraState {
  const visible = usePageVisible();
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<CameraStatus>('off');
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  const [torch, setTorchState] = useState(false);
  const [zoom, setZoomState] = useState<number | null>(null);
  const trackRef = useRef<MediaStreamTrack | null>(null);

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      setProblem(null);
      return;
    }
    if (!visible) {
      setStatus('paused');
      return;
    }
    const early = preflightProblem();
    if (early) {
      setStatus('error');
      setProblem(early);
      return;
    }
    const abort = new AbortController();
    let current: MediaStream | null = null;
    setStatus('starting');
    setProblem(null);
    openCamera(deviceId, abort.signal).then(
      (s) => {
        current = s;
        const track = s.getVideoTracks()[0] ?? null;
        trackRef.current = track;
        track?.addEventListener('ended', () => {
          if (abort.signal.aborted) return;
          setStatus('error');
          setProblem(endedProblem());
        });
        setStream(s);
        setTorchState(false);
        setZoomState(currentZoom(track));
        setStatus('live');
        setProblem(null);
        // Labels are only filled in once permission has been granted, i.e. now.
        listCameras().then(
          (d) => !abort.signal.aborted && setDevices(d),
          () => undefined,
        );
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setStatus('error');
        setProblem(describeCameraError(err));
        listCameras().then(
          (d) => !abort.signal.aborted && setDevices(d),
          () => undefined,
        );
      },
    );
    return () => {
      abort.abort();
      stopStream(current);
      trackRef.current = null;
      setStream(null);
    };
  }, [enabled, deviceId, visible, attempt]);

  // Show the stream; detach on change so the <video> never holds a stopped stream.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.srcObject = stream;
    if (stream) video.play().catch(() => undefined); // autoplay of a muted inline video may still be refused
    return () => {
      if (video.srcObject === stream) video.srcObject = null;
    };
  }, [stream, videoRef]);

  // Cameras plugged in or out.
  useEffect(() => {
    const md = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined;
    if (!md?.addEventListener) return;
    const onChange = () => listCameras().then(setDevices, () => undefined);
    md.addEventListener('devicechange', onChange);
    return () => md.removeEventListener('devicechange', onChange);
  }, []);

  const track = stream?.getVideoTracks()[0] ?? null;
  const abilities = trackAbilities(track);

  const setTorch = useCallback((on: boolean) => {
    const t = trackRef.current;
    if (!t) return;
    applyTorch(t, on).then(
      () => setTorchState(on),
      () => setTorchState(false),
    );
  }, []);

  const setZoom = useCallback((value: number) => {
    const t = trackRef.current;
    if (!t) return;
    setZoomState(value);
    applyZoom(t, value).catch(() => setZoomState(currentZoom(t)));
  }, []);

  const restart = useCallback(() => setAttempt((n) => n + 1), []);

  return {
    status,
    problem,
    stream,
    track,
    devices,
    activeDeviceId: track?.getSettings?.().deviceId ?? null,
    abilities,
    torch,
    zoom,
    setTorch,
    setZoom,
    restart,
  };
}
