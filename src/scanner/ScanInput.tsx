/**
 * The one scan input: camera preview, page-wide scanner gun and manual entry, all at once. Every
 * input becomes a ScanEvent; the duplicate window is applied here, so the page receives only
 * accepted scans (and deliberate repeats through onRepeat). A camera failure is shown with its next
 * step while the gun and manual entry keep working.
 */
import { Alert, Badge, Box, Button, Group, Loader, Paper, Select, Slider, Stack, Switch, Text, TextInput } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBarcode,
  IconCamera,
  IconCameraOff,
  IconKeyboard,
  IconPlayerStop,
} from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { BarcodeFormatName, DecodeStrategyName, FrameDecoder } from './decoderTypes.ts';
import { refuseBarcode, type BarcodeRefusal } from '../api/barcodeLimits.ts';
import { DuplicateWindow } from './duplicateWindow.ts';
import { loadFrameDecoder, startFrameLoop } from './frameLoop.ts';
import type { ScanEvent, ScanSource } from './scanEvent.ts';
import { useCamera, type CameraState } from './useCamera.ts';
import { useScannerSettings } from './useScannerSettings.ts';
import { useWedge, type WedgeStatus } from './useWedge.ts';

export interface ScanInputProps {
  /** An accepted scan (new, or the same code again after the duplicate window). */
  onScan(event: ScanEvent): void;
  /** The same code scanned again on purpose within the duplicate window. */
  onRepeat?(event: ScanEvent): void;
  /** A scan InvenTree would refuse (too long, NUL): not passed to onScan; shown here, and told to the page for its log. */
  onRefused?(event: ScanEvent, refusal: BarcodeRefusal): void;
  /** Start the camera when shown (default true). */
  autoStartCamera?: boolean;
  /** Narrow layout for a side column (tablet station). */
  compact?: boolean;
  /** Ignore every input (e.g. while a dialog asks for a choice). */
  disabled?: boolean;
  /** Label of the manual entry field. */
  label?: string;
}

type DecoderWithStrategy = FrameDecoder & { setStrategy?(s: DecodeStrategyName): void; reset?(): void };

export function ScanInput({
  onScan,
  onRepeat,
  onRefused,
  autoStartCamera = true,
  compact = false,
  disabled = false,
  label = 'Barcode',
}: ScanInputProps) {
  const [settings, updateSettings] = useScannerSettings();
  const [cameraOn, setCameraOn] = useState(autoStartCamera && settings.cameraOnOpen);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const guideRef = useRef<HTMLDivElement | null>(null);
  const camera = useCamera({ enabled: cameraOn, deviceId: settings.cameraDeviceId, videoRef });

  // Latest callbacks without re-running effects when the page passes new functions.
  const handlers = useRef({ onScan, onRepeat, onRefused });
  handlers.current = { onScan, onRepeat, onRefused };
  const [refused, setRefused] = useState<BarcodeRefusal | null>(null);

  const duplicates = useRef<DuplicateWindow | null>(null);
  duplicates.current ??= new DuplicateWindow(settings.duplicateWindowMs);
  duplicates.current.windowMs = settings.duplicateWindowMs;

  const disabledRef = useRef(disabled);
  disabledRef.current = disabled;

  const emit = useCallback((text: string, source: ScanSource, format: string | null) => {
    if (disabledRef.current || text.length === 0) return;
    const event: ScanEvent = { text, source, format, at: Date.now() };
    // The one gate every input passes: what InvenTree would refuse is never sent (nor queued).
    const refusal = refuseBarcode(text);
    if (refusal) {
      setRefused(refusal);
      handlers.current.onRefused?.(event, refusal);
      return;
    }
    setRefused(null);
    const verdict = duplicates.current?.check(text, source, event.at) ?? 'accept';
    if (verdict === 'accept') handlers.current.onScan(event);
    else if (verdict === 'repeat') handlers.current.onRepeat?.(event);
  }, []);

  const wedge = useWedge({ enabled: !disabled && settings.wedge, onScan: (text) => emit(text, 'wedge', null) });

  const decoderError = useCameraDecoding({
    camera,
    cameraOn,
    disabled,
    videoRef,
    guideRef,
    strategy: settings.engine === 'auto' ? undefined : settings.engine,
    formats: settings.formats,
    onRead: (text, format) => emit(text, 'camera', format),
  });

  const [manual, setManual] = useState('');
  const submitManual = (e: FormEvent) => {
    e.preventDefault();
    const text = manual.replace(/[\r\n]+$/, '');
    if (!text.trim()) return;
    emit(text, 'manual', null);
    setManual('');
  };

  const videoHeight = compact ? 'min(38vh, 300px)' : 'min(62vh, 560px)';

  return (
    <Stack gap="sm" data-testid="scan-input" aria-disabled={disabled || undefined}>
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        <Box pos="relative" h={videoHeight} bg="dark.8" style={{ overflow: 'hidden' }}>
          <video
            ref={videoRef}
            data-testid="camera-video"
            aria-label="Camera preview"
            muted
            playsInline
            autoPlay
            style={{
              width: '100%',
              height: '100%',
              objectFit: 'cover',
              display: camera.status === 'live' ? 'block' : 'none',
            }}
          />
          {camera.status === 'live' && <GuideBox boxRef={guideRef} />}
          <CameraOverlay camera={camera} cameraOn={cameraOn} onStart={() => setCameraOn(true)} />
        </Box>
        <CameraControls
          camera={camera}
          cameraOn={cameraOn}
          compact={compact}
          selectedDeviceId={camera.activeDeviceId ?? settings.cameraDeviceId}
          onChooseDevice={(id) => updateSettings({ cameraDeviceId: id })}
          onToggle={() => {
            if (cameraOn && camera.status === 'error') camera.restart();
            else setCameraOn((on) => !on);
          }}
        />
      </Paper>

      {camera.problem && (
        <Alert
          data-testid="camera-error"
          color={camera.problem.kind === 'ended' ? 'yellow' : 'red'}
          icon={<IconAlertTriangle aria-hidden />}
          title={camera.problem.title}
          role="alert"
        >
          <Text size="sm">{camera.problem.message}</Text>
          <Text size="sm" mt={4} fw={500}>
            {camera.problem.nextStep}
          </Text>
        </Alert>
      )}
      {decoderError && (
        <Alert color="orange" title="Camera decoding unavailable" icon={<IconAlertTriangle aria-hidden />}>
          <Text size="sm">{decoderError} The scanner gun and manual entry still work; reloading the page may help.</Text>
        </Alert>
      )}

      {refused && (
        <Alert
          data-testid="scan-refused"
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title="Barcode not sent"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setRefused(null)}
        >
          <Text size="sm">{refused.message}</Text>
          <Text size="sm" mt={4}>
            {refused.nextStep}
          </Text>
        </Alert>
      )}

      <WedgeIndicator status={wedge} enabled={!disabled && settings.wedge} />

      <form onSubmit={submitManual} aria-label="Manual barcode entry">
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={label}
            placeholder="Type or paste a barcode"
            value={manual}
            onChange={(e) => setManual(e.currentTarget.value)}
            disabled={disabled}
            autoComplete="off"
            autoCorrect="off"
            autoCapitalize="off"
            spellCheck={false}
            enterKeyHint="go"
            style={{ flex: 1 }}
            size={compact ? 'sm' : 'md'}
            leftSection={<IconKeyboard size={18} aria-hidden />}
            data-testid="manual-input"
          />
          <Button
            type="submit"
            disabled={disabled || manual.trim().length === 0}
            size={compact ? 'sm' : 'md'}
            leftSection={<IconBarcode size={18} aria-hidden />}
            data-testid="manual-submit"
          >
            Scan
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

/**
 * Runs the decode loop while the camera is live: loads the decoder chunk once the camera is wanted
 * (warming it while the camera starts), and disposes of it when the component goes away.
 */
function useCameraDecoding({
  camera,
  cameraOn,
  disabled,
  videoRef,
  guideRef,
  strategy,
  formats,
  onRead,
}: {
  camera: CameraState;
  cameraOn: boolean;
  disabled: boolean;
  videoRef: RefObject<HTMLVideoElement | null>;
  guideRef: RefObject<HTMLDivElement | null>;
  strategy: DecodeStrategyName | undefined;
  formats: BarcodeFormatName[];
  onRead(text: string, format: string): void;
}): string | null {
  const [decoder, setDecoder] = useState<DecoderWithStrategy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const readRef = useRef(onRead);
  readRef.current = onRead;
  const strategyRef = useRef(strategy);
  strategyRef.current = strategy;
  const loading = useRef(false);
  const mounted = useRef(true);
  const current = useRef<DecoderWithStrategy | null>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      current.current?.dispose();
      current.current = null;
      loading.current = false;
      setDecoder(null);
    };
  }, []);

  // Load once the camera is first wanted, so warming overlaps with the camera starting.
  useEffect(() => {
    if (!cameraOn || current.current || loading.current) return;
    loading.current = true;
    loadFrameDecoder({ strategy: strategyRef.current }).then(
      (d) => {
        loading.current = false;
        if (!mounted.current) {
          d.dispose();
          return;
        }
        current.current = d;
        setDecoder(d);
        d.warm().catch((err: unknown) => {
          if (mounted.current) setError(err instanceof Error ? err.message : 'The decoder did not load.');
        });
      },
      () => {
        loading.current = false;
        if (mounted.current) setError('The barcode decoder could not be loaded.');
      },
    );
  }, [cameraOn]);

  useEffect(() => {
    if (decoder && strategy) decoder.setStrategy?.(strategy);
  }, [decoder, strategy]);

  const live = camera.status === 'live';
  const formatsKey = formats.join(',');
  useEffect(() => {
    const video = videoRef.current;
    if (!live || disabled || !decoder || !video) return;
    const loop = startFrameLoop({
      video,
      decoder,
      guideBox: () => guideRef.current,
      formats: formatsKey ? (formatsKey.split(',') as BarcodeFormatName[]) : undefined,
      onRead: (b) => readRef.current(b.text, b.format),
    });
    return () => loop.stop();
  }, [live, disabled, decoder, formatsKey, videoRef, guideRef]);

  return error;
}

function GuideBox({ boxRef }: { boxRef: RefObject<HTMLDivElement | null> }) {
  return (
    <div
      ref={boxRef}
      aria-hidden="true"
      data-testid="guide-box"
      style={{
        position: 'absolute',
        left: '50%',
        top: '50%',
        width: 'min(78%, 560px)',
        height: 'min(56%, 340px)',
        transform: 'translate(-50%, -50%)',
        border: '3px solid rgba(255, 255, 255, 0.9)',
        borderRadius: 12,
        // Dim everything outside the box so the eye goes to it.
        boxShadow: '0 0 0 100vmax rgba(0, 0, 0, 0.35)',
        pointerEvents: 'none',
      }}
    />
  );
}

function CameraOverlay({ camera, cameraOn, onStart }: { camera: CameraState; cameraOn: boolean; onStart(): void }) {
  if (camera.status === 'live') return null;
  let content: ReactNode;
  if (!cameraOn) {
    content = (
      <>
        <IconCameraOff size={40} aria-hidden />
        <Text size="sm">Camera is off</Text>
        <Button size="sm" variant="white" color="dark" onClick={onStart} leftSection={<IconCamera size={16} aria-hidden />}>
          Start camera
        </Button>
      </>
    );
  } else if (camera.status === 'starting') {
    content = (
      <>
        <Loader color="gray.3" size="md" aria-hidden />
        <Text size="sm">Starting camera…</Text>
      </>
    );
  } else if (camera.status === 'paused') {
    content = <Text size="sm">Camera paused while this tab is hidden</Text>;
  } else {
    content = (
      <>
        <IconCameraOff size={40} aria-hidden />
        <Text size="sm">{camera.problem?.title ?? 'Camera unavailable'}</Text>
      </>
    );
  }
  return (
    <Stack
      pos="absolute"
      inset={0}
      align="center"
      justify="center"
      gap="xs"
      c="gray.2"
      p="md"
      ta="center"
      aria-live="polite"
    >
      {content}
    </Stack>
  );
}

function CameraControls({
  camera,
  cameraOn,
  compact,
  selectedDeviceId,
  onChooseDevice,
  onToggle,
}: {
  camera: CameraState;
  cameraOn: boolean;
  compact: boolean;
  selectedDeviceId: string | null;
  onChooseDevice(id: string | null): void;
  onToggle(): void;
}) {
  const { abilities } = camera;
  const canRetry = cameraOn && camera.status === 'error' && camera.problem?.kind !== 'insecure';
  const devices = camera.devices.map((d) => ({ value: d.deviceId, label: d.label }));
  const hasSelected = devices.some((d) => d.value === selectedDeviceId);
  return (
    <Stack gap="xs" p="xs">
      <Group gap="xs" wrap="wrap" align="flex-end">
        <Button
          size={compact ? 'xs' : 'sm'}
          variant={cameraOn && !canRetry ? 'default' : 'filled'}
          onClick={onToggle}
          leftSection={cameraOn && !canRetry ? <IconPlayerStop size={16} aria-hidden /> : <IconCamera size={16} aria-hidden />}
          disabled={cameraOn && camera.status === 'error' && !canRetry}
        >
          {cameraOn && !canRetry ? 'Stop camera' : 'Start camera'}
        </Button>
        {devices.length > 0 && (
          <Select
            label="Camera"
            size={compact ? 'xs' : 'sm'}
            data={devices}
            value={hasSelected ? selectedDeviceId : null}
            placeholder="Choose a camera"
            onChange={(v) => v && onChooseDevice(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 1, minWidth: 160 }}
            data-testid="camera-select"
          />
        )}
        {camera.status === 'live' && abilities.torch && (
          <Switch
            label="Torch"
            checked={camera.torch}
            onChange={(e) => camera.setTorch(e.currentTarget.checked)}
            size={compact ? 'sm' : 'md'}
            data-testid="torch-switch"
          />
        )}
      </Group>
      {camera.status === 'live' && abilities.zoom && (
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" id="zoom-label">
            Zoom
          </Text>
          <Slider
            aria-labelledby="zoom-label"
            thumbLabel="Zoom"
            min={abilities.zoom.min}
            max={abilities.zoom.max}
            step={abilities.zoom.step}
            value={camera.zoom ?? abilities.zoom.min}
            onChange={camera.setZoom}
            label={(v) => `${v.toFixed(1)}×`}
            style={{ flex: 1 }}
            data-testid="zoom-slider"
          />
        </Group>
      )}
    </Stack>
  );
}

function WedgeIndicator({ status, enabled }: { status: WedgeStatus; enabled: boolean }) {
  let color = 'green';
  let text = 'Scanner gun ready';
  if (!enabled) {
    color = 'gray';
    text = 'Scanner gun off';
  } else if (status.receiving) {
    color = 'blue';
    text = 'Receiving from scanner gun…';
  } else if (!status.pageFocused) {
    color = 'yellow';
    text = 'Click the page to use the scanner gun';
  }
  return (
    <Group gap="xs">
      <Badge
        data-testid="wedge-indicator"
        data-state={!enabled ? 'off' : status.receiving ? 'receiving' : status.pageFocused ? 'ready' : 'unfocused'}
        color={color}
        variant="light"
        leftSection={<IconBarcode size={14} aria-hidden />}
        size="lg"
        radius="sm"
        style={{ textTransform: 'none' }}
      >
        {text}
      </Badge>
    </Group>
  );
}
