/** Start/stop, the camera choice, torch and zoom (when the camera offers them). */
import { Button, Group, Select, Slider, Stack, Switch, Text } from '@mantine/core';
import { IconCamera, IconPlayerStop } from '@tabler/icons-react';
import type { CameraState } from '../useCamera.ts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format.ts';

export function CameraControls({
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
  const { t } = useTranslation('scanner');
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
          leftSection={
            cameraOn && !canRetry ? <IconPlayerStop size={16} aria-hidden /> : <IconCamera size={16} aria-hidden />
          }
          disabled={cameraOn && camera.status === 'error' && !canRetry}
        >
          {cameraOn && !canRetry ? t('camera.stop') : t('camera.start')}
        </Button>
        {devices.length > 0 && (
          <Select
            label={t('camera.label')}
            size={compact ? 'xs' : 'sm'}
            data={devices}
            value={hasSelected ? selectedDeviceId : null}
            placeholder={t('camera.choose')}
            onChange={(v) => v && onChooseDevice(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 1, minWidth: 160 }}
            data-testid="camera-select"
          />
        )}
        {camera.status === 'live' && abilities.torch && (
          <Switch
            label={t('camera.torch')}
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
            {t('camera.zoom')}
          </Text>
          <Slider
            aria-labelledby="zoom-label"
            thumbLabel={t('camera.zoom')}
            min={abilities.zoom.min}
            max={abilities.zoom.max}
            step={abilities.zoom.step}
            value={camera.zoom ?? abilities.zoom.min}
            onChange={camera.setZoom}
            label={(v) => `${formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}×`}
            style={{ flex: 1 }}
            data-testid="zoom-slider"
          />
        </Group>
      )}
    </Stack>
  );
}
