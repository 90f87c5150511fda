/**
 * /generate?model=stockitem&pk=12 — show an object's InvenTree barcode as QR, Data Matrix or
 * Code 128, download it (PNG/SVG), copy its text, and print a label sheet.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCopy, IconDownload, IconPrinter, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/apiError.ts';
import { generateBarcode, scanBarcode } from '../../api/barcode.ts';
import { BARCODE_MODEL_INFO, modelTitle } from '../../api/models.ts';
import { mediaUrl, type ObjectSummary } from '../../api/objects.ts';
import { useObject } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { FeedbackFlash } from '../../scanner/FeedbackFlash.tsx';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { useFeedback } from '../../scanner/useFeedback.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { ObjectSearchPicker } from '../../ui/ObjectSearchPicker.tsx';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { feedbackForTone, useRepeatScan } from '../../ui/scanFeedback.ts';
import { useMachine } from '../../ui/useMachine.ts';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import { renderCanvas, renderSvg, svgDataUrl } from './barcodeRender.ts';
import {
  type GenerateEffect,
  type GenerateEvent,
  type GenerateState,
  type GenerateStep,
  type HttpAnswer,
  generateStep,
  generateTargetFromUrl,
  initialGenerateState,
} from './generateMachine.ts';
import {
  LABEL_SIZES,
  PAPERS,
  SYMBOLOGY_NAMES,
  clampCopies,
  planSheet,
  sheetCss,
  symbologiesFor,
  type SheetLayout,
  type Symbology,
} from './labelSheet.ts';
import { rawAnswer, settleRaw as settle } from '../../api/httpAnswer.ts';

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

export function GeneratePage() {
  const [params, setParams] = useSearchParams();
  const { connection, status } = useConnection();
  const signedIn = status === 'signed-in';
  const feedback = useFeedback();
  const log = useSessionLog();

  const pendingLog = useRef<number | null>(null);

  const run = (effect: GenerateEffect): Promise<HttpAnswer> =>
    effect.kind === 'scan'
      ? settle(scanBarcode(connection, effect.barcode), rawAnswer)
      : settle(generateBarcode(connection, effect.target.model, effect.target.pk), (barcode) => ({ status: 200, body: { barcode } }));

  const { state, stateRef, dispatch } = useMachine<GenerateState, GenerateEvent, GenerateEffect, GenerateStep>({
    initial: () => initialGenerateState,
    step: generateStep,
    run,
    answerEvent: (answer) => ({ type: 'answer', answer }),
    onStep: (_before, event, step) => {
      // A scan's answer may chain into generate; the log entry resolves once a final outcome is known.
      if (event.type !== 'answer' || step.effect || !step.state.outcome || pendingLog.current === null) return;
      const o = step.state.outcome;
      if (o.kind === 'generated') {
        log.resolve(pendingLog.current, {
          tone: 'success',
          result: `${modelTitle(o.target.model)} #${o.target.pk}: ${o.barcode}`,
          to: `/generate?model=${o.target.model}&pk=${o.target.pk}`,
        });
        feedback.success();
      } else {
        const tone = o.reason === 'noMatch' ? 'notFound' : 'error';
        log.resolve(pendingLog.current, { tone, result: o.message });
        feedbackForTone(feedback, tone);
      }
      pendingLog.current = null;
    },
  });
  const logRef = useRef(log);
  logRef.current = log;

  // The URL names the object (on arrival, or when a link or the user changes it).
  // Only once signed in: a request sent while demo sign-in is still under way would get a 401.
  useEffect(() => {
    if (!signedIn) return;
    const t = generateTargetFromUrl(params);
    const cur = stateRef.current.target;
    if (t && (!cur || cur.model !== t.model || cur.pk !== t.pk)) dispatch({ type: 'chooseTarget', target: t });
  }, [params, dispatch, signedIn]);

  // Keep the URL on the chosen object so the page can be bookmarked or shared.
  // Not before sign-in (the URL's object has not been taken yet); read the machine's newest state,
  // which a dispatch in this same commit may already have changed.
  useEffect(() => {
    if (!signedIn) return;
    const t = stateRef.current.target;
    const want = t ? `model=${t.model}&pk=${t.pk}` : '';
    if (want !== params.toString()) setParams(new URLSearchParams(want), { replace: true });
  }, [state.target, params, setParams, signedIn]);

  const onScan = useCallback(
    (scan: ScanEvent) => {
      const log = logRef.current;
      if (stateRef.current.busy) {
        log.add(scan, { tone: 'repeat', result: 'Ignored: still busy with the previous scan' });
        return;
      }
      pendingLog.current = log.add(scan);
      dispatch({ type: 'scan', scan });
    },
    [dispatch],
  );

  const onRepeat = useRepeatScan(log, feedback);

  const object = useObject(state.target ? BARCODE_MODEL_INFO[state.target.model].apiUrl(state.target.pk) : null);

  return (
    <Stack gap="md" data-testid="generate-page">
      <FeedbackFlash />
      <div>
        <Title order={1} size="h2">Barcode label</Title>
        <Text size="sm" c="dimmed">
          Show, download or print the InvenTree barcode of a part, stock item, location or order.
        </Text>
      </div>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack gap="md">
            {/* The label is the point of this page: the camera starts only when asked. */}
            <ScanInput onScan={onScan} onRepeat={onRepeat} autoStartCamera={false} />
            <Card withBorder radius="md" padding="md" data-testid="generate-target">
              <Group justify="space-between" mb="xs">
                <Text fw={700}>Item</Text>
                {state.target && (
                  <Button size="xs" variant="subtle" onClick={() => dispatch({ type: 'clearTarget' })}>
                    Choose another
                  </Button>
                )}
              </Group>
              {state.target ? (
                object.data ? (
                  <ObjectCard
                    summary={object.data.summary}
                    imageUrl={mediaUrl(connection.baseUrl, object.data.summary.thumbnail ?? object.data.summary.image)}
                    webUrl={null}
                  />
                ) : (
                  <Text size="sm">
                    {modelTitle(state.target.model)} #{state.target.pk}
                  </Text>
                )
              ) : (
                <Stack gap="xs">
                  <Text size="sm">Scan any barcode of the item (its label or a linked barcode), or find it:</Text>
                  <ObjectSearchPicker onPick={(t) => dispatch({ type: 'chooseTarget', target: t })} />
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Stack gap="md">
            {state.busy && <Loader size="sm" aria-label="Working" />}
            {state.outcome?.kind === 'error' && (
              <Alert color="red" variant="light" icon={<IconX />} title="No barcode" role="alert" data-testid="generate-error">
                {state.outcome.message}
              </Alert>
            )}
            {state.barcode && state.target && (
              <BarcodePanel text={state.barcode} summary={object.data?.summary ?? null} fileStem={`${state.target.model}-${state.target.pk}`} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} />
    </Stack>
  );
}

function BarcodePanel({ text, summary, fileStem }: { text: string; summary: ObjectSummary | null; fileStem: string }) {
  const available = symbologiesFor(text);
  const [symbology, setSymbology] = useState<Symbology>('qrcode');
  const sym = available.includes(symbology) ? symbology : available[0];
  const [showText, setShowText] = useState(true);
  const [showName, setShowName] = useState(true);
  const [layout, setLayout] = useState<SheetLayout>('single');
  const [labelId, setLabelId] = useState(LABEL_SIZES[0].id);
  const [paperId, setPaperId] = useState(PAPERS[0].id);
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

  return (
    <Card withBorder radius="md" padding="md" data-testid="barcode-panel">
      <Stack gap="sm">
        <SegmentedControl
          value={sym}
          onChange={(v) => setSymbology(v as Symbology)}
          data={available.map((s) => ({ value: s, label: SYMBOLOGY_NAMES[s] }))}
          aria-label="Barcode type"
        />
        {available.length === 2 && (
          <Text size="xs" c="dimmed">
            Code 128 is offered for texts of up to 24 plain characters; this one is longer.
          </Text>
        )}
        <Group justify="center" p="md" style={{ background: '#fff', borderRadius: 8 }}>
          {rendered.svg ? (
            <img
              src={svgDataUrl(rendered.svg)}
              alt={`${SYMBOLOGY_NAMES[sym]} of ${text}`}
              data-testid="barcode-image"
              data-symbology={sym}
              style={{ width: sym === 'code128' ? 'min(100%, 420px)' : 'min(70%, 260px)', height: 'auto', imageRendering: 'pixelated' }}
            />
          ) : (
            <Text c="red" size="sm">
              This text cannot be drawn as {SYMBOLOGY_NAMES[sym]}: {rendered.error}
            </Text>
          )}
        </Group>
        <BarcodeText text={text} />
        <Group gap="md">
          <Checkbox label="Text under the barcode" checked={showText} onChange={(e) => setShowText(e.currentTarget.checked)} />
          <Checkbox label="Name on printed labels" checked={showName} onChange={(e) => setShowName(e.currentTarget.checked)} />
        </Group>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            onClick={() => renderCanvas({ symbology: sym, text, showText }).toBlob((b) => b && download(`${fileStem}-${sym}.png`, b), 'image/png')}
          >
            PNG
          </Button>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            disabled={!rendered.svg}
            onClick={() => rendered.svg && download(`${fileStem}-${sym}.svg`, new Blob([rendered.svg], { type: 'image/svg+xml' }))}
          >
            SVG
          </Button>
          <Button
            variant="light"
            leftSection={<IconCopy size={16} />}
            onClick={() => void copyText(text).then(setCopied)}
            data-testid="copy-text"
          >
            {copied === true ? 'Copied' : copied === false ? 'Copy failed' : 'Copy text'}
          </Button>
        </Group>

        <Card withBorder radius="sm" padding="sm">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              Print labels
            </Text>
            <SegmentedControl
              value={layout}
              onChange={(v) => setLayout(v as SheetLayout)}
              data={[
                { value: 'single', label: 'One per page' },
                { value: 'grid', label: 'Sheet' },
              ]}
              size="xs"
              fullWidth
              aria-label="Label printer (one label per page) or a sheet of many labels"
            />
            <Group gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label="Label size"
                value={labelId}
                onChange={(e) => setLabelId(e.currentTarget.value)}
                data={LABEL_SIZES.map((l) => ({ value: l.id, label: l.name }))}
                style={{ flex: '1 1 12rem' }}
              />
              {layout === 'grid' && (
                <NativeSelect
                  label="Paper"
                  value={paperId}
                  onChange={(e) => setPaperId(e.currentTarget.value)}
                  data={PAPERS.map((p) => ({ value: p.id, label: p.name }))}
                  style={{ flex: '1 1 10rem' }}
                />
              )}
              <NumberInput
                label="Copies"
                value={copies}
                min={1}
                max={500}
                onChange={(v) => setCopies(typeof v === 'number' ? v : Number(v) || 1)}
                style={{ flex: '0 1 7rem' }}
              />
            </Group>
            <Text size="xs" c="dimmed" data-testid="print-plan">
              {plan.pages.length} page{plan.pages.length === 1 ? '' : 's'}
              {layout === 'grid' ? `, ${plan.columns} × ${plan.rows} labels per page` : ''}.
            </Text>
            <Group>
              <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!printSvg} data-testid="print">
                Print
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

export default GeneratePage;
