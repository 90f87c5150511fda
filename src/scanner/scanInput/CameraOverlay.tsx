/** What the camera area shows: the guide box over a live picture, else why there is no picture. */
import { Button, Loader, Stack, Text } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import type { ReactNode, RefObject } from 'react';
import type { CameraState } from '../useCamera.ts';
import { useTranslation } from 'react-i18next';

export function GuideBox({ boxRef }: { boxRef: RefObject<HTMLDivElement | null> }) {
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

export function CameraOverlay({
  camera,
  cameraOn,
  onStart,
}: {
  camera: CameraState;
  cameraOn: boolean;
  onStart(): void;
}) {
  const { t } = useTranslation('scanner');
  if (camera.status === 'live') return null;
  let content: ReactNode;
  if (!cameraOn) {
    content = (
      <>
        <IconCameraOff size={40} aria-hidden />
        <Text size="sm">{t('camera.isOff')}</Text>
        <Button
          size="sm"
          variant="white"
          color="dark"
          onClick={onStart}
          leftSection={<IconCamera size={16} aria-hidden />}
        >
          {t('camera.start')}
        </Button>
      </>
    );
  } else if (camera.status === 'starting') {
    content = (
      <>
        <Loader color="gray.3" size="md" aria-hidden />
        <Text size="sm">{t('camera.starting')}</Text>
      </>
    );
  } else if (camera.status === 'paused') {
    content = <Text size="sm">{t('camera.paused')}</Text>;
  } else {
    content = (
      <>
        <IconCameraOff size={40} aria-hidden />
        <Text size="sm">{camera.problem?.title ?? t('camera.unavailable')}</Text>
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
