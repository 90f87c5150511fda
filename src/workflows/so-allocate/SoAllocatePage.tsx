/**
 * /sales/allocate?order=5&line=9&shipment=2 — allocate scanned stock items to a pending sales order.
 * The order's lines (required, allocated, shipped) refresh after every scan. When v291 allocates
 * nothing because the order has no single open shipment, the page asks which shipment (or creates
 * one) and sends the scan again. The page is the kit's frame filled with this workflow's parts.
 */
import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BARCODE_PATHS } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { hasBehaviour } from '../../api/apiVersion.ts';
import { LIST_PATHS, SO_STATUS } from '../../api/lists.ts';
import {
  useCreateShipment,
  useObject,
  useSalesOrders,
  useShipments,
  useSoAllocateMutation,
  useSoLines,
} from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { ScanEvent } from '../../scanner/scanEvent.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  isResend,
  soOrderProblem,
  soQuestion,
  soAllocateQuery,
  soAllocateStateFromUrl,
  soAllocateStep,
  type SoAllocateEffect,
  type SoAllocateEvent,
  type SoAllocateState,
} from './soAllocateMachine.ts';
import { OutcomePanel, SoContext, SoLines, type SalesOrderRow } from './soAllocateParts.tsx';
import { ShipmentQuestion } from './soAllocateQuestion.tsx';
import { allocationUndoOffer, allocationUndoWords, undoAllocation } from './soAllocateUndo.ts';
import {
  allocateContext,
  lineRows,
  shipmentRows,
  soOutcomeLine,
  type LineRow,
  type ShipmentRow,
} from './soOrderView.ts';
import { pageName } from '../../api/workflowNames.ts';

export function SoAllocatePage() {
  const { t } = useTranslation('wf-so-allocate');
  const { connection } = useConnection();
  const allocateM = useSoAllocateMutation();
  const shipmentM = useCreateShipment();
  /** The scan now being allocated, and the log entry waiting for its answer (null once resolved or queued). */
  const current = useRef<{ scan: ScanEvent; logId: number | null } | null>(null);
  const viewRef = useRef<{ lines: LineRow[]; shipments: ShipmentRow[]; orderRef: (pk: number) => string } | null>(null);

  const wf = useWorkflow<SoAllocateState, SoAllocateEvent, SoAllocateEffect>({
    step: soAllocateStep,
    fromUrl: soAllocateStateFromUrl,
    toUrl: soAllocateQuery,
    // Server mode: an allocation the server cannot take now is kept in the offline queue (its log line follows it).
    offline: { route: '/sales/allocate', kinds: ['so-allocate'] },
    perform: async (effect, io) => {
      if (effect.kind === 'createShipment') {
        return {
          type: 'answer',
          to: 'createShipment',
          answer: await settle(shipmentM.mutateAsync({ order: effect.order, reference: effect.reference })),
        };
      }
      const view = viewRef.current;
      const write = {
        kind: 'so-allocate' as const,
        path: BARCODE_PATHS.soAllocate,
        body: { ...effect.request },
        barcode: effect.request.barcode,
        context: view
          ? allocateContext(effect.request, view.orderRef(effect.request.sales_order), view.lines, view.shipments)
          : '',
      };
      return answered(
        'allocate',
        await io.submit(write, current.current?.logId ?? null, () => allocateM.mutateAsync(effect.request)),
      );
    },
    onStep: (before, event, step, io) => {
      const view = viewRef.current;
      if (event.type === 'queued' && before.inFlight?.kind === 'allocate') {
        // The queue owns this scan's log line now.
        if (current.current) current.current = { ...current.current, logId: null };
        io.report(null, { tone: 'queued', result: '' });
      }
      const o = step.state.outcome;
      if (event.type === 'answer' && before.inFlight && o && view) {
        const line = soOutcomeLine(o, view.lines, view.shipments);
        if (before.inFlight.kind === 'allocate' && current.current?.logId != null) {
          io.log.resolve(current.current.logId, line);
          // Taken back from its own log line: "Delete allocation".
          if (o.kind === 'allocated')
            io.offer(current.current.logId, allocationUndoOffer(o.allocation, view.lines, view.shipments));
          current.current = { ...current.current, logId: null };
        }
        // A created shipment that sends the waiting scan again is not the last word yet.
        if (before.inFlight.kind === 'allocate' || step.effect?.kind !== 'allocate') io.report(null, line);
      }
      if (
        event.type === 'scan' &&
        !step.effect &&
        step.state.queue.length === before.queue.length &&
        o?.kind === 'error' &&
        (o.reason === 'noOrder' || o.reason === 'orderNotPending')
      ) {
        const result = o.reason === 'noOrder' ? i18n.t('wf-so-allocate:log.noOrder') : o.message;
        io.report(io.pending.take()?.logId, { tone: 'error', result });
      }
      if (event.type === 'setOrder' && before.queue.length > 0 && step.state.queue.length === 0) {
        for (const dropped of io.pending.takeAll())
          io.log.resolve(dropped.logId, { tone: 'error', result: i18n.t('wf-so-allocate:log.orderChanged') });
      }
      if (step.effect?.kind === 'allocate') {
        if (!isResend(step)) current.current = io.pending.take() ?? null;
        else if (current.current) {
          // The waiting scan sent again (after a shipment was chosen or created) gets its own log line.
          current.current = {
            ...current.current,
            logId: io.log.add(
              { ...current.current.scan, at: Date.now() },
              { result: i18n.t('wf-so-allocate:log.sentAgain') },
            ),
          };
        }
      }
    },
    undo: { perform: ({ ref }) => undoAllocation(connection, ref), words: allocationUndoWords },
  });
  const { state, dispatch } = wf;

  const orders = useSalesOrders({ filters: { status: SO_STATUS.pending, customer_detail: true } as never, limit: 100 });
  const linesQ = useSoLines(
    { filters: { order: state.order ?? undefined, part_detail: true } as never, limit: 200 },
    state.order !== null,
  );
  const shipmentsQ = useShipments(
    { filters: { order: state.order ?? undefined } as never, limit: 100 },
    state.order !== null,
  );
  const lines = useMemo(() => lineRows(state.order ? (linesQ.data?.results ?? []) : []), [linesQ.data, state.order]);
  const shipments = useMemo(
    () => shipmentRows(state.order ? (shipmentsQ.data?.results ?? []) : []),
    [shipmentsQ.data, state.order],
  );
  const orderRows: SalesOrderRow[] = orders.data?.results ?? [];
  const orderRef = (pk: number) =>
    orderRows.find((r) => r.pk === pk)?.reference ?? i18n.t('wf-so-allocate:view.salesOrder', { pk });
  viewRef.current = { lines, shipments, orderRef };

  const highlight = state.outcome?.kind === 'allocated' ? state.outcome.allocation.line : null;

  // The chosen order's status (from the pending list, else loaded on its own) decides whether scans can go.
  const { apiVersion } = useConnection();
  const anyOpen = hasBehaviour(apiVersion, 'currentSupplierRules');
  const listed = state.order !== null && orderRows.some((r) => r.pk === state.order);
  const orderDetail = useObject(
    state.order && !listed && orders.isSuccess ? `${LIST_PATHS.salesOrders}${state.order}/` : null,
  );
  const detailStatus = orderDetail.data?.data?.status;
  const status = listed ? SO_STATUS.pending : typeof detailStatus === 'number' ? detailStatus : null;
  const known = state.orderStatus;
  useEffect(() => {
    if (state.order === null) return;
    if (status === (known?.status ?? null) && (known === null || known.anyOpen === anyOpen)) return;
    dispatch({ type: 'setOrderStatus', order: state.order, status, anyOpen });
  }, [state.order, status, anyOpen, known, dispatch]);
  const problem = soOrderProblem(state);
  const question = soQuestion(state, shipmentsQ.isSuccess ? shipments.filter((s) => s.open).length : null);

  const title = pageName('allocateToSalesOrder');
  return (
    <WorkflowFrame
      workflow={wf}
      testId="so-allocate-page"
      title={title}
      intro={t('intro')}
      question={
        question && <ShipmentQuestion question={question} state={state} shipments={shipments} dispatch={dispatch} />
      }
      context={
        <>
          {problem && (
            <Alert
              color="orange"
              variant="filled"
              icon={<IconAlertTriangle />}
              title={t('warning.title')}
              role="alert"
              data-testid="so-order-warning"
            >
              {problem}
            </Alert>
          )}
          <SoContext
            state={state}
            orders={orderRows}
            ordersLoading={orders.isLoading}
            lines={lines}
            shipments={shipments}
            shipmentsLoaded={shipmentsQ.isSuccess}
            dispatch={dispatch}
          />
          {orders.error && (
            <ErrorAlert error={orders.error} title={t('loadFailed.orders')} onRetry={() => void orders.refetch()} />
          )}
          {(linesQ.error || shipmentsQ.error) && (
            <ErrorAlert
              error={linesQ.error ?? shipmentsQ.error}
              title={t('loadFailed.lines')}
              onRetry={() => {
                void linesQ.refetch();
                void shipmentsQ.refetch();
              }}
            />
          )}
        </>
      }
      waiting={{
        noun: 'scan',
        testId: 'so-queue',
        reason: state.waiting ? t('waiting.forShipment') : null,
      }}
      result={<OutcomePanel state={state} lines={lines} shipments={shipments} />}
      panel={
        <SoLines
          order={state.order}
          lines={lines}
          loading={linesQ.isLoading}
          failed={Boolean(linesQ.error)}
          highlight={highlight}
          shipments={shipments}
        />
      }
    />
  );
}

export default SoAllocatePage;
