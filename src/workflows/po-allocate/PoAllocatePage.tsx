/**
 * /purchasing/add?order=3 — add scanned parts to a pending purchase order. Each part, supplier part
 * or manufacturer part barcode is matched to the order supplier's supplier part and offered as a
 * line with a quantity; "Add" creates it. v291's bare "Invalid input." is explained by asking what
 * the barcode is. Phone: stacked; tablet/desktop: scanner and offers left, order lines right.
 */
import { Alert, Button, Card, Grid, Group, Loader, NativeSelect, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconPlus, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { getDetail, listSupplierParts, PO_STATUS } from '../../api/lists.ts';
import { useCreatePoLine, useObject, usePoAllocateMutation, usePoLines, usePurchaseOrders, useScanMutation } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { FeedbackFlash } from '../../scanner/FeedbackFlash.tsx';
import { ScanInput } from '../../scanner/ScanInput.tsx';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { useFeedback } from '../../scanner/useFeedback.ts';
import { SessionLogView } from '../../ui/SessionLogView.tsx';
import { feedbackForTone, useRepeatScan } from '../../ui/scanFeedback.ts';
import { useMachine } from '../../ui/useMachine.ts';
import { useSessionLog } from '../../ui/useSessionLog.ts';
import {
  poAllocateQuery,
  poAllocateStateFromUrl,
  poAllocateStep,
  type HttpAnswer,
  type LineOffer,
  type PoAllocateEffect,
  type PoAllocateEvent,
  type PoAllocateState,
  type PoAllocateStep,
} from './poAllocateMachine.ts';
import { alreadyOnOrder, fmtQty, logLine, orderLines, outcomeSentence, type OrderLine } from './poAllocateView.ts';
import { rawAnswer, settleRaw as settle } from '../../api/httpAnswer.ts';

type Rec = Record<string, unknown>;

export default function PoAllocatePage() {
  const [params, setParams] = useSearchParams();
  const { connection } = useConnection();
  const feedback = useFeedback();
  const log = useSessionLog();
  const allocateM = usePoAllocateMutation();
  const scanM = useScanMutation();
  const lineM = useCreatePoLine();

  const pendingLog = useRef<number[]>([]);
  /** Supplier part pk → SKU, filled as offers load, for the log's words. */
  const skus = useRef(new Map<number, string>());
  const orderRefRef = useRef('the order');

  const run = (effect: PoAllocateEffect): Promise<HttpAnswer> => {
    switch (effect.kind) {
      case 'allocate':
        return settle(allocateM.mutateAsync(effect.request), rawAnswer);
      case 'identify':
        return settle(scanM.mutateAsync(effect.barcode), rawAnswer);
      case 'supplierPart':
        return settle(getDetail<unknown>(connection, `/api/company/part/${effect.pk}/`, { supplier_detail: true }), (b) => ({ status: 200, body: b }));
      case 'countSupplierParts':
        return settle(
          listSupplierParts(connection, {
            limit: 1,
            filters: effect.model === 'part' ? { part: effect.pk, supplier: effect.supplier } : { manufacturer_part: effect.pk, supplier: effect.supplier },
          }),
          (p) => ({ status: 200, body: p }),
        );
      case 'createLine':
        return settle(lineM.mutateAsync(effect.request), (b) => ({ status: 201, body: b }));
    }
  };

  const { state, stateRef, dispatch } = useMachine<PoAllocateState, PoAllocateEvent, PoAllocateEffect, PoAllocateStep>({
    initial: () => poAllocateStateFromUrl(params),
    step: poAllocateStep,
    run,
    answerEvent: (answer) => ({ type: 'answer', answer }),
    onStep: (before, event, step) => {
      const o = step.state.outcome;
      const lookup = (sp: number) => skus.current.get(sp) ?? null;
      // An answer that only leads to the next lookup is not the scan's last word yet.
      if (event.type === 'answer' && before.inFlight && o && !step.effect?.kind.match(/^(identify|supplierPart|countSupplierParts)$/)) {
        const line = logLine(o, lookup, orderRefRef.current);
        if (before.inFlight.kind !== 'createLine') {
          const id = pendingLog.current.shift();
          if (id !== undefined) log.resolve(id, line);
        }
        feedbackForTone(feedback, line.tone);
      }
      if (event.type === 'scan' && o?.kind === 'error' && o.reason === 'noOrder') {
        const id = pendingLog.current.shift();
        if (id !== undefined) log.resolve(id, { tone: 'error', result: o.message });
        feedback.error();
      }
    },
  });

  const orders = usePurchaseOrders({ filters: { status: PO_STATUS.pending }, limit: 200 });
  const orderRows = useMemo(() => (orders.data?.results ?? []) as unknown as Rec[], [orders.data]);
  const linesQ = usePoLines({ filters: { order: state.order ?? undefined }, limit: 500 }, state.order !== null);
  const lines = useMemo(() => orderLines(state.order ? ((linesQ.data?.results ?? []) as unknown[]) : []), [linesQ.data, state.order]);
  for (const l of lines) skus.current.set(l.part, l.sku);
  const order = state.order ? orderRows.find((o) => o.pk === state.order) : undefined;
  // An order from the URL that is not pending is loaded on its own, to name it and its supplier.
  const orderDetail = useObject(state.order && !order && !orders.isLoading ? `/api/order/po/${state.order}/` : null);
  const orderData: Rec | undefined = order ?? (orderDetail.data?.data as Rec | undefined);
  const orderRef = orderData ? String(orderData.reference) : state.order ? `order #${state.order}` : 'the order';
  orderRefRef.current = orderRef;

  // The order's supplier words the failures ("this order is from DigiKey").
  useEffect(() => {
    const supplier = typeof orderData?.supplier === 'number' ? orderData.supplier : null;
    const name = typeof orderData?.supplier_name === 'string' ? orderData.supplier_name : null;
    if (supplier !== stateRef.current.supplier || (name && name !== stateRef.current.supplierName)) dispatch({ type: 'setSupplier', supplier, name });
  }, [orderData, dispatch, stateRef]);

  const onScan = useCallback(
    (scan: ScanEvent) => {
      pendingLog.current.push(log.add(scan, { result: 'Matching…' }));
      dispatch({ type: 'scan', scan });
    },
    [dispatch, log],
  );
  const onRepeat = useRepeatScan(log, feedback);

  useEffect(() => {
    const want = poAllocateQuery(state);
    if (want !== params.toString()) setParams(new URLSearchParams(want), { replace: true });
  }, [state, params, setParams]);

  const orderOptions = [
    { value: '', label: orders.isLoading ? 'Loading orders…' : 'Choose a pending purchase order' },
    ...orderRows.map((o) => ({ value: String(o.pk), label: `${String(o.reference)} · ${String(o.supplier_name ?? '')}${o.description ? ` · ${String(o.description)}` : ''}` })),
  ];
  if (state.order && !order) orderOptions.push({ value: String(state.order), label: orderData ? `${String(orderData.reference)} (not pending)` : `Order #${state.order}` });

  const sku = (sp: number) => skus.current.get(sp) ?? null;

  return (
    <>
      <FeedbackFlash />
      <Stack gap="md" data-testid="po-allocate-page">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div>
            <Title order={1} size="h2">
              Add to a purchase order
            </Title>
            <Text size="sm" c="dimmed">
              Scan part, supplier part or manufacturer part barcodes; each becomes a line of the order.
            </Text>
          </div>
          {state.busy && <Loader size="sm" aria-label="Working" />}
        </Group>

        <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-blue-light)" data-testid="allocate-banner">
          <NativeSelect
            label="Pending purchase order"
            value={state.order ? String(state.order) : ''}
            onChange={(e) => dispatch({ type: 'setOrder', order: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
            data={orderOptions}
            data-testid="allocate-order"
          />
          {state.order && (
            <Text size="sm" mt={6} data-testid="allocate-banner-summary">
              Adding to {orderRef}
              {state.supplierName ? ` from ${state.supplierName}` : ''}
              {orderData && orderData.status !== PO_STATUS.pending ? ' — this order is not pending, so InvenTree will refuse.' : ''}
            </Text>
          )}
        </Card>

        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Stack gap="md">
              <ScanInput onScan={onScan} onRepeat={onRepeat} />
              <Outcome state={state} sku={sku} orderRef={orderRef} />
              {state.offers.map((offer) => (
                <OfferCard key={offer.id} offer={offer} lines={lines} busy={state.busy} orderRef={orderRef} dispatch={dispatch} onSku={(sp, s) => skus.current.set(sp, s)} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <LinesTable order={state.order} orderRef={orderRef} lines={lines} loading={linesQ.isLoading} highlight={state.outcome?.kind === 'lineAdded' ? state.outcome.line : null} />
          </Grid.Col>
        </Grid>

        <SessionLogView log={log.log} onRemove={log.remove} onClear={log.clear} />
      </Stack>
    </>
  );
}

function Outcome({ state, sku, orderRef }: { state: PoAllocateState; sku: (sp: number) => string | null; orderRef: string }) {
  const o = state.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed" data-testid="allocate-outcome">
        {state.order ? 'Scan a part’s barcode.' : 'Choose the pending purchase order first.'}
      </Text>
    );
  }
  const text = outcomeSentence(o, sku, orderRef);
  if (o.kind === 'lineAdded') {
    return (
      <Alert color="teal" variant="light" icon={<IconCheck />} title="Line added" data-testid="allocate-outcome">
        {text}
      </Alert>
    );
  }
  if (o.kind === 'offered') {
    return (
      <Alert color="blue" variant="light" icon={<IconInfoCircle />} title="Matched" data-testid="allocate-outcome">
        {text}
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconX />} title="Not added" role="alert" data-testid="allocate-outcome">
      {text}
    </Alert>
  );
}

function OfferCard({
  offer,
  lines,
  busy,
  orderRef,
  dispatch,
  onSku,
}: {
  offer: LineOffer;
  lines: OrderLine[];
  busy: boolean;
  orderRef: string;
  dispatch: (e: PoAllocateEvent) => void;
  onSku: (sp: number, sku: string) => void;
}) {
  const sp = useObject(`/api/company/part/${offer.supplierPart}/`);
  const summary = sp.data?.summary;
  useEffect(() => {
    if (summary?.title) onSku(offer.supplierPart, summary.title);
  }, [summary, offer.supplierPart, onSku]);
  const already = alreadyOnOrder(offer.supplierPart, lines);
  return (
    <Card withBorder radius="md" padding="sm" data-testid="line-offer">
      <Stack gap={6}>
        <Text fw={600} size="sm" data-testid="line-offer-title">
          {summary ? `${summary.title}${summary.part ? ` · ${summary.part.name}` : ''}` : `Supplier part #${offer.supplierPart}`}
        </Text>
        {summary?.facts.length ? (
          <Text size="xs" c="dimmed">
            {summary.facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}
          </Text>
        ) : null}
        {already && (
          <Text size="xs" c="orange">
            {already}
          </Text>
        )}
        <Group gap="xs" align="flex-end">
          <NumberInput
            label="Quantity"
            min={1}
            value={offer.quantity}
            onChange={(v) => typeof v === 'number' && dispatch({ type: 'setOfferQuantity', id: offer.id, quantity: v })}
            w={120}
            data-testid="line-offer-quantity"
          />
          <Button leftSection={<IconPlus size={16} />} disabled={busy} onClick={() => dispatch({ type: 'addLine', id: offer.id })} data-testid="line-offer-add">
            Add to {orderRef}
          </Button>
          <Button variant="subtle" color="gray" onClick={() => dispatch({ type: 'dismissOffer', id: offer.id })}>
            Skip
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function LinesTable({ order, orderRef, lines, loading, highlight }: { order: number | null; orderRef: string; lines: OrderLine[]; loading: boolean; highlight: number | null }) {
  if (!order) return null;
  return (
    <Card withBorder radius="md" padding="md" data-testid="allocate-lines">
      <Text fw={700} mb="xs">
        {orderRef} lines
      </Text>
      {loading ? (
        <Loader size="sm" />
      ) : lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          No lines yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU · part</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.pk} data-testid={`allocate-line-${l.pk}`} bg={highlight === l.pk ? 'var(--mantine-color-teal-light)' : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {l.sku}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {l.partName} · line #{l.pk}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{fmtQty(l.quantity)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
