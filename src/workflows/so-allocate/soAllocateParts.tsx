/** The allocation page's pieces: the order/line/shipment/quantity fields, the outcome, the lines. */
import { Alert, Badge, Card, Grid, Group, NativeSelect, NumberInput, Text } from '@mantine/core';
import { IconCheck, IconHelpHexagon, IconPackageExport, IconX } from '@tabler/icons-react';
import type { SalesOrder } from '../../api/lists.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { LinesTable } from '../kit/LinesTable.tsx';
import { formatQuantity as fmt } from '../kit/text.ts';
import type { SoAllocateEvent, SoAllocateState } from './soAllocateMachine.ts';
import { allocationSentence, type LineRow, type ShipmentRow } from './soOrderView.ts';

/** The Shipment box's "automatic" choice, saying what v291 will really do (it picks only a single open shipment). */
function automaticShipment(shipments: ShipmentRow[], loaded: boolean): string {
  if (!loaded) return 'Automatic';
  const open = shipments.filter((s) => s.open);
  if (open.length === 0) return 'None open yet (create one)';
  if (open.length === 1) return `The open one: ${open[0]!.reference} (automatic)`;
  return 'Asked at the scan (several open)';
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
  const orderOptions = [
    { value: '', label: ordersLoading ? 'Loading orders…' : 'Choose a pending sales order' },
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
    orderOptions.push({ value: String(state.order), label: `Order #${state.order}` });
  return (
    <Card withBorder radius="md" padding="md" data-testid="so-context">
      <Grid gap="xs" align="flex-end">
        <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
          <NativeSelect
            label="Sales order"
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
            label="Line"
            value={state.line ? String(state.line) : ''}
            disabled={!state.order}
            onChange={(e) =>
              dispatch({ type: 'setLine', line: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
            data={[
              { value: '', label: 'Any line (found from the item)' },
              ...lines.map((l) => ({ value: String(l.pk), label: `#${l.pk} ${l.partName}` })),
              ...(state.line && !lines.some((l) => l.pk === state.line)
                ? [{ value: String(state.line), label: `Line #${state.line}` }]
                : []),
            ]}
            data-testid="so-line"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 8, sm: 6, md: 3 }}>
          <NativeSelect
            label="Shipment"
            value={state.shipment ? String(state.shipment) : ''}
            disabled={!state.order}
            onChange={(e) =>
              dispatch({ type: 'setShipment', shipment: e.currentTarget.value ? Number(e.currentTarget.value) : null })
            }
            data={[
              { value: '', label: automaticShipment(shipments, shipmentsLoaded) },
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
        <Alert
          color="teal"
          variant="light"
          icon={<IconPackageExport />}
          title="Shipment created"
          data-testid="so-outcome"
        >
          Shipment {o.reference} is open; scans go into it.
        </Alert>
      );
    case 'needsShipment':
      // The question itself is on top of the page (ShipmentQuestion); here only what happened.
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconHelpHexagon />}
          title="Waiting for the shipment"
          data-testid="so-outcome"
        >
          Nothing was allocated yet: answer “Which shipment?” above and the item is sent again.
        </Alert>
      );
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
  if (!order) return null;
  return (
    <LinesTable
      testId="so-lines"
      rowTestId="so-line"
      title="Order lines"
      aside={
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
      }
      firstColumn="Line · part"
      columns={['Required', 'Allocated', 'Shipped']}
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
      empty={failed ? undefined : 'This order has no lines.'}
      emptyAsRow
      loading={loading}
      highlight={highlight}
      minWidth={320}
    />
  );
}
