/**
 * Scanner health (/health): each camera's resolution and torch/zoom/focus abilities, a live decode
 * rate from the real camera loop, and a scanner-gun tester that reveals the terminator and any
 * control characters a gun sends. Everything shown comes from the browser as it is, for support.
 */
import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { describeCameraError, listCameras, openCamera, stopStream, trackAbilities, type TrackAbilities } from '../../scanner/camera.ts';
import type { DecodedBarcode, FrameDecoder } from '../../scanner/decoderTypes.ts';
import { loadFrameDecoder, startFrameLoop, type FrameLoopStats } from '../../scanner/frameLoop.ts';
import { useCamera } from '../../scanner/useCamera.ts';
import { useScannerSettings } from '../../scanner/useScannerSettings.ts';
import { visibleSegments } from '../../scanner/visibleText.ts';
import { DEFAULT_WEDGE_OPTIONS, WedgeDetector, keyToChar } from '../../scanner/wedgeDetector.ts';

export function ScannerHealthPage() {
  return (
    <Stack gap="md" maw={960} mx="auto">
      <Title order={1} size="h2">
        Scanner health
      </Title>
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

function yesNo(v: boolean) {
  return (
    <Badge color={v ? 'green' : 'gray'} variant="light">
      {v ? 'yes' : 'no'}
    </Badge>
  );
}

function CameraList() {
  const [reports, setReports] = useState<CameraReport[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = () => {
    setBusy(true);
    setError(null);
    probeCameras().then(
      (r) => {
        setReports(r);
        if (r.length === 0) setError('No camera found.');
      },
      (err: unknown) => setError(describeCameraError(err).title),
    ).finally(() => setBusy(false));
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Cameras
          </Title>
          <Button onClick={run} loading={busy} data-testid="health-check-cameras">
            Check cameras
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Opens each camera briefly, one after another, to read its resolution and what it offers.
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        {reports && reports.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table data-testid="health-cameras" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Camera</Table.Th>
                  <Table.Th>Resolution (max)</Table.Th>
                  <Table.Th>Torch</Table.Th>
                  <Table.Th>Zoom</Table.Th>
                  <Table.Th>Focus modes</Table.Th>
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
                        <Table.Td>{yesNo(r.abilities.torch)}</Table.Td>
                        <Table.Td>
                          {r.abilities.zoom ? `${r.abilities.zoom.min}–${r.abilities.zoom.max}×` : yesNo(false)}
                        </Table.Td>
                        <Table.Td>{r.abilities.focusModes.length ? r.abilities.focusModes.join(', ') : 'not reported'}</Table.Td>
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

function DecodeRate() {
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
        d.warm().catch((e: unknown) => setError(e instanceof Error ? e.message : 'Decoder failed to load'));
      },
      () => !cancelled && setError('The decoder could not be loaded.'),
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
    const loop = startFrameLoop({ video, decoder, formats: settings.formats, onRead: setLast, onStats: setStats });
    return () => loop.stop();
  }, [live, decoder, settings.formats]);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3">
            Decode rate
          </Title>
          <Button variant={on ? 'default' : 'filled'} onClick={() => setOn((v) => !v)}>
            {on ? 'Stop camera' : 'Start camera'}
          </Button>
        </Group>
        {camera.problem && <Alert color="red" title={camera.problem.title}>{camera.problem.nextStep}</Alert>}
        {error && <Alert color="orange">{error}</Alert>}
        <video
          ref={videoRef}
          muted
          playsInline
          autoPlay
          aria-label="Camera preview for the decode rate"
          style={{ width: '100%', maxHeight: 280, objectFit: 'contain', background: '#111', display: on ? 'block' : 'none' }}
        />
        <Group gap="lg" data-testid="health-decode-rate" aria-live="polite">
          <Text size="sm">Frames decoded: {stats ? `${stats.framesPerSecond.toFixed(1)}/s` : '–'}</Text>
          <Text size="sm">Time per frame: {stats ? `${stats.averageMs.toFixed(0)} ms` : '–'}</Text>
          <Text size="sm">Reads: {stats ? `${stats.readsPerSecond.toFixed(1)}/s` : '–'}</Text>
          <Text size="sm">Frame size: {stats && stats.width ? `${stats.width}×${stats.height}` : '–'}</Text>
        </Group>
        {last && (
          <Text size="sm">
            Last read ({last.format}, {last.engine}): <VisibleCode text={last.text} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function VisibleCode({ text }: { text: string }) {
  return (
    <Code style={{ wordBreak: 'break-all' }}>
      {visibleSegments(text).map((s, i) =>
        s.kind === 'control' ? (
          <Text key={i} span c="red.7" fw={700} title={s.name}>
            {s.text}
          </Text>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Code>
  );
}

interface KeyRecord {
  label: string;
  char: string | null;
  gap: number | null;
}

interface TestResult {
  text: string;
  terminator: string;
  keys: KeyRecord[];
  meanGap: number | null;
  wouldScan: boolean;
}

const NAMED_COMBOS: Record<string, string> = { '\u001d': 'GS', '\u001e': 'RS', '\u0004': 'EOT', '\u001c': 'FS', '\u001f': 'US' };

/**
 * A box that records raw key events (the page-wide capture is off inside it) and, on Enter or Tab
 * or after a pause, shows what arrived: text with control characters made visible, terminator,
 * key timing, and whether the app would take it as a gun scan.
 */
function GunTester() {
  const keys = useRef<{ rec: KeyRecord; time: number; ev: Parameters<WedgeDetector['key']>[0] }[]>([]);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const [count, setCount] = useState(0);

  useEffect(() => () => {
    if (idle.current) clearTimeout(idle.current);
  }, []);

  const finish = (terminator: string) => {
    const recs = keys.current;
    keys.current = [];
    setCount(0);
    if (recs.length === 0) return;
    const chars = recs.filter((r) => r.rec.char !== null);
    const text = chars.map((r) => r.rec.char).join('');
    const meanGap = chars.length > 1 ? (chars[chars.length - 1].time - chars[0].time) / (chars.length - 1) : null;
    // Replay through the real detector so "would scan" is the app's own verdict.
    const d = new WedgeDetector();
    let wouldScan = false;
    for (const r of recs) if (d.key(r.ev).kind === 'scan') wouldScan = true;
    setResult({ text, terminator, keys: recs.map((r) => r.rec), meanGap, wouldScan });
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const n = e.nativeEvent;
    e.preventDefault();
    const ev = { key: n.key, code: n.code, ctrlKey: n.ctrlKey, altKey: n.altKey, metaKey: n.metaKey, shiftKey: n.shiftKey, time: n.timeStamp };
    const prev = keys.current.at(-1);
    const mods = [n.ctrlKey && 'Ctrl', n.altKey && 'Alt', n.metaKey && 'Meta', n.shiftKey && n.key.length > 1 && 'Shift'].filter(Boolean);
    const isTerminator = DEFAULT_WEDGE_OPTIONS.terminators.includes(n.key) && !n.ctrlKey;
    const char = isTerminator ? null : keyToChar(ev);
    const label = [...mods, n.key === ' ' ? 'Space' : n.key].join('+') + (char && NAMED_COMBOS[char] ? ` → ${NAMED_COMBOS[char]}` : '');
    keys.current.push({ rec: { label, char, gap: prev ? Math.round(n.timeStamp - prev.time) : null }, time: n.timeStamp, ev });
    setCount(keys.current.length);
    if (idle.current) clearTimeout(idle.current);
    if (isTerminator) finish(n.key);
    else idle.current = setTimeout(() => finish('none (ended by a 1 s pause)'), 1000);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Scanner gun tester
        </Title>
        <Text size="sm" c="dimmed">
          Click the box, then scan any label with the gun. Everything it sends is shown below, control characters included.
        </Text>
        <div
          data-wedge="off"
          data-testid="gun-tester"
          tabIndex={0}
          role="textbox"
          aria-label="Scanner gun test area"
          aria-multiline="false"
          onKeyDown={onKeyDown}
          style={{
            minHeight: 64,
            border: '2px dashed var(--mantine-color-blue-5)',
            borderRadius: 8,
            padding: 12,
            cursor: 'text',
          }}
        >
          <Text size="sm">{count > 0 ? `Receiving… ${count} keys` : 'Focus here and scan'}</Text>
        </div>
        {result && (
          <Stack gap={6} data-testid="gun-test-result" aria-live="polite">
            <Text size="sm">
              Text: <VisibleCode text={result.text} />
            </Text>
            <Text size="sm">
              Terminator: <strong data-testid="gun-test-terminator">{result.terminator}</strong>
            </Text>
            <Text size="sm">
              Characters: {[...result.text].length}; control characters:{' '}
              <span data-testid="gun-test-controls">
                {visibleSegments(result.text).filter((s) => s.kind === 'control').map((s) => s.name?.split(',')[0]).join(', ') || 'none'}
              </span>
            </Text>
            <Text size="sm">
              Mean time between keys: {result.meanGap === null ? '–' : `${result.meanGap.toFixed(1)} ms`}.{' '}
              <Badge color={result.wouldScan ? 'green' : 'orange'} variant="light" data-testid="gun-test-verdict">
                {result.wouldScan ? 'Scanner gun speed: StockScan takes this as a scan' : 'Not taken as a gun scan (too slow, too short, or no Enter/Tab)'}
              </Badge>
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              Keys: {result.keys.map((k) => `${k.label}${k.gap !== null ? ` (+${k.gap} ms)` : ''}`).join('  ')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
