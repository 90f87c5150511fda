/**
 * Camera access without React: constraints, device list, torch/zoom, and camera errors turned into
 * messages that say what to do. No `exact` constraint anywhere: on a device without the requested
 * camera it throws OverconstrainedError instead of falling back (Chromium's fake camera has no
 * facingMode at all).
 */

export interface CameraDevice {
  deviceId: string;
  label: string;
}

export type CameraProblemKind =
  'insecure' | 'unsupported' | 'denied' | 'not-found' | 'in-use' | 'overconstrained' | 'ended' | 'unknown';

export interface CameraProblem {
  kind: CameraProblemKind;
  title: string;
  /** What happened, in plain words. */
  message: string;
  /** What the user can do about it. */
  nextStep: string;
}

/**
 * Back camera preferred, 1280×720 preferred; a remembered device preferred over both. facingMode is
 * left out when a device is remembered: two unmet "ideal"s would tie a front camera the user chose
 * with any back camera, and the browser could pick either.
 */
export function cameraConstraints(deviceId: string | null): MediaStreamConstraints {
  const video: MediaTrackConstraints = {
    width: { ideal: 1280 },
    height: { ideal: 720 },
  };
  if (deviceId) video.deviceId = { ideal: deviceId };
  else video.facingMode = { ideal: 'environment' };
  return { audio: false, video };
}

function errorName(err: unknown): string {
  if (err && typeof err === 'object' && 'name' in err && typeof err.name === 'string') return err.name;
  return '';
}

export function insecureContextProblem(): CameraProblem {
  return {
    kind: 'insecure',
    title: 'Camera needs a secure connection',
    message: 'Browsers only allow the camera on pages served over HTTPS or from localhost; this page is plain HTTP.',
    nextStep:
      'Open StockScan over HTTPS (or on this computer via http://localhost). The scanner gun and manual entry below still work.',
  };
}

/** Map a getUserMedia failure (DOMException name) to a message with a next step. */
export function describeCameraError(err: unknown): CameraProblem {
  switch (errorName(err)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        kind: 'denied',
        title: 'Camera permission denied',
        message: 'The browser was told not to let StockScan use the camera.',
        nextStep:
          'Allow the camera: click the camera or lock icon in the address bar (on a phone: browser settings → Site settings → Camera), choose Allow, then press "Start camera". The scanner gun and manual entry still work meanwhile.',
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return {
        kind: 'not-found',
        title: 'No camera found',
        message: 'This device reports no camera.',
        nextStep: 'Connect a camera and press "Start camera", or use a scanner gun or type the code below.',
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        kind: 'in-use',
        title: 'Camera is busy',
        message: 'The camera could not be started; another app or browser tab is probably using it.',
        nextStep:
          'Close the other app or tab using the camera (video calls, other scanners), then press "Start camera". Or choose another camera.',
      };
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return {
        kind: 'overconstrained',
        title: 'Camera settings not supported',
        message: 'The chosen camera cannot provide the requested picture.',
        nextStep: 'Choose another camera from the list, or press "Start camera" to try again with defaults.',
      };
    case 'TypeError':
      return {
        kind: 'unsupported',
        title: 'Camera not available here',
        message: 'This browser does not offer camera access to this page.',
        nextStep: 'Use a current Chrome, Edge, Firefox or Safari over HTTPS, or use a scanner gun or manual entry.',
      };
    default:
      return {
        kind: 'unknown',
        title: 'Camera could not start',
        message:
          err instanceof Error && err.message ? `The browser said: ${err.message}` : 'The browser gave no reason.',
        nextStep: 'Press "Start camera" to try again, or reload the page. The scanner gun and manual entry still work.',
      };
  }
}

export function endedProblem(): CameraProblem {
  return {
    kind: 'ended',
    title: 'Camera stopped',
    message: 'The camera was disconnected or taken over by another app.',
    nextStep: 'Reconnect it or close the other app, then press "Start camera".',
  };
}

/** A problem known before asking for the camera at all, or null. */
export function preflightProblem(): CameraProblem | null {
  if (typeof window !== 'undefined' && window.isSecureContext === false) return insecureContextProblem();
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    return describeCameraError(new TypeError('getUserMedia missing'));
  }
  return null;
}

export function stopStream(stream: MediaStream | null | undefined): void {
  if (!stream) return;
  for (const t of stream.getTracks()) t.stop();
}

/**
 * Open the camera. If `signal` is aborted before the stream arrives (the page was left), the late
 * stream is stopped at once and an AbortError is thrown, so the camera light never stays on.
 */
export async function openCamera(deviceId: string | null, signal?: AbortSignal): Promise<MediaStream> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia(cameraConstraints(deviceId));
  } catch (err) {
    // Only ideals are asked, but some older browsers still reject them; plain video is the fallback.
    if (errorName(err) !== 'OverconstrainedError' || signal?.aborted) throw err;
    stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: true });
  }
  if (signal?.aborted) {
    stopStream(stream);
    throw new DOMException('Camera no longer wanted', 'AbortError');
  }
  return stream;
}

/** Video inputs with labels (labels are empty until camera permission is granted). */
export async function listCameras(): Promise<CameraDevice[]> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.enumerateDevices) return [];
  const all = await navigator.mediaDevices.enumerateDevices();
  return all
    .filter((d) => d.kind === 'videoinput' && d.deviceId)
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

export interface ZoomRange {
  min: number;
  max: number;
  step: number;
}

export interface TrackAbilities {
  torch: boolean;
  zoom: ZoomRange | null;
  focusModes: string[];
  width: number | null;
  height: number | null;
  frameRate: number | null;
}

/** Torch, zoom and focus as the track offers them (getCapabilities is missing in some browsers). */
export function trackAbilities(track: MediaStreamTrack | null): TrackAbilities {
  const none: TrackAbilities = { torch: false, zoom: null, focusModes: [], width: null, height: null, frameRate: null };
  if (!track) return none;
  const settings = track.getSettings?.() ?? {};
  const base = {
    ...none,
    width: settings.width ?? null,
    height: settings.height ?? null,
    frameRate: settings.frameRate ?? null,
  };
  if (typeof track.getCapabilities !== 'function') return base;
  // torch, zoom and focusMode are not in TypeScript's DOM types yet.
  const caps = track.getCapabilities() as MediaTrackCapabilities & {
    torch?: boolean;
    zoom?: { min?: number; max?: number; step?: number };
    focusMode?: string[];
  };
  const z = caps.zoom;
  const zoom =
    z && typeof z.min === 'number' && typeof z.max === 'number' && z.max > z.min
      ? { min: z.min, max: z.max, step: z.step && z.step > 0 ? z.step : 0.1 }
      : null;
  return { ...base, torch: caps.torch === true, zoom, focusModes: Array.isArray(caps.focusMode) ? caps.focusMode : [] };
}

export function currentZoom(track: MediaStreamTrack | null): number | null {
  const s = track?.getSettings?.() as (MediaTrackSettings & { zoom?: number }) | undefined;
  return typeof s?.zoom === 'number' ? s.zoom : null;
}

export async function applyTorch(track: MediaStreamTrack, on: boolean): Promise<void> {
  await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
}

export async function applyZoom(track: MediaStreamTrack, zoom: number): Promise<void> {
  await track.applyConstraints({ advanced: [{ zoom } as MediaTrackConstraintSet] });
}
