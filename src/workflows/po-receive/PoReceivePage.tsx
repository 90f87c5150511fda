/**
 * /purchasing/receive?order=3&location=7 — receive supplier labels against a placed purchase order.
 * A banner shows the current order (or "found from each label") and the destination location; a
 * location label scanned at any time changes it. Every answer is said in words, receipts that need
 * a quantity or location wait as small forms, and the order's lines (ordered vs received) refresh
 * after each scan. Phone: stacked; tablet/desktop: scanner and answers left, lines right.
 */
import { Alert, Badge, Button, Card, Grid, Group, Loader, NativeSelect, NumberInput, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMapPin, IconPackageImport, IconShoppingCart, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PO_STATUS } from '../../api/lists.ts';
import {
  useLocations,
  usePluginSettings,
  usePoLines,
  usePoReceiveMutation,
  usePurchaseOrders,
  useReceivePurchaseOrder,
  useScanMutation,
} from '../../api/queries.ts';
import { OfflineQueueStatus } from '../../offline/OfflineQueueStatus.tsx';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { isQueued, type Queued } from '../../offline/sendOrQueue.ts';
import { useOfflineWrites } from '../../offline/useOfflineWrites.ts';
import { FeedbackFlash } from '../../scanner/FeedbackFlash.tsx';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { useFeedback } from '../../scanner/useFeedback.ts';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { feedbackForTone, useRepeatScan } from '../../ui/scanFeedback.ts';
import { useMachine } from '../../ui/useMachine.ts';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import {
  poReceiveQuery,
  poReceiveStateFromUrl,
  poReceiveStep,
  type HttpAnswer,
  type PendingReceipt,
  type PoReceiveEffect,
  type PoReceiveEvent,
  type PoReceiveState,
  type PoReceiveStep,
} from './poReceiveMachine.ts';
import { fmt, lineRows, logLine, missingWords, outcomeSentence, receiveContext, remaining, type LineRow, type Names } from './poReceiveView.ts';
import { rawAnswer, settleRaw as settle } from '../../api/httpAnswer.ts';

type Rec = Record<string, unknown>;

export default function PoReceivePage() {
  const [params, setParams] = useSearchParams();
  const feedback = useFeedback();
  const log = useSessionLog();
  const receiveM = usePoReceiveMutation();
  const scanM = useScanMutation();
  const receiveLineM = useReceivePurchaseOrder();

  /** Session-log ids of scans not yet answered, oldest first (the machine answers in scan order). */
  const pendingLog = useRef<number[]>([]);
  const namesRef = useRef<Names | null>(null);

  // Server mode: a label the server cannot take now is kept in the offline queue (its log line follows it).
  const offline = useOfflineWrites({ log, route: '/purchasing/receive', kinds: ['po-receive'] });

  const run = (effect: PoReceiveEffect): Promise<HttpAnswer | Queued> => {
    switch (effect.kind) {
      case 'identify':
        return settle(scanM.mutateAsync(effect.barcode), rawAnswer);
      case 'receive': {
        const names = namesRef.current;
        const write = {
          kind: 'po-receive' as const,
          path: '/api/barcode/po-receive/',
          body: { ...effect.request },
          barcode: effect.request.barcode,
          context: names ? receiveContext(effect.request, names) : '',
        };
        // A receive is always the oldest unanswered scan's.
        return offline.send(write, pendingLog.current[0] ?? null, () => receiveM.mutateAsync(effect.request), rawAnswer);
      }
      case 'receiveLine':
        return settle(receiveLineM.mutateAsync({ orderId: effect.order, ...effect.request }), (b) => ({ status: 201, body: b }));
    }
  };

  const { state, stateRef, dispatch } = useMachine<PoReceiveState, PoReceiveEvent, PoReceiveEffect, PoReceiveStep, HttpAnswer | Queued>({
    initial: () => poReceiveStateFromUrl(params),
    step: poReceiveStep,
    run,
    answerEvent: (answer) => (isQueued(answer) ? { type: 'queued', id: answer.id, reason: answer.reason } : { type: 'answer', answer }),
    onStep: (before, event, step) => {
      if (event.type === 'queued' && before.inFlight) {
        // The queue owns this scan's log line now.
        if (before.inFlight.kind !== 'receiveLine') pendingLog.current.shift();
        feedbackForTone(feedback, 'queued');
        return;
      }
      if (event.type !== 'answer' || !before.inFlight || !namesRef.current) return;
      const o = step.state.outcome;
      const fromScan = before.inFlight.kind !== 'receiveLine';
      // An answer that only leads to "what is this barcode?" is not the scan's last word yet.
      const continues = step.effect?.kind === 'identify' && before.inFlight.kind === 'receive';
      if (!o || continues) return;
      const line = logLine(o, namesRef.current);
      if (fromScan) {
        const id = pendingLog.current.shift();
        if (id !== undefined) log.resolve(id, line);
      }
      feedbackForTone(feedback, line.tone);
    },
  });

  const orders = usePurchaseOrders({ filters: { status: PO_STATUS.placed }, limit: 200 });
  const locations = useLocations({ limit: 1000 });
  const shownOrder = state.order ?? state.lastOrder;
  const linesQ = usePoLines({ filters: { order: shownOrder ?? undefined }, limit: 500 }, shownOrder !== null);
  const pluginSettings = usePluginSettings();

  const lines = useMemo(() => lineRows(shownOrder ? ((linesQ.data?.results ?? []) as unknown[]) : []), [linesQ.data, shownOrder]);
  const orderRows = useMemo(() => (orders.data?.results ?? []) as unknown as Rec[], [orders.data]);
  const locationRows = useMemo(() => (locations.data?.results ?? []) as unknown as Rec[], [locations.data]);
  const names: Names = useMemo(
    () => ({
      lines,
      orderRef: (pk) => {
        const o = orderRows.find((r) => r.pk === pk);
        return o ? String(o.reference) : `order #${pk}`;
      },
      locationName: (pk) => {
        const l = locationRows.find((r) => r.pk === pk);
        return l ? String(l.pathstring || l.name) : `location #${pk}`;
      },
    }),
    [lines, orderRows, locationRows],
  );
  namesRef.current = names;

  // The short barcode prefix decides whether "INV-SL7" is a location label.
  useEffect(() => {
    const prefix = (pluginSettings.data ?? []).find((s) => s.key === 'SHORT_BARCODE_PREFIX')?.value;
    if (typeof prefix === 'string') dispatch({ type: 'setShortPrefix', prefix });
  }, [pluginSettings.data, dispatch]);

  const onScan = useCallback(
    (scan: ScanEvent) => {
      pendingLog.current.push(log.add(scan, { result: stateRef.current.busy ? 'Waiting for the previous label…' : 'Receiving…' }));
      dispatch({ type: 'scan', scan });
    },
    [dispatch, log],
  );
  const onRepeat = useRepeatScan(log, feedback);

  // Bookmarkable context.
  useEffect(() => {
    const want = poReceiveQuery(state);
    if (want !== params.toString()) setParams(new URLSearchParams(want), { replace: true });
  }, [state, params, setParams]);

  const orderOptions = [
    { value: '', label: orders.isLoading ? 'Loading orders…' : 'Found from each label' },
    ...orderRows.map((o) => ({ value: String(o.pk), label: `${String(o.reference)} · ${String(o.supplier_name ?? '')}${o.supplier_reference ? ` (${String(o.supplier_reference)})` : ''}` })),
  ];
  if (state.order && !orderRows.some((o) => o.pk === state.order)) orderOptions.push({ value: String(state.order), label: `Order #${state.order}` });
  const locationOptions = locationRows.map((l) => ({
    value: String(l.pk),
    label: String(l.pathstring || l.name),
    disabled: l.structural === true,
  }));
  const currentLocation = state.location ? locationRows.find((l) => l.pk === state.location) : undefined;

  return (
    <>
      <FeedbackFlash />
      <Stack gap="md" data-testid="po-receive-page">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Title order={1} size="h2">
              Receive a purchase order
            </Title>
            <Text size="sm" c="dimmed">
              Scan supplier labels (DigiKey, Mouser, LCSC, TME). Scan a location label to change where stock goes.
            </Text>
          </div>
          {state.busy && <Loader size="sm" aria-label="Working" />}
        </Group>

        <Card withBorder radius="md" padding="sm" data-testid="receive-banner" bg="var(--mantine-color-blue-light)">
          <Grid gap="xs" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label={
                  <Group gap={4} component="span">
                    <IconShoppingCart size={16} aria-hidden /> Purchase order
                  </Group>
                }
                value={state.order ? String(state.order) : ''}
                onChange={(e) => dispatch({ type: 'setOrder', order: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
                data={orderOptions}
                data-testid="receive-order"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={
                  <Group gap={4} component="span">
                    <IconMapPin size={16} aria-hidden /> Destination location
                  </Group>
                }
                placeholder="Not set: scan a location label"
                searchable
                clearable
                value={state.location ? String(state.location) : null}
                onChange={(v) => dispatch({ type: 'setLocation', location: v ? Number(v) : null })}
                data={
                  state.location && !locationOptions.some((o) => o.value === String(state.location))
                    ? [...locationOptions, { value: String(state.location), label: `Location #${state.location}`, disabled: false }]
                    : locationOptions
                }
                data-testid="receive-location"
                comboboxProps={{ withinPortal: true }}
              />
            </Grid.Col>
          </Grid>
          <Text size="sm" mt={6} data-testid="receive-banner-summary">
            {state.order ? `Order ${names.orderRef(state.order)}` : 'Order found from each label'} ·{' '}
            {state.location ? `into ${names.locationName(state.location)}` : 'no location set (the server may ask)'}
          </Text>
          {currentLocation?.structural === true && (
            <Text size="sm" c="red" mt={4}>
              This location is structural: InvenTree will refuse to receive into it. Choose a location inside it.
            </Text>
          )}
        </Card>

        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Stack gap="md">
              <ScanInput onScan={onScan} onRepeat={onRepeat} />
              <Outcome state={state} names={names} />
              {state.queue.length > 0 && (
                <Text size="sm" c="dimmed">
                  {state.queue.length} more {state.queue.length === 1 ? 'label' : 'labels'} waiting…
                </Text>
              )}
              {state.awaiting.map((r) => (
                <ReceiptForm key={r.id} receipt={r} state={state} names={names} locationOptions={locationOptions} dispatch={dispatch} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <LinesTable order={shownOrder} names={names} loading={linesQ.isLoading} highlight={highlightLine(state)} />
          </Grid.Col>
        </Grid>

        <OfflineQueueStatus />
        <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} onRetry={offline.queue?.retry} onDiscard={offline.queue?.discard} />
      </Stack>
    </>
  );
}

function highlightLine(state: PoReceiveState): number | null {
  const o = state.outcome;
  return o && (o.kind === 'received' || o.kind === 'actionRequired') ? o.line : null;
}

function Outcome({ state, names }: { state: PoReceiveState; names: Names }) {
  const o = state.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed" data-testid="receive-outcome">
        Scan a supplier label to receive it{state.location ? '' : ', or a location label to choose where stock goes'}.
      </Text>
    );
  }
  const text = outcomeSentence(o, names);
  switch (o.kind) {
    case 'queued':
      return <QueuedOutcome id={o.queueId} barcode={o.barcode} reason={o.reason} />;
    case 'received':
      return (
        <Alert color="teal" variant="light" icon={<IconCheck />} title={o.byHand ? 'Received (completed by hand)' : 'Received'} data-testid="receive-outcome">
          {text}
        </Alert>
      );
    case 'locationSet':
      return (
        <Alert color="blue" variant="light" icon={<IconMapPin />} title="Location set" data-testid="receive-outcome">
          {text}
        </Alert>
      );
    case 'actionRequired':
      return (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="More information needed" data-testid="receive-outcome">
          {text}
        </Alert>
      );
    case 'error':
      return (
        <Alert
          color={o.reason === 'alreadyReceived' ? 'blue' : 'red'}
          variant="light"
          icon={<IconX />}
          title={o.reason === 'alreadyReceived' ? 'Already received' : 'Not received'}
          role="alert"
          data-testid="receive-outcome"
        >
          {text}
        </Alert>
      );
  }
}

function ReceiptForm({
  receipt,
  state,
  names,
  locationOptions,
  dispatch,
}: {
  receipt: PendingReceipt;
  state: PoReceiveState;
  names: Names;
  locationOptions: { value: string; label: string; disabled: boolean }[];
  dispatch: (e: PoReceiveEvent) => void;
}) {
  const line = names.lines.find((l) => l.pk === receipt.line);
  const needsQty = receipt.missing.includes('quantity');
  const needsLoc = receipt.missing.includes('location');
  const [qty, setQty] = useState<number | ''>(receipt.quantity ?? remaining(line) ?? '');
  const [loc, setLoc] = useState<string | null>(receipt.location ? String(receipt.location) : state.location ? String(state.location) : null);
  useEffect(() => {
    if (qty === '' && remaining(line) !== null) setQty(remaining(line) as number);
  }, [line, qty]);
  const ready = (!needsQty || (typeof qty === 'number' && qty > 0)) && (!needsLoc || loc !== null);
  return (
    <Card withBorder radius="md" padding="sm" data-testid="receipt-form">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {line ? `${line.sku}${line.partName ? ` · ${line.partName}` : ''}` : `Line #${receipt.line}`} on {names.orderRef(receipt.order)}
        </Text>
        <Text size="xs" c="dimmed">
          {receipt.quantity !== null ? `${fmt(receipt.quantity)} on the label. ` : ''}Give {missingWords(receipt.missing)}{needsLoc ? ' (or scan a location label)' : ''}.
        </Text>
        <Group gap="xs" align="flex-end" wrap="wrap">
          {needsQty && (
            <NumberInput
              label="Quantity"
              min={0}
              value={qty}
              onChange={(v) => setQty(typeof v === 'number' ? v : '')}
              w={120}
              data-testid="receipt-quantity"
            />
          )}
          {needsLoc && (
            <Select
              label="Location"
              searchable
              data={locationOptions}
              value={loc}
              onChange={setLoc}
              style={{ flex: '1 1 12rem' }}
              data-testid="receipt-location"
            />
          )}
          <Button
            leftSection={<IconPackageImport size={16} />}
            disabled={!ready || state.busy}
            onClick={() => dispatch({ type: 'completeReceipt', id: receipt.id, quantity: typeof qty === 'number' ? qty : null, location: loc ? Number(loc) : null })}
            data-testid="receipt-submit"
          >
            Receive
          </Button>
          <Button variant="subtle" color="gray" onClick={() => dispatch({ type: 'dismissReceipt', id: receipt.id })}>
            Skip
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function LinesTable({ order, names, loading, highlight }: { order: number | null; names: Names; loading: boolean; highlight: number | null }) {
  if (!order) {
    return (
      <Card withBorder radius="md" padding="md" data-testid="receive-lines">
        <Text size="sm" c="dimmed">
          The order’s lines appear here once an order is chosen or a label finds one.
        </Text>
      </Card>
    );
  }
  const lines: LineRow[] = names.lines;
  const done = lines.filter((l) => l.done).length;
  return (
    <Card withBorder radius="md" padding="md" data-testid="receive-lines">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{names.orderRef(order)} lines</Text>
        <Badge variant="light" color={lines.length > 0 && done === lines.length ? 'teal' : 'blue'}>
          {done} of {lines.length} received
        </Badge>
      </Group>
      {loading ? (
        <Loader size="sm" />
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU · part</Table.Th>
                <Table.Th ta="right">Ordered</Table.Th>
                <Table.Th ta="right">Received</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.pk} data-testid={`receive-line-${l.pk}`} bg={highlight === l.pk ? 'var(--mantine-color-teal-light)' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {l.sku}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {l.partName} · line #{l.pk}
                    </Text>
                    <Progress value={l.ordered > 0 ? Math.min(100, (l.received / l.ordered) * 100) : 0} size="xs" color={l.done ? 'teal' : 'blue'} mt={4} />
                  </Table.Td>
                  <Table.Td ta="right">{fmt(l.ordered)}</Table.Td>
                  <Table.Td ta="right" data-testid={`receive-line-${l.pk}-received`}>
                    {fmt(l.received)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
