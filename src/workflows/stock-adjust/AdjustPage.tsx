/**
 * /stock/adjust?item=N — scan a stock item, then add or remove a quantity with a reason note.
 * The write carries its operation id (never applied twice) and the item is read back afterwards.
 */
import { Alert, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { scanBarcode } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { usePluginSettings } from '../../api/queries.ts';
import { getStockItem, STOCK_PATHS } from '../../api/stock.ts';
import { applyOnce, buildOperation, newOperationId } from '../../api/stockOnce.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { formatQuantity } from '../kit/text.ts';
import { answered, useWorkflow, type LogLine } from '../kit/useWorkflow.ts';
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
import { pageName } from '../../api/workflowNames.ts';

function outcomeText(state: AdjustState): string {
  const o = state.outcome;
  if (!o) return '';
  switch (o.kind) {
    case 'itemShown':
      return state.item
        ? `${state.item.partName} (#${state.item.pk}): ${formatQuantity(state.item.quantity)} in ${state.item.locationName ?? 'no location'}.`
        : '';
    case 'adjusted':
      return `${o.mode === 'add' ? 'Added' : 'Removed'} ${formatQuantity(o.quantity)} ${o.mode === 'add' ? 'to' : 'from'} ${o.partName} (#${o.pk}): ${formatQuantity(o.before)} → ${o.after === null ? '0, and InvenTree deleted the used-up item' : formatQuantity(o.after)}.`;
    case 'queued':
      return 'Kept on this device; it is sent once the server can take it.';
    case 'error':
      return o.message;
  }
}

function logLine(state: AdjustState): LogLine {
  const o = state.outcome;
  if (o?.kind === 'error')
    return {
      tone: o.reason === 'unknownItem' || o.reason === 'notStock' ? 'notFound' : 'error',
      result: outcomeText(state),
    };
  return { tone: o?.kind === 'itemShown' ? 'info' : 'success', result: outcomeText(state) };
}

export default function AdjustPage() {
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
            barcode: `stock item #${effect.item}`,
            context: `${kind} ${effect.quantity}`,
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
      for (let i = before.ended; i < next.state.ended; i += 1) io.report(io.pending.take()?.logId, logLine(next.state));
      if (before.inFlight?.kind === 'adjust' && !next.state.inFlight && next.state.outcome?.kind !== 'queued')
        io.report(null, logLine(next.state));
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
      <QueuedOutcome id={o.id} barcode={`stock item #${item?.pk ?? ''}`} reason={o.reason} />
    ) : o && o.kind !== 'itemShown' ? (
      <Alert
        color={o.kind === 'error' ? 'red' : 'teal'}
        variant="light"
        icon={o.kind === 'error' ? <IconX /> : <IconCheck />}
        title={o.kind === 'error' ? (o.reason === 'forbidden' ? 'Not allowed' : 'Not changed') : 'Done'}
        role={o.kind === 'error' ? 'alert' : undefined}
        data-testid="adjust-outcome"
        data-kind={o.kind}
      >
        {outcomeText(state)}
      </Alert>
    ) : (
      <Text size="sm" c="dimmed" data-testid="adjust-outcome">
        {item ? 'Give a quantity and a reason, then add or remove.' : 'Scan a stock item label.'}
      </Text>
    );

  const panel = (
    <Card withBorder radius="md" padding="md" data-testid="adjust-item">
      {!item ? (
        <Text size="sm" c="dimmed">
          The scanned item appears here.
        </Text>
      ) : (
        <Stack gap="sm">
          <div>
            <Text fw={700}>{item.partName}</Text>
            <Text size="sm" c="dimmed">
              Stock item #{item.pk}
              {item.batch ? ` · batch ${item.batch}` : ''}
              {item.serial ? ` · serial ${item.serial}` : ''} · {item.locationName ?? 'no location'}
            </Text>
            <Text size="xl" fw={700} data-testid="adjust-quantity-now">
              {formatQuantity(item.quantity)} {item.units}
            </Text>
          </div>
          <SegmentedControl
            value={state.mode}
            onChange={(v) => dispatch({ type: 'setMode', mode: v === 'remove' ? 'remove' : 'add' })}
            data={[
              { value: 'add', label: 'Add' },
              { value: 'remove', label: 'Remove' },
            ]}
            data-testid="adjust-mode"
          />
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NumberInput
              label="Quantity"
              min={0}
              value={state.quantity ?? ''}
              onChange={(v) => dispatch({ type: 'setQuantity', quantity: typeof v === 'number' ? v : null })}
              w={140}
              data-testid="adjust-quantity"
            />
            <TextInput
              label="Reason"
              placeholder="e.g. found a box, damaged"
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
            {state.mode === 'add' ? 'Add to stock' : 'Remove from stock'}
          </Button>
        </Stack>
      )}
    </Card>
  );

  return (
    <WorkflowFrame
      workflow={wf}
      testId="stock-adjust-page"
      title={pageName('adjustStock')}
      intro="Scan an item, then add or remove a quantity with a reason."
      result={result}
      panel={panel}
    />
  );
}
