/** The scanner-gun tester of the health page: what a gun really sends, control characters made visible. */
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { visibleSegments } from '../../scanner/visibleText.ts';
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { VisibleCode } from './VisibleCode.tsx';
import { DEFAULT_WEDGE_OPTIONS, WedgeDetector, keyToChar } from '../../scanner/wedgeDetector.ts';

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

const NAMED_COMBOS: Record<string, string> = {
  '\u001d': 'GS',
  '\u001e': 'RS',
  '\u0004': 'EOT',
  '\u001c': 'FS',
  '\u001f': 'US',
};

/**
 * A box that records raw key events (the page-wide capture is off inside it) and, on Enter or Tab
 * or after a pause, shows what arrived: text with control characters made visible, terminator,
 * key timing, and whether the app would take it as a gun scan.
 */
export function GunTester() {
  const keys = useRef<{ rec: KeyRecord; time: number; ev: Parameters<WedgeDetector['key']>[0] }[]>([]);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const [count, setCount] = useState(0);

  useEffect(
    () => () => {
      if (idle.current) clearTimeout(idle.current);
    },
    [],
  );

  const finish = (terminator: string) => {
    const recs = keys.current;
    keys.current = [];
    setCount(0);
    if (recs.length === 0) return;
    const chars = recs.filter((r) => r.rec.char !== null);
    const text = chars.map((r) => r.rec.char).join('');
    const meanGap = chars.length > 1 ? (chars[chars.length - 1]!.time - chars[0]!.time) / (chars.length - 1) : null;
    // Replay through the real detector so "would scan" is the app's own verdict.
    const d = new WedgeDetector();
    let wouldScan = false;
    for (const r of recs) if (d.key(r.ev).kind === 'scan') wouldScan = true;
    setResult({ text, terminator, keys: recs.map((r) => r.rec), meanGap, wouldScan });
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLDivElement>) => {
    const n = e.nativeEvent;
    e.preventDefault();
    const ev = {
      key: n.key,
      code: n.code,
      ctrlKey: n.ctrlKey,
      altKey: n.altKey,
      metaKey: n.metaKey,
      shiftKey: n.shiftKey,
      time: n.timeStamp,
    };
    const prev = keys.current.at(-1);
    const mods = [
      n.ctrlKey && 'Ctrl',
      n.altKey && 'Alt',
      n.metaKey && 'Meta',
      n.shiftKey && n.key.length > 1 && 'Shift',
    ].filter(Boolean);
    const isTerminator = DEFAULT_WEDGE_OPTIONS.terminators.includes(n.key) && !n.ctrlKey;
    const char = isTerminator ? null : keyToChar(ev);
    const label =
      [...mods, n.key === ' ' ? 'Space' : n.key].join('+') +
      (char && NAMED_COMBOS[char] ? ` → ${NAMED_COMBOS[char]}` : '');
    keys.current.push({
      rec: { label, char, gap: prev ? Math.round(n.timeStamp - prev.time) : null },
      time: n.timeStamp,
      ev,
    });
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
          Click the box, then scan any label with the gun. Everything it sends is shown below, control characters
          included.
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
                {visibleSegments(result.text)
                  .filter((s) => s.kind === 'control')
                  .map((s) => s.name?.split(',')[0])
                  .join(', ') || 'none'}
              </span>
            </Text>
            <Text size="sm">
              Mean time between keys: {result.meanGap === null ? '–' : `${result.meanGap.toFixed(1)} ms`}.{' '}
              <Badge color={result.wouldScan ? 'green' : 'orange'} variant="light" data-testid="gun-test-verdict">
                {result.wouldScan
                  ? 'Scanner gun speed: StockScan takes this as a scan'
                  : 'Not taken as a gun scan (too slow, too short, or no Enter/Tab)'}
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
