/**
 * The one scan input: camera preview, page-wide scanner gun and manual entry, all at once. Every
 * input becomes a ScanEvent; the duplicate window is applied here, so the page receives only
 * accepted scans (and deliberate repeats through onRepeat). A camera failure is shown with its next
 * step while the gun and manual entry keep working. The parts are in scanInput/ (camera, gun, manual,
 * the gate); this component composes them.
 */
import { Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import type { BarcodeRefusal } from '../api/barcodeLimits.ts';
import type { ScanEvent } from './scanEvent.ts';
import { CameraPanel } from './scanInput/CameraPanel.tsx';
import { GunIndicator } from './scanInput/GunIndicator.tsx';
import { ManualEntry } from './scanInput/ManualEntry.tsx';
import { CameraProblemAlert, DecoderProblemAlert, RefusedBarcodeAlert } from './scanInput/ScanAlerts.tsx';
import { useCameraDecoding } from './scanInput/useCameraDecoding.ts';
import { useScanGate } from './scanInput/useScanGate.ts';
import { useCamera } from './useCamera.ts';
import { useScannerSettings } from './useScannerSettings.ts';
import { useWedge } from './useWedge.ts';
import { useTranslation } from 'react-i18next';

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

export function ScanInput({
  onScan,
  onRepeat,
  onRefused,
  autoStartCamera = true,
  compact = false,
  disabled = false,
  label,
}: ScanInputProps) {
  const { t } = useTranslation('scanner');
  const [settings, updateSettings] = useScannerSettings();
  const [cameraOn, setCameraOn] = useState(autoStartCamera && settings.cameraOnOpen);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const guideRef = useRef<HTMLDivElement | null>(null);
  const camera = useCamera({ enabled: cameraOn, deviceId: settings.cameraDeviceId, videoRef });
  const { emit, refused, dismissRefused } = useScanGate(
    { onScan, onRepeat, onRefused },
    settings.duplicateWindowMs,
    disabled,
  );

  const gunEnabled = !disabled && settings.wedge;
  const wedge = useWedge({ enabled: gunEnabled, onScan: (text) => emit(text, 'wedge', null) });

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

  return (
    <Stack gap="sm" data-testid="scan-input" aria-disabled={disabled || undefined}>
      <CameraPanel
        camera={camera}
        cameraOn={cameraOn}
        compact={compact}
        videoRef={videoRef}
        guideRef={guideRef}
        selectedDeviceId={camera.activeDeviceId ?? settings.cameraDeviceId}
        onChooseDevice={(id) => updateSettings({ cameraDeviceId: id })}
        onStart={() => setCameraOn(true)}
        onToggle={() => {
          if (cameraOn && camera.status === 'error') camera.restart();
          else setCameraOn((on) => !on);
        }}
      />
      <CameraProblemAlert problem={camera.problem} />
      <DecoderProblemAlert error={decoderError} />
      <RefusedBarcodeAlert refused={refused} onDismiss={dismissRefused} />
      <GunIndicator status={wedge} enabled={gunEnabled} />
      <ManualEntry
        label={label ?? t('manual.label')}
        compact={compact}
        disabled={disabled}
        onSubmit={(text) => emit(text, 'manual', null)}
      />
    </Stack>
  );
}
