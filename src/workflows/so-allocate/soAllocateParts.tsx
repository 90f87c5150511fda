/** The allocation page's pieces: the order/line/shipment/quantity fields, the outcome, the lines. */
import { Alert, Badge, Card, Grid, Group, NativeSelect, NumberInput, Text } from '@mantine/core';
import { IconCheck, IconHelpHexagon, IconPackageExport } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SalesOrder } from '../../api/lists.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { LinesTable } from '../kit/LinesTable.tsx';
import { useFormat } from '../../i18n/useLanguage.ts';
import type { SoAllocateEvent, SoAllocateState } from './soAllocateMachine.ts';
import { allocationSentence, type LineRow, type ShipmentRow } from './soOrderView.ts';
import { FailureAlert } from '../kit/FailureAlert.tsx';

/** The Shipment box's "automatic" choice, saying what v291 will really do (it picks only a single open shipment). */
function automaticShipment(t: TFunction<'wf-so-allocate'>, shipments: ShipmentRow[], loaded: boolean): string {
  if (!loaded) return t('context.automatic');
  const open = shipments.filter((s) => s.open);
  if (open.length === 0) return t('context.noneOpen');
  if (open.length === 1) return t('context.theOpenOne', { reference: open[0]!.reference });
  return t('context.askedAtScan');
}

/** `customer_detail=true` adds the customer (not in the OpenAPI file; v291 honours it). */
export type SalesOrderRow = SalesOrder & { customer_detail?: { name?: string } | null };

export function SoContext({
  state,
  orders,
  ordersLoading,
  lines,
  shipments,
  shipmentsLoaded,
  dispatch,
}: {
  state: SoAllocateState;
  orders: SalesOrderRow[];
  ordersLoading: boolean;
  lines: LineRow[];
  shipments: ShipmentRow[];
  shipmentsLoaded: boolean;
  dispatch: (e: SoAllocateEvent) => void;
}) {
  const { t } = useTranslation('wf-so-allocate');
  const orderOptions = [
    { value: '', label: ordersLoading ? t('context.loadingOrders') : t('context.chooseOrder') },
    ...orders.map((o) => {
      const customer = o.customer_detail?.name;
      return {
        value: String(o.pk),
        label: `${o.reference}${customer ? ` · ${customer}` : ''}${o.description ? ` · ${o.description}` : ''}`,
      };
    }),
  ];
  // An order from the URL that is not pending (or not in the first page) still shows as chosen.
  if (state.order && !orders.some((o) => o.pk === state.order))
    orderOptions.push({ value: String(state.order), label: t('context.orderNumber', { pk: state.order }) });
  return (
    <Card withBorder radius="md" padding="md" data-testid="so-context">
      <Grid gap="xs" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <NativeSelect
            label={t('context.order')}
            value={state.order ? String(state.order) : ''}
            onChange={(e) =>
              dispatch({ type: 'setOrder', order: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
            data={orderOptions}
            data-testid="so-order"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <NativeSelect
            label={t('context.line')}
            value={state.line ? String(state.line) : ''}
            disabled={!state.order}
            onChange={(e) =>
              dispatch({ type: 'setLine', line: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
            data={[
              { value: '', label: t('context.anyLine') },
              ...lines.map((l) => ({ value: String(l.pk), label: `#${l.pk} ${l.partName}` })),
              ...(state.line && !lines.some((l) => l.pk === state.line)
                ? [{ value: String(state.line), label: t('context.lineNumber', { pk: state.line }) }]
                : []),
            ]}
            data-testid="so-line"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 8, sm: 6, md: 3 }}>
          <NativeSelect
            label={t('context.shipment')}
            value={state.shipment ? String(state.shipment) : ''}
            disabled={!state.order}
            onChange={(e) =>
              dispatch({ type: 'setShipment', shipment: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
            data={[
              { value: '', label: automaticShipment(t, shipments, shipmentsLoaded) },
              ...shipments.map((s) => ({
                value: String(s.pk),
                label: s.open ? s.reference : t('context.shipped', { reference: s.reference }),
              })),
              ...(state.shipment && !shipments.some((s) => s.pk === state.shipment)
                ? [{ value: String(state.shipment), label: t('context.shipmentNumber', { pk: state.shipment }) }]
                : []),
            ]}
            data-testid="so-shipment"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 4, sm: 6, md: 2 }}>
          <NumberInput
            label={t('context.quantity')}
            placeholder={t('context.quantityAuto')}
            min={1}
            allowDecimal={false}
            value={state.quantity ?? ''}
            onChange={(v) => dispatch({ type: 'setQuantity', quantity: typeof v === 'number' ? v : null })}
            data-testid="so-quantity"
          />
        </Grid.Col>
      </Grid>
    </Card>
  );
}

export function OutcomePanel({
  state,
  lines,
  shipments,
}: {
  state: SoAllocateState;
  lines: LineRow[];
  shipments: ShipmentRow[];
}) {
  const { t } = useTranslation('wf-so-allocate');
  const o = state.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed">
        {state.order ? t('outcome.scanLabel') : t('outcome.chooseOrder')}
      </Text>
    );
  }
  switch (o.kind) {
    case 'allocated':
      return (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={t('outcome.allocated')}
          data-testid="so-outcome"
        >
          {allocationSentence(o.allocation, lines, shipments)}
        </Alert>
      );
    case 'shipmentCreated':
      return (
        <Alert
          color="teal"
          variant="light"
          icon={<IconPackageExport />}
          title={t('outcome.shipmentCreated')}
          data-testid="so-outcome"
        >
          {t('outcome.shipmentOpen', { reference: o.reference })}
        </Alert>
      );
    case 'needsShipment':
      // The question itself is on top of the page (ShipmentQuestion); here only what happened.
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconHelpHexagon />}
          title={t('outcome.waiting')}
          data-testid="so-outcome"
        >
          {t('outcome.waitingDetail')}
        </Alert>
      );
    case 'queued':
      return <QueuedOutcome id={o.queueId} barcode={o.barcode} reason={o.reason} />;
    case 'error':
      return (
        <FailureAlert title={t('outcome.notAllocated')} data-testid="so-outcome">
          {o.message}
        </FailureAlert>
      );
  }
}

/** The order's lines: required, allocated, shipped; the line the latest scan touched is highlighted. */
export function SoLines({
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
  const { t } = useTranslation('wf-so-allocate');
  const { formatQuantity: fmt } = useFormat();
  if (!order) return null;
  return (
    <LinesTable
      testId="so-lines"
      rowTestId="so-line"
      title={t('lines.title')}
      aside={
        <Group gap={6}>
          {shipments.map((s) => (
            <Badge key={s.pk} variant="light" color={s.open ? 'blue' : 'gray'}>
              {s.reference}
            </Badge>
          ))}
          {shipments.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('lines.noShipments')}
            </Text>
          )}
        </Group>
      }
      firstColumn={t('lines.linePart')}
      columns={[t('lines.required'), t('lines.allocated'), t('lines.shipped')]}
      cellTestIds={[null, 'allocated', null]}
      rows={lines.map((l) => ({
        pk: l.pk,
        title: `#${l.pk} ${l.partName}`,
        progress: {
          value: l.required > 0 ? Math.min(100, ((l.allocated + l.shipped) / l.required) * 100) : 0,
          color: l.full ? 'teal' : 'blue',
        },
        cells: [fmt(l.required), fmt(l.allocated), fmt(l.shipped)],
      }))}
      empty={failed ? undefined : t('lines.empty')}
      emptyAsRow
      loading={loading}
      highlight={highlight}
      minWidth={320}
    />
  );
}
