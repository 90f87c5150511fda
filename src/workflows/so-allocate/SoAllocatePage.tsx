/**
 * /sales/allocate?order=5&line=9&shipment=2 — allocate scanned stock items to a pending sales order.
 * The order's lines (required, allocated, shipped) refresh after every scan. When v291 allocates
 * nothing because the order has no single open shipment, the page asks which shipment (or creates
 * one) and sends the scan again.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconPackageExport, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { SO_STATUS } from '../../api/lists.ts';
import { useCreateShipment, useSalesOrders, useShipments, useSoAllocateMutation, useSoLines } from '../../api/queries.ts';
import { OfflineQueueStatus } from '../../offline/OfflineQueueStatus.tsx';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { isQueued, type Queued } from '../../offline/sendOrQueue.ts';
import { useOfflineWrites } from '../../offline/useOfflineWrites.ts';
import { FeedbackFlash } from '../../scanner/FeedbackFlash.tsx';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { useFeedback } from '../../scanner/useFeedback.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { feedbackForTone, useRepeatScan } from '../../ui/scanFeedback.ts';
import { useMachine } from '../../ui/useMachine.ts';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import {
  type HttpAnswer,
  type SoAllocateEffect,
  type SoAllocateEvent,
  type SoAllocateState,
  type SoAllocateStep,
  nextShipmentReference,
  soAllocateQuery,
  soAllocateStateFromUrl,
  soAllocateStep,
} from './soAllocateMachine.ts';
import { allocateContext, allocationSentence, fmt, lineRows, shipmentRows, soOutcomeLine, type LineRow, type ShipmentRow } from './soOrderView.ts';
import { rawAnswer, settleRaw as settle } from '../../api/httpAnswer.ts';

export function SoAllocatePage() {
  const [params, setParams] = useSearchParams();
  const feedback = useFeedback();
  const log = useSessionLog();
  const allocateM = useSoAllocateMutation();
  const shipmentM = useCreateShipment();

  /** Scans not yet sent, oldest first, with their session-log entries (the machine queues the scans). */
  const unsent = useRef<{ scan: ScanEvent; logId: number }[]>([]);
  /** The scan now being allocated, and the log entry waiting for its answer. */
  const current = useRef<{ scan: ScanEvent; logId: number | null } | null>(null);

  // Server mode: an allocation the server cannot take now is kept in the offline queue (its log line follows it).
  const offline = useOfflineWrites({ log, route: '/sales/allocate', kinds: ['so-allocate'] });

  const run = (effect: SoAllocateEffect): Promise<HttpAnswer | Queued> => {
    if (effect.kind === 'createShipment') {
      return settle(shipmentM.mutateAsync({ order: effect.order, reference: effect.reference }), (s) => ({ status: 201, body: s }));
    }
    const { lines, shipments, orderRef } = viewRef.current;
    const write = {
      kind: 'so-allocate' as const,
      path: '/api/barcode/so-allocate/',
      body: { ...effect.request },
      barcode: effect.request.barcode,
      context: allocateContext(effect.request, orderRef(effect.request.sales_order), lines, shipments),
    };
    return offline.send(write, current.current?.logId ?? null, () => allocateM.mutateAsync(effect.request), rawAnswer);
  };

  const { state, dispatch } = useMachine<SoAllocateState, SoAllocateEvent, SoAllocateEffect, SoAllocateStep, HttpAnswer | Queued>({
    initial: () => soAllocateStateFromUrl(params),
    step: soAllocateStep,
    run,
    answerEvent: (answer) => (isQueued(answer) ? { type: 'queued', id: answer.id, reason: answer.reason } : { type: 'answer', answer }),
    onStep: (before, event, step) => {
      if (event.type === 'queued' && before.inFlight?.kind === 'allocate') {
        // The queue owns this scan's log line now.
        if (current.current) current.current = { ...current.current, logId: null };
        feedbackForTone(feedback, 'queued');
      }
      const o = step.state.outcome;
      if (event.type === 'answer' && before.inFlight && o) {
        const line = soOutcomeLine(o, viewRef.current.lines, viewRef.current.shipments);
        if (before.inFlight.kind === 'allocate' && current.current?.logId != null) {
          log.resolve(current.current.logId, line);
          current.current = { ...current.current, logId: null };
        }
        // A created shipment that sends the waiting scan again is not the last word yet.
        if (before.inFlight.kind === 'allocate' || step.effect?.kind !== 'allocate') feedbackForTone(feedback, line.tone);
      }
      if (event.type === 'scan' && !step.effect && step.state.queue.length === before.queue.length && o?.kind === 'error' && o.reason === 'noOrder') {
        const refused = unsent.current.shift();
        if (refused) log.resolve(refused.logId, { tone: 'error', result: 'No sales order chosen' });
        feedback.error();
      }
      if (event.type === 'setOrder' && before.queue.length > 0 && step.state.queue.length === 0) {
        for (const dropped of unsent.current.splice(0)) log.resolve(dropped.logId, { tone: 'error', result: 'Not sent: the sales order was changed' });
      }
      if (step.effect?.kind === 'allocate') {
        if (step.fromScan) current.current = unsent.current.shift() ?? null;
        else if (current.current) {
          // The waiting scan sent again (after a shipment was chosen or created) gets its own log line.
          current.current = { ...current.current, logId: log.add({ ...current.current.scan, at: Date.now() }, { result: 'Sent again into the shipment…' }) };
        }
      }
    },
  });

  const orders = useSalesOrders({ filters: { status: SO_STATUS.pending, customer_detail: true } as never, limit: 100 });
  const linesQ = useSoLines({ filters: { order: state.order ?? undefined, part_detail: true } as never, limit: 200 }, state.order !== null);
  const shipmentsQ = useShipments({ filters: { order: state.order ?? undefined } as never, limit: 100 }, state.order !== null);
  const lines = useMemo(() => lineRows(state.order ? (linesQ.data?.results ?? []) : []), [linesQ.data, state.order]);
  const shipments = useMemo(() => shipmentRows(state.order ? (shipmentsQ.data?.results ?? []) : []), [shipmentsQ.data, state.order]);
  const orderRows = (orders.data?.results ?? []) as unknown as Record<string, unknown>[];
  const orderRef = (pk: number) => {
    const o = orderRows.find((r) => r.pk === pk);
    return o ? String(o.reference) : `Sales order #${pk}`;
  };
  const viewRef = useRef({ lines, shipments, orderRef });
  viewRef.current = { lines, shipments, orderRef };

  const logRef = useRef(log);
  logRef.current = log;
  const onScan = useCallback(
    (scan: ScanEvent) => {
      if (scan.text.trim() === '') return;
      unsent.current.push({ scan, logId: logRef.current.add(scan) });
      dispatch({ type: 'scan', scan });
    },
    [dispatch],
  );

  const onRepeat = useRepeatScan(log, feedback);

  // Bookmarkable context.
  useEffect(() => {
    const want = soAllocateQuery(state);
    if (want !== params.toString()) setParams(new URLSearchParams(want), { replace: true });
  }, [state, params, setParams]);

  const orderOptions = [
    { value: '', label: orders.isLoading ? 'Loading orders…' : 'Choose a pending sales order' },
    ...orderRows.map((o) => {
      const customer = (o.customer_detail as { name?: string } | undefined)?.name;
      return { value: String(o.pk), label: `${String(o.reference)}${customer ? ` · ${customer}` : ''}${o.description ? ` · ${String(o.description)}` : ''}` };
    }),
  ];
  // An order from the URL that is not pending (or not in the first page) still shows as chosen.
  if (state.order && !orderRows.some((o) => o.pk === state.order)) orderOptions.push({ value: String(state.order), label: `Order #${state.order}` });

  const highlight = state.outcome?.kind === 'allocated' ? state.outcome.allocation.line : null;

  return (
    <Stack gap="md" data-testid="so-allocate-page">
      <FeedbackFlash />
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={1} size="h2">Allocate to a sales order</Title>
          <Text size="sm" c="dimmed">
            Scan stock item labels to reserve them for the order’s lines.
          </Text>
        </div>
        {state.busy && <Loader size="sm" aria-label="Working" />}
      </Group>

      <Card withBorder radius="md" padding="md" data-testid="so-context">
        <Grid gap="xs" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
            <NativeSelect
              label="Sales order"
              value={state.order ? String(state.order) : ''}
              onChange={(e) => dispatch({ type: 'setOrder', order: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              data={orderOptions}
              data-testid="so-order"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <NativeSelect
              label="Line"
              value={state.line ? String(state.line) : ''}
              disabled={!state.order}
              onChange={(e) => dispatch({ type: 'setLine', line: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              data={[
                { value: '', label: 'Any line (found from the item)' },
                ...lines.map((l) => ({ value: String(l.pk), label: `#${l.pk} ${l.partName}` })),
                ...(state.line && !lines.some((l) => l.pk === state.line) ? [{ value: String(state.line), label: `Line #${state.line}` }] : []),
              ]}
              data-testid="so-line"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 8, sm: 6, md: 3 }}>
            <NativeSelect
              label="Shipment"
              value={state.shipment ? String(state.shipment) : ''}
              disabled={!state.order}
              onChange={(e) => dispatch({ type: 'setShipment', shipment: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
              data={[
                { value: '', label: 'The open one (automatic)' },
                ...shipments.map((s) => ({ value: String(s.pk), label: `${s.reference}${s.open ? '' : ' (shipped)'}` })),
                ...(state.shipment && !shipments.some((s) => s.pk === state.shipment)
                  ? [{ value: String(state.shipment), label: `Shipment #${state.shipment}` }]
                  : []),
              ]}
              data-testid="so-shipment"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 4, sm: 6, md: 2 }}>
            <NumberInput
              label="Quantity"
              placeholder="auto"
              min={1}
              allowDecimal={false}
              value={state.quantity ?? ''}
              onChange={(v) => dispatch({ type: 'setQuantity', quantity: typeof v === 'number' ? v : null })}
              data-testid="so-quantity"
            />
          </Grid.Col>
        </Grid>
      </Card>

      {orders.error && <ErrorAlert error={orders.error} title="Sales orders could not be loaded" onRetry={() => void orders.refetch()} />}
      {(linesQ.error || shipmentsQ.error) && (
        <ErrorAlert
          error={linesQ.error ?? shipmentsQ.error}
          title="The order’s lines could not be loaded"
          onRetry={() => {
            void linesQ.refetch();
            void shipmentsQ.refetch();
          }}
        />
      )}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <Stack gap="md">
            <ScanInput onScan={onScan} onRepeat={onRepeat} />
            {state.queue.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="so-queue">
                {state.queue.length} more {state.queue.length === 1 ? 'scan' : 'scans'} waiting…
              </Text>
            )}
            <OutcomePanel state={state} lines={lines} shipments={shipments} dispatch={dispatch} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <LinesTable
            order={state.order}
            lines={lines}
            loading={linesQ.isLoading}
            failed={Boolean(linesQ.error)}
            highlight={highlight}
            shipments={shipments}
          />
        </Grid.Col>
      </Grid>

      <OfflineQueueStatus />
      <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} onRetry={offline.queue?.retry} onDiscard={offline.queue?.discard} />
    </Stack>
  );
}

function OutcomePanel({
  state,
  lines,
  shipments,
  dispatch,
}: {
  state: SoAllocateState;
  lines: LineRow[];
  shipments: ShipmentRow[];
  dispatch: (e: SoAllocateEvent) => void;
}) {
  const o = state.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed">
        {state.order ? 'Scan a stock item’s label.' : 'Choose the sales order first.'}
      </Text>
    );
  }
  switch (o.kind) {
    case 'allocated':
      return (
        <Alert color="teal" variant="light" icon={<IconCheck />} title="Allocated" data-testid="so-outcome">
          {allocationSentence(o.allocation, lines, shipments)}
        </Alert>
      );
    case 'shipmentCreated':
      return (
        <Alert color="teal" variant="light" icon={<IconPackageExport />} title="Shipment created" data-testid="so-outcome">
          Shipment {o.reference} is open; scans go into it.
        </Alert>
      );
    case 'needsShipment':
      return <ChooseShipment state={state} shipments={shipments} dispatch={dispatch} />;
    case 'queued':
      return <QueuedOutcome id={o.queueId} barcode={o.barcode} reason={o.reason} />;
    case 'error':
      return (
        <Alert color="red" variant="light" icon={<IconX />} title="Not allocated" role="alert" data-testid="so-outcome">
          {o.message}
        </Alert>
      );
  }
}

function ChooseShipment({
  state,
  shipments,
  dispatch,
}: {
  state: SoAllocateState;
  shipments: ShipmentRow[];
  dispatch: (e: SoAllocateEvent) => void;
}) {
  const open = shipments.filter((s) => s.open);
  const [reference, setReference] = useState(() => nextShipmentReference(shipments.map((s) => s.reference)));
  useEffect(() => setReference(nextShipmentReference(shipments.map((s) => s.reference))), [shipments]);
  const w = state.waiting;
  return (
    <Alert color="yellow" variant="light" title="Which shipment?" data-testid="so-outcome">
      <Stack gap="sm">
        <Text size="sm">
          Nothing was allocated:{' '}
          {open.length === 0 ? 'this order has no open shipment.' : `this order has ${open.length} open shipments and InvenTree will not guess.`}{' '}
          {w?.stockItem ? `Stock item #${w.stockItem}` : 'The item'} is sent again once you choose.
        </Text>
        {open.length > 0 && (
          <Group gap="xs">
            {open.map((s) => (
              <Button key={s.pk} size="xs" variant="light" disabled={state.busy !== null} onClick={() => dispatch({ type: 'chooseShipmentForWaiting', shipment: s.pk })}>
                Into {s.reference}
              </Button>
            ))}
          </Group>
        )}
        <Group gap="xs" align="flex-end">
          <TextInput
            label="New shipment reference"
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            style={{ flex: '1 1 8rem' }}
            data-testid="new-shipment-reference"
          />
          <Button
            leftSection={<IconPackageExport size={16} />}
            disabled={state.busy !== null || reference.trim() === ''}
            onClick={() => dispatch({ type: 'createShipment', reference })}
            data-testid="create-shipment"
          >
            Create and allocate
          </Button>
        </Group>
        <Button size="xs" variant="subtle" color="gray" onClick={() => dispatch({ type: 'dismissWaiting' })}>
          Skip this item
        </Button>
      </Stack>
    </Alert>
  );
}

function LinesTable({
  order,
  lines,
  loading,
  failed,
  highlight,
  shipments,
}: {
  order: number | null;
  lines: LineRow[];
  loading: boolean;
  failed: boolean;
  highlight: number | null;
  shipments: ShipmentRow[];
}) {
  if (!order) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="so-lines">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Order lines</Text>
        <Group gap={6}>
          {shipments.map((s) => (
            <Badge key={s.pk} variant="light" color={s.open ? 'blue' : 'gray'}>
              {s.reference}
            </Badge>
          ))}
          {shipments.length === 0 && (
            <Text size="xs" c="dimmed">
              No shipments yet
            </Text>
          )}
        </Group>
      </Group>
      {loading ? (
        <Loader size="sm" />
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line · part</Table.Th>
                <Table.Th ta="right">Required</Table.Th>
                <Table.Th ta="right">Allocated</Table.Th>
                <Table.Th ta="right">Shipped</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.length === 0 && !failed && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      This order has no lines.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {lines.map((l) => (
                <Table.Tr key={l.pk} data-testid={`so-line-${l.pk}`} bg={highlight === l.pk ? 'var(--mantine-color-teal-light)' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      #{l.pk} {l.partName}
                    </Text>
                    <Progress value={l.required > 0 ? Math.min(100, ((l.allocated + l.shipped) / l.required) * 100) : 0} size="xs" color={l.full ? 'teal' : 'blue'} mt={4} />
                  </Table.Td>
                  <Table.Td ta="right">{fmt(l.required)}</Table.Td>
                  <Table.Td ta="right" data-testid={`so-line-${l.pk}-allocated`}>
                    {fmt(l.allocated)}
                  </Table.Td>
                  <Table.Td ta="right">{fmt(l.shipped)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

export default SoAllocatePage;
