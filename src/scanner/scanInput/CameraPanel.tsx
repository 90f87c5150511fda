/** The camera's part of the scan input: the preview with its guide box or status, and its controls. */
import { Box, Paper } from '@mantine/core';
import type { RefObject } from 'react';
import type { CameraState } from '../useCamera.ts';
import { CameraControls } from './CameraControls.tsx';
import { CameraOverlay, GuideBox } from './CameraOverlay.tsx';
import { useTranslation } from 'react-i18next';

export interface CameraPanelProps {
  camera: CameraState;
  cameraOn: boolean;
  compact: boolean;
  videoRef: RefObject<HTMLVideoElement | null>;
  guideRef: RefObject<HTMLDivElement | null>;
  selectedDeviceId: string | null;
  onChooseDevice(id: string | null): void;
  onStart(): void;
  onToggle(): void;
}

export function CameraPanel({
  camera,
  cameraOn,
  compact,
  videoRef,
  guideRef,
  selectedDeviceId,
  onChooseDevice,
  onStart,
  onToggle,
}: CameraPanelProps) {
  const { t } = useTranslation('scanner');
  const videoHeight = compact ? 'min(38vh, 300px)' : 'min(62vh, 560px)';
  return (
    <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
      <Box pos="relative" h={videoHeight} bg="dark.8" style={{ overflow: 'hidden' }}>
        <video
          ref={videoRef}
          data-testid="camera-video"
          aria-label={t('camera.preview')}
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
        <CameraOverlay camera={camera} cameraOn={cameraOn} onStart={onStart} />
      </Box>
      <CameraControls
        camera={camera}
        cameraOn={cameraOn}
        compact={compact}
        selectedDeviceId={selectedDeviceId}
        onChooseDevice={onChooseDevice}
        onToggle={onToggle}
      />
    </Paper>
  );
}
