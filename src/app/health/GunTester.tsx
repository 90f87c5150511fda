/** The scanner-gun tester of the health page: what a gun really sends, control characters made visible. */
import { Badge, Paper, Stack, Text, Title } from '@mantine/core';
import { visibleSegments } from '../../scanner/visibleText.ts';
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
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
  const { t } = useTranslation('health');
  const { formatNumber } = useFormat();
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
      [...mods, n.key === ' ' ? i18n.t('health:gun.space') : n.key].join('+') +
      (char && NAMED_COMBOS[char] ? ` → ${NAMED_COMBOS[char]}` : '');
    keys.current.push({
      rec: { label, char, gap: prev ? Math.round(n.timeStamp - prev.time) : null },
      time: n.timeStamp,
      ev,
    });
    setCount(keys.current.length);
    if (idle.current) clearTimeout(idle.current);
    if (isTerminator) finish(n.key);
    else idle.current = setTimeout(() => finish(i18n.t('health:gun.noTerminator')), 1000);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('gun.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('gun.intro')}
        </Text>
        <div
          data-wedge="off"
          data-testid="gun-tester"
          tabIndex={0}
          role="textbox"
          aria-label={t('gun.areaLabel')}
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
          <Text size="sm">{count > 0 ? t('gun.receiving', { count }) : t('gun.focusHere')}</Text>
        </div>
        {result && (
          <Stack gap={6} data-testid="gun-test-result" aria-live="polite">
            <Text size="sm">
              {t('gun.text')} <VisibleCode text={result.text} />
            </Text>
            <Text size="sm">
              {t('gun.terminator')} <strong data-testid="gun-test-terminator">{result.terminator}</strong>
            </Text>
            <Text size="sm">
              {t('gun.characters', { count: [...result.text].length })}{' '}
              <span data-testid="gun-test-controls">
                {visibleSegments(result.text)
                  .filter((s) => s.kind === 'control')
                  .map((s) => s.name?.split(',')[0])
                  .join(', ') || t('gun.noControls')}
              </span>
            </Text>
            <Text size="sm">
              {t('gun.meanGap', {
                value:
                  result.meanGap === null
                    ? '–'
                    : t('gun.ms', { value: formatNumber(result.meanGap, { maximumFractionDigits: 1 }) }),
              })}{' '}
              <Badge color={result.wouldScan ? 'green' : 'orange'} variant="light" data-testid="gun-test-verdict">
                {result.wouldScan ? t('gun.wouldScan') : t('gun.wouldNotScan')}
              </Badge>
            </Text>
            <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
              {t('gun.keys', {
                keys: result.keys
                  .map((k) => `${k.label}${k.gap !== null ? ` (+${t('gun.ms', { value: k.gap })})` : ''}`)
                  .join('  '),
              })}
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
