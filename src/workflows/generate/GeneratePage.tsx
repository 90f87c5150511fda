/**
 * /generate?model=stockitem&pk=12 — show an object's InvenTree barcode as QR, Data Matrix or
 * Code 128, download it (PNG/SVG), copy its text, and print a label sheet.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconCopy, IconDownload, IconPrinter, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/apiError.ts';
import { generateBarcode, scanBarcode } from '../../api/barcode.ts';
import { BARCODE_MODEL_INFO, modelTitle } from '../../api/models.ts';
import { mediaUrl, type ObjectSummary } from '../../api/objects.ts';
import { useObject } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ObjectCard } from '../../ui/ObjectCard.tsx';
import { ObjectSearchPicker } from '../../ui/ObjectSearchPicker.tsx';
import { renderCanvas, renderSvg, svgDataUrl } from './barcodeRender.ts';
import {
  type GenerateEffect,
  type GenerateEvent,
  type GenerateState,
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
import { settle } from '../../api/httpAnswer.ts';
import { useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';

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

  const wf = useWorkflow<GenerateState, GenerateEvent, GenerateEffect>({
    step: generateStep,
    // The URL's object is taken once signed in (below), so that its barcode is asked for then.
    fromUrl: () => initialGenerateState,
    perform: async (effect) =>
      effect.kind === 'scan'
        ? { type: 'answer', to: 'scan', answer: await settle(scanBarcode(connection, effect.barcode)) }
        : { type: 'answer', to: 'generate', answer: await settle(generateBarcode(connection, effect.target.model, effect.target.pk)) },
    onStep: (before, event, step, io) => {
      if (event.type === 'scan' && before.inFlight) {
        // One object at a time: a scan while its barcode is on the way is not taken.
        const ignored = io.pending.take();
        if (ignored) io.log.resolve(ignored.logId, { tone: 'repeat', result: 'Ignored: still busy with the previous scan' });
        return;
      }
      // A scan's answer may chain into generate; the log entry resolves once a final outcome is known.
      if (event.type !== 'answer' || step.effect || !step.state.outcome || io.pending.size === 0) return;
      const o = step.state.outcome;
      const logId = io.pending.take()?.logId;
      if (o.kind === 'generated') {
        io.report(logId, { tone: 'success', result: `${modelTitle(o.target.model)} #${o.target.pk}: ${o.barcode}`, to: `/generate?model=${o.target.model}&pk=${o.target.pk}` });
      } else {
        io.report(logId, { tone: o.reason === 'noMatch' ? 'notFound' : 'error', result: o.message });
      }
    },
  });
  const { state, stateRef, dispatch } = wf;

  // The URL names the object (on arrival, or when a link or the user changes it).
  // Only once signed in: a request sent while demo sign-in is still under way would get a 401.
  useEffect(() => {
    if (!signedIn) return;
    const t = generateTargetFromUrl(params);
    const cur = stateRef.current.target;
    if (t && (!cur || cur.model !== t.model || cur.pk !== t.pk)) dispatch({ type: 'chooseTarget', target: t });
  }, [params, dispatch, signedIn, stateRef]);

  // Keep the URL on the chosen object so the page can be bookmarked or shared.
  // Not before sign-in (the URL's object has not been taken yet); read the machine's newest state,
  // which a dispatch in this same commit may already have changed.
  useEffect(() => {
    if (!signedIn) return;
    const t = stateRef.current.target;
    const want = t ? `model=${t.model}&pk=${t.pk}` : '';
    if (want !== params.toString()) setParams(new URLSearchParams(want), { replace: true });
  }, [state.target, params, setParams, signedIn, stateRef]);

  const object = useObject(state.target ? BARCODE_MODEL_INFO[state.target.model].apiUrl(state.target.pk) : null);

  return (
    <WorkflowFrame
      workflow={wf}
      testId="generate-page"
      title="Barcode label"
      intro="Show, download or print the InvenTree barcode of a part, stock item, location or order."
      // The label is the point of this page: the camera starts only when asked.
      cameraOnRequest
      busyInTitle={false}
      result={
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
      }
      panel={
          <Stack gap="md">
            {state.inFlight && <Loader size="sm" aria-label="Working" />}
            {state.outcome?.kind === 'error' && (
              <Alert color="red" variant="light" icon={<IconX />} title="No barcode" role="alert" data-testid="generate-error">
                {state.outcome.message}
              </Alert>
            )}
            {state.barcode && state.target && (
              <BarcodePanel text={state.barcode} summary={object.data?.summary ?? null} fileStem={`${state.target.model}-${state.target.pk}`} />
            )}
          </Stack>
      }
    />
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
