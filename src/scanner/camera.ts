/**
 * Camera access without React: constraints, device list, torch/zoom, and camera errors turned into
 * messages that say what to do. No `exact` constraint anywhere: on a device without the requested
 * camera it throws OverconstrainedError instead of falling back (Chromium's fake camera has no
 * facingMode at all).
 */
import { i18n } from '../i18n/i18n.ts';

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

type ProblemKey = 'insecure' | 'denied' | 'notFound' | 'busy' | 'overconstrained' | 'unsupported' | 'unknown' | 'ended';

/** Title, message and next step from the scanner catalogue; "Start camera" is the button's own label. */
function problem(kind: CameraProblemKind, key: ProblemKey, message?: string): CameraProblem {
  const start = i18n.t('scanner:camera.start');
  return {
    kind,
    title: i18n.t(`scanner:problem.${key}.title`),
    message: message ?? i18n.t(`scanner:problem.${key}.message`),
    nextStep: i18n.t(`scanner:problem.${key}.nextStep`, { start }),
  };
}

export function insecureContextProblem(): CameraProblem {
  return problem('insecure', 'insecure');
}

/** Map a getUserMedia failure (DOMException name) to a message with a next step. */
export function describeCameraError(err: unknown): CameraProblem {
  switch (errorName(err)) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return problem('denied', 'denied');
    case 'NotFoundError':
    case 'DevicesNotFoundError':
      return problem('not-found', 'notFound');
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return problem('in-use', 'busy');
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return problem('overconstrained', 'overconstrained');
    case 'TypeError':
      return problem('unsupported', 'unsupported');
    default:
      // The browser's own reason is shown as it gave it.
      return problem(
        'unknown',
        'unknown',
        err instanceof Error && err.message
          ? i18n.t('scanner:problem.unknown.browserSaid', { reason: err.message })
          : undefined,
      );
  }
}

export function endedProblem(): CameraProblem {
  return problem('ended', 'ended');
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
