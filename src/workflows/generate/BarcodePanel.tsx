/** The label of the chosen object: symbology, download (PNG, SVG), copy, and printing a sheet of labels. */
import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCopy, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/apiError.ts';
import type { ObjectSummary } from '../../api/objects.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { renderCanvas, renderSvg, svgDataUrl } from './barcodeRender.ts';
import {
  CODE128_MAX_CHARS,
  LABEL_SIZES,
  PAPERS,
  clampCopies,
  planSheet,
  sheetCss,
  symbologiesFor,
  type SheetLayout,
  type Symbology,
} from './labelSheet.ts';

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Clipboard API where allowed (secure contexts), else the old execCommand path. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function BarcodePanel({
  text,
  summary,
  fileStem,
}: {
  text: string;
  summary: ObjectSummary | null;
  fileStem: string;
}) {
  const { t } = useTranslation('wf-generate');
  const available = symbologiesFor(text);
  const [symbology, setSymbology] = useState<Symbology>('qrcode');
  const sym = available.includes(symbology) ? symbology : (available[0] ?? symbology);
  const [showText, setShowText] = useState(true);
  const [showName, setShowName] = useState(true);
  const [layout, setLayout] = useState<SheetLayout>('single');
  const [labelId, setLabelId] = useState<string>(LABEL_SIZES[0].id);
  const [paperId, setPaperId] = useState<string>(PAPERS[0].id);
  const [copies, setCopies] = useState(1);
  const [copied, setCopied] = useState<boolean | null>(null);

  const rendered = useMemo(() => {
    try {
      return { svg: renderSvg({ symbology: sym, text, showText }), error: null };
    } catch (e) {
      return { svg: null, error: errorMessage(e) };
    }
  }, [sym, text, showText]);
  // The printed label carries the caption itself, so its symbol is drawn without one.
  const printSvg = useMemo(() => {
    try {
      return renderSvg({ symbology: sym, text, showText: sym === 'code128' ? showText : false });
    } catch {
      return null;
    }
  }, [sym, text, showText]);

  const label = LABEL_SIZES.find((l) => l.id === labelId) ?? LABEL_SIZES[0];
  const paper = PAPERS.find((p) => p.id === paperId) ?? PAPERS[0];
  const sheet = { layout, copies: clampCopies(copies), label, paper, marginMm: 8, gapMm: 2 };
  const plan = planSheet(sheet);
  const name = summary?.title ?? '';
  const symName = (s: Symbology) => t(`panel.${s}`);

  return (
    <Card withBorder radius="md" padding="md" data-testid="barcode-panel">
      <Stack gap="sm">
        <SegmentedControl
          value={sym}
          onChange={(v) => setSymbology(v as Symbology)}
          data={available.map((s) => ({ value: s, label: symName(s) }))}
          aria-label={t('panel.symbology')}
        />
        {available.length === 2 && (
          <Text size="xs" c="dimmed">
            {t('panel.code128TooLong', { count: CODE128_MAX_CHARS })}
          </Text>
        )}
        <Group justify="center" p="md" style={{ background: '#fff', borderRadius: 8 }}>
          {rendered.svg ? (
            <img
              src={svgDataUrl(rendered.svg)}
              alt={t('panel.imageAlt', { symbology: symName(sym), text })}
              data-testid="barcode-image"
              data-symbology={sym}
              style={{
                width: sym === 'code128' ? 'min(100%, 420px)' : 'min(70%, 260px)',
                height: 'auto',
                imageRendering: 'pixelated',
              }}
            />
          ) : (
            <Text c="red" size="sm">
              {t('panel.cannotDraw', { symbology: symName(sym), error: rendered.error })}
            </Text>
          )}
        </Group>
        <BarcodeText text={text} />
        <Group gap="md">
          <Checkbox
            label={t('panel.textUnder')}
            checked={showText}
            onChange={(e) => setShowText(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('panel.nameOnLabels')}
            checked={showName}
            onChange={(e) => setShowName(e.currentTarget.checked)}
          />
        </Group>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            onClick={() =>
              renderCanvas({ symbology: sym, text, showText }).toBlob(
                (b) => b && download(`${fileStem}-${sym}.png`, b),
                'image/png',
              )
            }
          >
            PNG
          </Button>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            disabled={!rendered.svg}
            onClick={() =>
              rendered.svg && download(`${fileStem}-${sym}.svg`, new Blob([rendered.svg], { type: 'image/svg+xml' }))
            }
          >
            SVG
          </Button>
          <Button
            variant="light"
            leftSection={<IconCopy size={16} />}
            onClick={() => void copyText(text).then(setCopied)}
            data-testid="copy-text"
          >
            {copied === true ? t('panel.copied') : copied === false ? t('panel.copyFailed') : t('panel.copyText')}
          </Button>
        </Group>

        <Card withBorder radius="sm" padding="sm">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('print.title')}
            </Text>
            <SegmentedControl
              value={layout}
              onChange={(v) => setLayout(v as SheetLayout)}
              data={[
                { value: 'single', label: t('print.single') },
                { value: 'grid', label: t('print.grid') },
              ]}
              size="xs"
              fullWidth
              aria-label={t('print.layout')}
            />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('print.labelSize')}
                value={labelId}
                onChange={(e) => setLabelId(e.currentTarget.value)}
                data={LABEL_SIZES.map((l) => ({ value: l.id, label: t(`print.sizes.${l.id}`) }))}
                style={{ flex: '1 1 12rem' }}
              />
              {layout === 'grid' && (
                <NativeSelect
                  label={t('print.paper')}
                  value={paperId}
                  onChange={(e) => setPaperId(e.currentTarget.value)}
                  data={PAPERS.map((p) => ({ value: p.id, label: t(`print.papers.${p.id}`) }))}
                  style={{ flex: '1 1 10rem' }}
                />
              )}
              <NumberInput
                label={t('print.copies')}
                value={copies}
                min={1}
                max={500}
                onChange={(v) => setCopies(typeof v === 'number' ? v : Number(v) || 1)}
                style={{ flex: '0 1 7rem' }}
              />
            </Group>
            <Text size="xs" c="dimmed" data-testid="print-plan">
              {layout === 'grid'
                ? t('print.planGrid', { count: plan.pages.length, columns: plan.columns, rows: plan.rows })
                : t('print.planSingle', { count: plan.pages.length })}
            </Text>
            <Group>
              <Button
                leftSection={<IconPrinter size={16} />}
                onClick={() => window.print()}
                disabled={!printSvg}
                data-testid="print"
              >
                {t('print.print')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>

      {printSvg &&
        createPortal(
          <div className="label-print-root" aria-hidden data-testid="print-root">
            <style>{sheetCss(plan, label, sheet.gapMm)}</style>
            {plan.pages.map((count, p) => (
              <div className="label-page" key={p}>
                {Array.from({ length: count }, (_, i) => (
                  <div className={`label-cell${sym === 'code128' ? ' wide' : ''}`} key={i}>
                    <img src={svgDataUrl(printSvg)} alt="" />
                    {(showName || (showText && sym !== 'code128')) && (
                      <div className="label-text">
                        {showName && name && <div style={{ fontWeight: 700 }}>{name}</div>}
                        {showText && sym !== 'code128' && <div>{text}</div>}
                      </div>
                    )}
                  </div>
                ))}
              </div>
            ))}
          </div>,
          document.body,
        )}
    </Card>
  );
}
