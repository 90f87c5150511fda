/**
 * /stock/adjust?item=N — scan a stock item, then add or remove a quantity with a reason note.
 * The write carries its operation id (never applied twice) and the item is read back afterwards.
 */
import { Alert, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { scanBarcode } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { usePluginSettings } from '../../api/queries.ts';
import { getStockItem, STOCK_PATHS } from '../../api/stock.ts';
import { applyOnce, buildOperation, newOperationId } from '../../api/stockOnce.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  adjustItemFromUrl,
  adjustQuery,
  adjustStep,
  initialAdjustState,
  type AdjustEffect,
  type AdjustEvent,
  type AdjustState,
  type AdjustValue,
} from './adjustMachine.ts';
import { adjustLogLine, outcomeText } from './adjustView.ts';
import { pageName } from '../../api/workflowNames.ts';

export default function AdjustPage() {
  const { t } = useTranslation('wf-stock-adjust');
  const { formatQuantity, decimalSeparator } = useFormat();
  const { connection, status } = useConnection();
  const [params] = useSearchParams();
  const wf = useWorkflow<AdjustState, AdjustEvent, AdjustEffect>({
    step: adjustStep,
    fromUrl: () => initialAdjustState(),
    toUrl: adjustQuery,
    offline: { route: '/stock/adjust', kinds: ['stock-add', 'stock-remove'] },
    perform: async (effect, io) => {
      switch (effect.kind) {
        case 'identify': {
          const value = scanBarcode(connection, effect.barcode).then((r): AdjustValue =>
            r.ok && r.match ? { kind: 'match', model: r.match.model, pk: r.match.pk } : { kind: 'noMatch' },
          );
          return { type: 'answer', to: 'identify', answer: await settle(value) };
        }
        case 'readItem':
          return {
            type: 'answer',
            to: 'readItem',
            answer: await settle(
              getStockItem(connection, effect.pk).then((item): AdjustValue => ({ kind: 'item', item })),
            ),
          };
        case 'adjust': {
          const kind = effect.mode === 'add' ? 'add' : 'remove';
          const op = buildOperation(
            kind,
            newOperationId(),
            { items: [{ pk: effect.item, quantity: effect.quantity }] },
            effect.note,
          );
          const write = {
            kind: effect.mode === 'add' ? ('stock-add' as const) : ('stock-remove' as const),
            path: STOCK_PATHS[kind],
            body: { ...op.request },
            barcode: i18n.t('wf-stock-adjust:names.stockItem', { pk: effect.item }),
            context: i18n.t(`wf-stock-adjust:queue.${kind}`, { quantity: formatQuantity(effect.quantity) }),
          };
          const call = async (): Promise<AdjustValue> => {
            await applyOnce(connection, op, false);
            return { kind: 'adjusted', item: await getStockItem(connection, effect.item) };
          };
          return answered('adjust', await io.submit(write, null, call));
        }
      }
    },
    onStep: (before, _event, next, io) => {
      for (let i = before.ended; i < next.state.ended; i += 1)
        io.report(io.pending.take()?.logId, adjustLogLine(next.state));
      if (before.inFlight?.kind === 'adjust' && !next.state.inFlight && next.state.outcome?.kind !== 'queued')
        io.report(null, adjustLogLine(next.state));
    },
  });
  const { state, dispatch } = wf;

  const opened = useRef(false);
  // Reads wait for the sign-in (in demo mode, for the simulation to be answering).
  useEffect(() => {
    if (opened.current || status !== 'signed-in') return;
    const pk = adjustItemFromUrl(params);
    if (pk !== null) dispatch({ type: 'open', pk });
    opened.current = true;
  }, [params, dispatch, status]);
  const pluginSettings = usePluginSettings();
  useEffect(() => {
    const prefix = (pluginSettings.data ?? []).find((s) => s.key === 'SHORT_BARCODE_PREFIX')?.value;
    if (typeof prefix === 'string') dispatch({ type: 'setShortPrefix', prefix });
  }, [pluginSettings.data, dispatch]);

  const item = state.item;
  const o = state.outcome;
  const result =
    o?.kind === 'queued' ? (
      <QueuedOutcome id={o.id} barcode={t('names.stockItem', { pk: item?.pk ?? '' })} reason={o.reason} />
    ) : o && o.kind !== 'itemShown' ? (
      <Alert
        color={o.kind === 'error' ? 'red' : 'teal'}
        variant="light"
        icon={o.kind === 'error' ? <IconX /> : <IconCheck />}
        title={o.kind === 'error' ? t(o.reason === 'forbidden' ? 'title.forbidden' : 'title.error') : t('title.done')}
        role={o.kind === 'error' ? 'alert' : undefined}
        data-testid="adjust-outcome"
        data-kind={o.kind}
      >
        {outcomeText(state)}
      </Alert>
    ) : (
      <Text size="sm" c="dimmed" data-testid="adjust-outcome">
        {item ? t('idle.withItem') : t('idle.noItem')}
      </Text>
    );

  const panel = (
    <Card withBorder radius="md" padding="md" data-testid="adjust-item">
      {!item ? (
        <Text size="sm" c="dimmed">
          {t('panel.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          <div>
            <Text fw={700}>{item.partName}</Text>
            <Text size="sm" c="dimmed">
              {t('panel.stockItem', { pk: item.pk })}
              {item.batch ? ` · ${t('panel.batch', { batch: item.batch })}` : ''}
              {item.serial ? ` · ${t('panel.serial', { serial: item.serial })}` : ''} ·{' '}
              {item.locationName ?? t('panel.noLocation')}
            </Text>
            <Text size="xl" fw={700} data-testid="adjust-quantity-now">
              {formatQuantity(item.quantity)} {item.units}
            </Text>
          </div>
          <SegmentedControl
            value={state.mode}
            onChange={(v) => dispatch({ type: 'setMode', mode: v === 'remove' ? 'remove' : 'add' })}
            data={[
              { value: 'add', label: t('panel.add') },
              { value: 'remove', label: t('panel.remove') },
            ]}
            data-testid="adjust-mode"
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NumberInput
              label={t('panel.quantity')}
              min={0}
              decimalSeparator={decimalSeparator()}
              value={state.quantity ?? ''}
              onChange={(v) => dispatch({ type: 'setQuantity', quantity: typeof v === 'number' ? v : null })}
              w={140}
              data-testid="adjust-quantity"
            />
            <TextInput
              label={t('panel.reason')}
              placeholder={t('panel.reasonPlaceholder')}
              value={state.note}
              onChange={(e) => dispatch({ type: 'setNote', note: e.currentTarget.value })}
              style={{ flex: '1 1 12rem' }}
              data-testid="adjust-note"
            />
          </Group>
          <Button
            onClick={() => dispatch({ type: 'submit' })}
            disabled={wf.busy || state.quantity === null || state.quantity <= 0}
            data-testid="adjust-submit"
          >
            {state.mode === 'add' ? t('panel.submitAdd') : t('panel.submitRemove')}
          </Button>
        </Stack>
      )}
    </Card>
  );

  // The page's one name (common area), said in the language in use.
  const title = pageName('adjustStock');
  return (
    <WorkflowFrame
      workflow={wf}
      testId="stock-adjust-page"
      title={title}
      intro={t('intro')}
      result={result}
      panel={panel}
    />
  );
}
