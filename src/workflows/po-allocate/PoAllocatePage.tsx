/**
 * /purchasing/add?order=3 — add scanned parts to a pending purchase order. Each part, supplier part
 * or manufacturer part barcode is matched to the order supplier's supplier part and offered as a
 * line with a quantity; "Add" creates it. v291's bare "Invalid input." is explained by asking what
 * the barcode is. The page is the kit's frame filled with this workflow's parts.
 */
import { Alert, Card, NativeSelect, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { settle } from '../../api/httpAnswer.ts';
import { getDetail, LIST_PATHS, listSupplierParts, PO_STATUS, type PurchaseOrder } from '../../api/lists.ts';
import {
  useCreatePoLine,
  useObject,
  usePoAllocateMutation,
  usePoLines,
  usePurchaseOrders,
  useScanMutation,
} from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { i18n } from '../../i18n/i18n.ts';
import { poLines } from '../kit/orderLines.ts';
import { useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  poAllocateOrderProblem,
  poAllocateQuery,
  poAllocateStateFromUrl,
  poAllocateStep,
  type PoAllocateEffect,
  type PoAllocateEvent,
  type PoAllocateState,
  type SupplierPartDetail,
} from './poAllocateMachine.ts';
import { AllocateLines, OfferCard, Outcome } from './poAllocateParts.tsx';
import { logLine } from './poAllocateView.ts';
import { pageName } from '../../api/workflowNames.ts';

export default function PoAllocatePage() {
  const { t } = useTranslation('wf-po-allocate');
  const { connection } = useConnection();
  const allocateM = usePoAllocateMutation();
  const scanM = useScanMutation();
  const lineM = useCreatePoLine();
  /** Supplier part pk → SKU, filled as offers load, for the log's words. */
  const skus = useRef(new Map<number, string>());
  const orderRefRef = useRef<string | null>(null);

  const wf = useWorkflow<PoAllocateState, PoAllocateEvent, PoAllocateEffect>({
    step: poAllocateStep,
    fromUrl: poAllocateStateFromUrl,
    toUrl: poAllocateQuery,
    scanLine: () => i18n.t('wf-po-allocate:log.matching'),
    perform: async (effect) => {
      switch (effect.kind) {
        case 'allocate':
          return { type: 'answer', to: 'allocate', answer: await settle(allocateM.mutateAsync(effect.request)) };
        case 'identify':
          return { type: 'answer', to: 'identify', answer: await settle(scanM.mutateAsync(effect.barcode)) };
        case 'supplierPart':
          return {
            type: 'answer',
            to: 'supplierPart',
            answer: await settle(
              getDetail<SupplierPartDetail>(connection, `${LIST_PATHS.supplierParts}${effect.pk}/`, {
                supplier_detail: true,
              }),
            ),
          };
        case 'countSupplierParts': {
          const filters =
            effect.model === 'part'
              ? { part: effect.pk, supplier: effect.supplier }
              : { manufacturer_part: effect.pk, supplier: effect.supplier };
          return {
            type: 'answer',
            to: 'countSupplierParts',
            answer: await settle(listSupplierParts(connection, { limit: 1, filters })),
          };
        }
        case 'createLine':
          return { type: 'answer', to: 'createLine', answer: await settle(lineM.mutateAsync(effect.request)) };
      }
    },
    onStep: (before, event, step, io) => {
      const o = step.state.outcome;
      const lookup = (sp: number) => skus.current.get(sp) ?? null;
      // An answer that only leads to the next lookup is not the scan's last word yet.
      const lookingFurther =
        step.effect !== null && ['identify', 'supplierPart', 'countSupplierParts'].includes(step.effect.kind);
      if (event.type === 'answer' && before.inFlight && o && !lookingFurther) {
        const line = logLine(o, lookup, orderRefRef.current ?? i18n.t('wf-po-allocate:order.theOrder'));
        io.report(before.inFlight.kind !== 'createLine' ? io.pending.take()?.logId : null, line);
      }
      if (
        event.type === 'scan' &&
        !step.effect &&
        o !== before.outcome &&
        o?.kind === 'error' &&
        (o.reason === 'noOrder' || o.reason === 'orderNotPending')
      ) {
        io.report(io.pending.take()?.logId, { tone: 'error', result: o.message });
      }
    },
  });
  const { state, stateRef, dispatch } = wf;

  const orders = usePurchaseOrders({ filters: { status: PO_STATUS.pending }, limit: 200 });
  const orderRows = useMemo(() => orders.data?.results ?? [], [orders.data]);
  const linesQ = usePoLines({ filters: { order: state.order ?? undefined }, limit: 500 }, state.order !== null);
  const lines = useMemo(() => poLines(state.order ? (linesQ.data?.results ?? []) : []), [linesQ.data, state.order]);
  for (const l of lines) skus.current.set(l.part, l.sku);
  const order = state.order ? orderRows.find((o) => o.pk === state.order) : undefined;
  // An order from the URL that is not pending is loaded on its own, to name it and its supplier.
  const orderDetail = useObject(
    state.order && !order && !orders.isLoading ? `${LIST_PATHS.purchaseOrders}${state.order}/` : null,
  );
  const orderData = order ?? (orderDetail.data?.data as PurchaseOrder | undefined);
  const orderRef = orderData
    ? orderData.reference
    : state.order
      ? t('order.numberInside', { pk: state.order })
      : t('order.theOrder');
  orderRefRef.current = orderRef;

  // Only a pending order takes lines by barcode: the machine refuses scans for any other.
  const status = typeof orderData?.status === 'number' ? orderData.status : null;
  useEffect(() => {
    if (state.order !== null && status !== stateRef.current.orderStatus)
      dispatch({ type: 'setOrderStatus', order: state.order, status });
  }, [state.order, status, dispatch, stateRef, state.orderStatus]);
  const problem = poAllocateOrderProblem(state);

  // The order's supplier words the failures ("this order is from DigiKey").
  useEffect(() => {
    const supplier = typeof orderData?.supplier === 'number' ? orderData.supplier : null;
    const name = typeof orderData?.supplier_name === 'string' ? orderData.supplier_name : null;
    if (supplier !== stateRef.current.supplier || (name && name !== stateRef.current.supplierName))
      dispatch({ type: 'setSupplier', supplier, name });
  }, [orderData, dispatch, stateRef]);

  const orderOptions = [
    { value: '', label: orders.isLoading ? t('order.loading') : t('order.choose') },
    ...orderRows.map((o) => ({
      value: String(o.pk),
      label: `${o.reference} · ${o.supplier_name ?? ''}${o.description ? ` · ${o.description}` : ''}`,
    })),
  ];
  if (state.order && !order)
    orderOptions.push({
      value: String(state.order),
      label: orderData
        ? t('order.notPending', { reference: orderData.reference })
        : t('order.number', { pk: state.order }),
    });

  const sku = (sp: number) => skus.current.get(sp) ?? null;

  const title = pageName('addToPurchaseOrder');
  return (
    <WorkflowFrame
      workflow={wf}
      testId="po-allocate-page"
      title={title}
      intro={t('intro')}
      context={
        <>
          {problem && (
            <Alert
              color="orange"
              variant="filled"
              icon={<IconAlertTriangle />}
              title={t('warning.title')}
              role="alert"
              data-testid="allocate-order-warning"
            >
              {problem}
            </Alert>
          )}
          <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-blue-light)" data-testid="allocate-banner">
            <NativeSelect
              label={t('order.label')}
              value={state.order ? String(state.order) : ''}
              onChange={(e) =>
                dispatch({ type: 'setOrder', order: e.currentTarget.value ? Number(e.currentTarget.value) : null })
              }
              data={orderOptions}
              data-testid="allocate-order"
            />
            {state.order && (
              <Text size="sm" mt={6} data-testid="allocate-banner-summary">
                {state.supplierName
                  ? t('banner.addingFrom', { order: orderRef, supplier: state.supplierName })
                  : t('banner.adding', { order: orderRef })}
                {problem ? t('banner.notPending') : ''}
              </Text>
            )}
          </Card>
        </>
      }
      result={
        <Stack gap="md">
          <Outcome state={state} sku={sku} orderRef={orderRef} />
          {state.offers.map((offer) => (
            <OfferCard
              key={offer.id}
              offer={offer}
              lines={lines}
              busy={state.inFlight !== null}
              orderRef={orderRef}
              dispatch={dispatch}
              onSku={(sp, s) => skus.current.set(sp, s)}
            />
          ))}
        </Stack>
      }
      panel={
        <AllocateLines
          order={state.order}
          orderRef={orderRef}
          lines={lines}
          loading={linesQ.isLoading}
          highlight={state.outcome?.kind === 'lineAdded' ? state.outcome.line : null}
        />
      }
    />
  );
}
