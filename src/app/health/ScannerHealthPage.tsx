/**
 * Scanner health (/health): each camera's resolution and torch/zoom/focus abilities, a live decode
 * rate from the real camera loop, and a scanner-gun tester that reveals the terminator and any
 * control characters a gun sends. Everything shown comes from the browser as it is, for support.
 */
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
import {
  describeCameraError,
  listCameras,
  openCamera,
  stopStream,
  trackAbilities,
  type TrackAbilities,
} from '../../scanner/camera.ts';
import type { DecodedBarcode, FrameDecoder } from '../../scanner/decoderTypes.ts';
import { loadFrameDecoder, startFrameLoop, type FrameLoopStats } from '../../scanner/frameLoop.ts';
import { useCamera } from '../../scanner/useCamera.ts';
import { useScannerSettings } from '../../scanner/useScannerSettings.ts';
import { GunTester } from './GunTester.tsx';
import { ServerCheckPanel } from './ServerCheckPanel.tsx';
import { VisibleCode } from './VisibleCode.tsx';

export function ScannerHealthPage() {
  const { t } = useTranslation('health');
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <ServerCheckPanel />
      <CameraList />
      <DecodeRate />
      <GunTester />
    </Stack>
  );
}

interface CameraReport {
  deviceId: string;
  label: string;
  abilities: TrackAbilities | null;
  maxWidth: number | null;
  maxHeight: number | null;
  error: string | null;
}

/** Open each camera in turn (never two at once), read what it offers, and stop it again. */
async function probeCameras(): Promise<CameraReport[]> {
  const reports: CameraReport[] = [];
  for (const cam of await listCameras()) {
    try {
      const stream = await openCamera(cam.deviceId);
      const track = stream.getVideoTracks()[0] ?? null;
      const caps = track && typeof track.getCapabilities === 'function' ? track.getCapabilities() : {};
      reports.push({
        deviceId: cam.deviceId,
        label: track?.label || cam.label,
        abilities: trackAbilities(track),
        maxWidth: caps.width?.max ?? null,
        maxHeight: caps.height?.max ?? null,
        error: null,
      });
      stopStream(stream);
    } catch (err) {
      const p = describeCameraError(err);
      reports.push({ ...cam, abilities: null, maxWidth: null, maxHeight: null, error: `${p.title}: ${p.nextStep}` });
    }
  }
  return reports;
}

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation('common');
  return (
    <Badge color={value ? 'green' : 'gray'} variant="light">
      {value ? t('yes') : t('no')}
    </Badge>
  );
}

function CameraList() {
  const { t } = useTranslation('health');
  const [reports, setReports] = useState<CameraReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    setBusy(true);
    setError(null);
    probeCameras()
      .then(
        (r) => {
          setReports(r);
          if (r.length === 0) setError(i18n.t('health:cameras.noneFound'));
        },
        (err: unknown) => setError(describeCameraError(err).title),
      )
      .finally(() => setBusy(false));
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('cameras.title')}
          </Title>
          <Button onClick={run} loading={busy} data-testid="health-check-cameras">
            {t('cameras.check')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('cameras.intro')}
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        {reports && reports.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="health-cameras" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cameras.camera')}</Table.Th>
                  <Table.Th>{t('cameras.resolution')}</Table.Th>
                  <Table.Th>{t('cameras.torch')}</Table.Th>
                  <Table.Th>{t('cameras.zoom')}</Table.Th>
                  <Table.Th>{t('cameras.focusModes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {reports.map((r) => (
                  <Table.Tr key={r.deviceId}>
                    <Table.Td>{r.label}</Table.Td>
                    {r.abilities ? (
                      <>
                        <Table.Td>
                          {r.abilities.width ?? '?'}×{r.abilities.height ?? '?'}
                          {r.abilities.frameRate ? ` @ ${Math.round(r.abilities.frameRate)} fps` : ''}
                          {r.maxWidth && r.maxHeight ? ` (${r.maxWidth}×${r.maxHeight})` : ''}
                        </Table.Td>
                        <Table.Td>
                          <YesNo value={r.abilities.torch} />
                        </Table.Td>
                        <Table.Td>
                          {r.abilities.zoom ? (
                            `${r.abilities.zoom.min}–${r.abilities.zoom.max}×`
                          ) : (
                            <YesNo value={false} />
                          )}
                        </Table.Td>
                        <Table.Td>
                          {r.abilities.focusModes.length ? r.abilities.focusModes.join(', ') : t('cameras.notReported')}
                        </Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={4}>{r.error}</Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

function DecodeRate() {
  const { t } = useTranslation('health');
  const { formatNumber } = useFormat();
  const [settings] = useScannerSettings();
  const [on, setOn] = useState(false);
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const camera = useCamera({ enabled: on, deviceId: settings.cameraDeviceId, videoRef });
  const [decoder, setDecoder] = useState<FrameDecoder | null>(null);
  const [stats, setStats] = useState<FrameLoopStats | null>(null);
  const [last, setLast] = useState<DecodedBarcode | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!on) return;
    let cancelled = false;
    let made: FrameDecoder | null = null;
    loadFrameDecoder({ strategy: settings.engine === 'auto' ? undefined : settings.engine }).then(
      (d) => {
        if (cancelled) return d.dispose();
        made = d;
        setDecoder(d);
        d.warm().catch((e: unknown) =>
          setError(e instanceof Error ? e.message : i18n.t('health:decode.decoderFailed')),
        );
      },
      () => !cancelled && setError(i18n.t('health:decode.decoderNotLoaded')),
    );
    return () => {
      cancelled = true;
      made?.dispose();
      setDecoder(null);
    };
  }, [on, settings.engine]);

  const live = camera.status === 'live';
  useEffect(() => {
    const video = videoRef.current;
    if (!live || !decoder || !video) return;
    // Every frame, even a still one: this page measures the decoder's throughput.
    const loop = startFrameLoop({
      video,
      decoder,
      formats: settings.formats,
      idle: null,
      onRead: setLast,
      onStats: setStats,
    });
    return () => loop.stop();
  }, [live, decoder, settings.formats]);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('decode.title')}
          </Title>
          <Button variant={on ? 'default' : 'filled'} onClick={() => setOn((v) => !v)}>
            {on ? t('decode.stopCamera') : t('decode.startCamera')}
          </Button>
        </Group>
        {camera.problem && (
          <Alert color="red" title={camera.problem.title}>
            {camera.problem.nextStep}
          </Alert>
        )}
        {error && <Alert color="orange">{error}</Alert>}
        <video
          ref={videoRef}
          muted
          playsInline
          autoPlay
          aria-label={t('decode.previewLabel')}
          style={{
            width: '100%',
            maxHeight: 280,
            objectFit: 'contain',
            background: '#111',
            display: on ? 'block' : 'none',
          }}
        />
        <Group gap="lg" data-testid="health-decode-rate" aria-live="polite">
          <Text size="sm">
            {t('decode.frames', {
              value: stats ? t('decode.perSecond', { value: formatNumber(stats.framesPerSecond, ONE_DECIMAL) }) : '–',
            })}
          </Text>
          <Text size="sm">
            {t('decode.timePerFrame', {
              value: stats ? t('decode.ms', { value: formatNumber(Math.round(stats.averageMs)) }) : '–',
            })}
          </Text>
          <Text size="sm">
            {t('decode.reads', {
              value: stats ? t('decode.perSecond', { value: formatNumber(stats.readsPerSecond, ONE_DECIMAL) }) : '–',
            })}
          </Text>
          <Text size="sm">
            {t('decode.frameSize', { value: stats && stats.width ? `${stats.width}×${stats.height}` : '–' })}
          </Text>
        </Group>
        {last && (
          <Text size="sm">
            {t('decode.lastRead', { format: last.format, engine: last.engine })} <VisibleCode text={last.text} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
