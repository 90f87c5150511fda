/**
 * /purchasing/receive?order=3&location=7 — receive supplier labels against a placed purchase order.
 * A banner shows the current order (or "found from each label") and the destination location; a
 * location label scanned at any time changes it. Every answer is said in words, receipts that need
 * a quantity or location wait as small forms, and the order's lines (ordered vs received) refresh
 * after each scan. The page is the kit's frame filled with this workflow's parts.
 */
import { Stack } from '@mantine/core';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BARCODE_PATHS } from '../../api/barcode.ts';
import { settle } from '../../api/httpAnswer.ts';
import { LIST_PATHS, PO_STATUS } from '../../api/lists.ts';
import {
  useLocations,
  useObject,
  usePluginSettings,
  usePoLines,
  usePoReceiveMutation,
  usePurchaseOrders,
  useReceivePurchaseOrder,
  useScanMutation,
} from '../../api/queries.ts';
import { poReceiveContext } from '../../api/supplierLabel.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { useDeviceSettings } from '../../scanner/deviceSettingsStore.ts';
import { poLines } from '../kit/orderLines.ts';
import { answered, useWorkflow } from '../kit/useWorkflow.ts';
import { correctReceipt, receiptUndoOffer } from './poReceiveUndo.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  poReceiveQuery,
  poReceiveStateFromUrl,
  poReceiveStep,
  type PoReceiveEffect,
  type PoReceiveEvent,
  type PoReceiveState,
} from './poReceiveMachine.ts';
import { Outcome, ReceiveBanner, ReceiveLines } from './poReceiveParts.tsx';
import { ReceiptForm, ReceiptQuestion } from './poReceiveQuestion.tsx';
import { receiveSettingsStore } from './poReceiveSettings.ts';
import { logLine, receiveContext, type Names } from './poReceiveView.ts';
import { pageName } from '../../api/workflowNames.ts';

export default function PoReceivePage() {
  // Loads this workflow's catalogue before the first render (the machine's texts read it too).
  const { t } = useTranslation('wf-po-receive');
  const title = pageName('receive');
  const receiveM = usePoReceiveMutation();
  const scanM = useScanMutation();
  const receiveLineM = useReceivePurchaseOrder();
  // The names the page has loaded, for the words of answers that arrive later.
  const namesRef = useRef<Names | null>(null);
  // What the server may be told beyond the machine's request (API 293+: the chosen order's supplier).
  const { apiVersion, connection } = useConnection();
  const extraRef = useRef<(order: number | undefined) => { supplier?: number }>(() => ({}));

  const wf = useWorkflow<PoReceiveState, PoReceiveEvent, PoReceiveEffect>({
    step: poReceiveStep,
    fromUrl: poReceiveStateFromUrl,
    toUrl: poReceiveQuery,
    scanLine: (s) => (s.inFlight ? t('page.waitingForPrevious') : t('page.receiving')),
    // Server mode: a label the server cannot take now is kept in the offline queue (its log line follows it).
    offline: { route: '/purchasing/receive', kinds: ['po-receive'] },
    perform: async (effect, io) => {
      switch (effect.kind) {
        case 'identify':
          return { type: 'answer', to: 'identify', answer: await settle(scanM.mutateAsync(effect.barcode)) };
        case 'receive': {
          const request = { ...effect.request, ...extraRef.current(effect.request.purchase_order) };
          const write = {
            kind: 'po-receive' as const,
            path: BARCODE_PATHS.poReceive,
            body: request,
            barcode: request.barcode,
            context: namesRef.current ? receiveContext(request, namesRef.current) : '',
          };
          // A receive is always the oldest unanswered scan's.
          return answered(
            'receive',
            await io.submit(write, io.pending.peek()?.logId ?? null, () => receiveM.mutateAsync(request)),
          );
        }
        case 'receiveLine':
          return {
            type: 'answer',
            to: 'receiveLine',
            answer: await settle(receiveLineM.mutateAsync({ orderId: effect.order, ...effect.request })),
          };
      }
    },
    onStep: (before, event, next, io) => {
      const fromScan = before.inFlight !== null && before.inFlight.kind !== 'receiveLine';
      if (event.type === 'queued' && before.inFlight) {
        // The queue owns this scan's log line now.
        if (fromScan) io.pending.take();
        io.report(null, { tone: 'queued', result: '' });
        return;
      }
      const names = namesRef.current;
      // A label refused before sending (the order cannot take receipts) ends its scan at once.
      const refused = next.state.outcome;
      if (event.type === 'scan' && !before.inFlight && !next.effect && refused !== before.outcome && refused && names) {
        io.report(io.pending.take()?.logId, logLine(refused, names));
        return;
      }
      if (event.type !== 'answer' || !before.inFlight || !names) return;
      const o = next.state.outcome;
      // An answer that only leads to "what is this barcode?" is not the scan's last word yet.
      const continues = next.effect?.kind === 'identify' && before.inFlight.kind === 'receive';
      if (!o || continues) return;
      const logId = fromScan ? io.pending.take()?.logId : null;
      io.report(logId, logLine(o, names));
      if (o.kind === 'received') io.offer(logId, receiptUndoOffer(o));
    },
    undo: { perform: ({ ref, input }) => correctReceipt(connection, ref, input ?? 0) },
  });
  const { state, dispatch } = wf;
  const [settings, saveSettings] = useDeviceSettings(receiveSettingsStore);
  useEffect(() => {
    if (settings.confirmQuantity !== state.confirm) dispatch({ type: 'setConfirm', confirm: settings.confirmQuantity });
  }, [settings.confirmQuantity, state.confirm, dispatch]);

  const orders = usePurchaseOrders({ filters: { status: PO_STATUS.placed }, limit: 200 });
  const locations = useLocations({ limit: 1000 });
  const shownOrder = state.order ?? state.lastOrder;
  const linesQ = usePoLines({ filters: { order: shownOrder ?? undefined }, limit: 500 }, shownOrder !== null);
  const pluginSettings = usePluginSettings();
  // A chosen order that is not among the placed ones is loaded on its own, to say why it cannot take receipts.
  const chosenPlaced = state.order !== null && (orders.data?.results ?? []).some((r) => r.pk === state.order);
  const orderDetail = useObject(
    state.order && !chosenPlaced && orders.isSuccess ? `${LIST_PATHS.purchaseOrders}${state.order}/` : null,
  );
  const detailStatus = orderDetail.data?.data?.status;
  const orderStatus = chosenPlaced ? PO_STATUS.placed : typeof detailStatus === 'number' ? detailStatus : null;
  useEffect(() => {
    if (state.order !== null && orderStatus !== state.orderStatus)
      dispatch({ type: 'setOrderStatus', order: state.order, status: orderStatus });
  }, [state.order, orderStatus, state.orderStatus, dispatch]);

  const lines = useMemo(() => poLines(shownOrder ? (linesQ.data?.results ?? []) : []), [linesQ.data, shownOrder]);
  const orderRows = useMemo(() => orders.data?.results ?? [], [orders.data]);
  const locationRows = useMemo(() => locations.data?.results ?? [], [locations.data]);
  const names = useMemo<Names>(
    () => ({
      lines,
      orderRef: (pk) => orderRows.find((r) => r.pk === pk)?.reference ?? t('names.order', { pk }),
      locationName: (pk) => {
        const l = locationRows.find((r) => r.pk === pk);
        return l ? l.pathstring || l.name : t('names.location', { pk });
      },
    }),
    [lines, orderRows, locationRows, t],
  );
  namesRef.current = names;
  // The confirm step finds a label's line among the shown order's lines.
  useEffect(() => {
    if (shownOrder === null) return;
    dispatch({
      type: 'setLines',
      lines: lines.map((l) => ({
        pk: l.pk,
        order: shownOrder,
        supplierPart: l.part,
        ordered: l.ordered,
        received: l.received,
      })),
    });
  }, [lines, shownOrder, dispatch]);
  extraRef.current = (order) => {
    const supplier = order === undefined ? null : orderRows.find((r) => r.pk === order)?.supplier;
    return poReceiveContext(apiVersion, { supplier: typeof supplier === 'number' ? supplier : null });
  };

  // The short barcode prefix decides whether "INV-SL7" is a location label.
  useEffect(() => {
    const prefix = (pluginSettings.data ?? []).find((s) => s.key === 'SHORT_BARCODE_PREFIX')?.value;
    if (typeof prefix === 'string') dispatch({ type: 'setShortPrefix', prefix });
  }, [pluginSettings.data, dispatch]);

  const locationOptions = locationRows.map((l) => ({
    value: String(l.pk),
    label: l.pathstring || l.name,
    disabled: l.structural === true,
  }));
  const o = state.outcome;
  const highlight = o?.kind === 'received' ? o.line : null;
  const [asked, ...older] = state.awaiting;

  return (
    <WorkflowFrame
      workflow={wf}
      testId="po-receive-page"
      title={title}
      intro={t('page.intro')}
      context={
        <ReceiveBanner
          state={state}
          names={names}
          orders={orderRows}
          ordersLoading={orders.isLoading}
          locations={locationRows}
          locationOptions={locationOptions}
          dispatch={dispatch}
          confirm={settings.confirmQuantity}
          onConfirm={(confirmQuantity) => saveSettings({ confirmQuantity })}
        />
      }
      question={
        asked && (
          <ReceiptQuestion
            key={asked.id}
            receipt={asked}
            state={state}
            names={names}
            locationOptions={locationOptions}
            dispatch={dispatch}
          />
        )
      }
      waiting={{ noun: 'label', testId: 'receive-queue' }}
      result={
        <Stack gap="md">
          <Outcome state={state} names={names} />
          {older.map((r) => (
            <ReceiptForm
              key={r.id}
              receipt={r}
              state={state}
              names={names}
              locationOptions={locationOptions}
              dispatch={dispatch}
            />
          ))}
        </Stack>
      }
      panel={
        <ReceiveLines
          order={shownOrder}
          names={names}
          loading={linesQ.isLoading}
          highlight={highlight}
          asking={asked?.line ?? null}
        />
      }
    />
  );
}
