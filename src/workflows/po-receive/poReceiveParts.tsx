/** The receive page's pieces: the order/location banner, the outcome, a waiting receipt's form, the lines. */
import { Alert, Badge, Card, Grid, Group, NativeSelect, Select, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMapPin, IconShoppingCart, IconX } from '@tabler/icons-react';
import type { PurchaseOrder, StockLocation } from '../../api/lists.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { LinesTable } from '../kit/LinesTable.tsx';
import { formatQuantity as fmt } from '../kit/text.ts';
import { receiveOrderProblem, type PoReceiveEvent, type PoReceiveState } from './poReceiveMachine.ts';
import { outcomeSentence, type Names } from './poReceiveView.ts';

export interface LocationOption {
  value: string;
  label: string;
  disabled: boolean;
}

export function ReceiveBanner({
  state,
  names,
  orders,
  ordersLoading,
  locations,
  locationOptions,
  dispatch,
  onConfirm,
}: {
  state: PoReceiveState;
  names: Names;
  orders: PurchaseOrder[];
  ordersLoading: boolean;
  locations: StockLocation[];
  locationOptions: LocationOption[];
  dispatch: (e: PoReceiveEvent) => void;
  /** The "confirm the quantity before booking" device setting changed. */
  onConfirm: (confirm: boolean) => void;
}) {
  const orderOptions = [
    { value: '', label: ordersLoading ? 'Loading orders…' : 'Found from each label' },
    ...orders.map((o) => ({
      value: String(o.pk),
      label: `${o.reference} · ${o.supplier_name ?? ''}${o.supplier_reference ? ` (${o.supplier_reference})` : ''}`,
    })),
  ];
  if (state.order && !orders.some((o) => o.pk === state.order))
    orderOptions.push({ value: String(state.order), label: `Order #${state.order}` });
  const currentLocation = state.location ? locations.find((l) => l.pk === state.location) : undefined;
  const problem = receiveOrderProblem(state.order, state.orderStatus);
  return (
    <>
      {problem && (
        <Alert
          color="orange"
          variant="filled"
          icon={<IconAlertTriangle />}
          title="This order cannot be received"
          role="alert"
          data-testid="receive-order-warning"
        >
          {problem}
        </Alert>
      )}
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
              onChange={(e) =>
                dispatch({ type: 'setOrder', order: e.currentTarget.value ? Number(e.currentTarget.value) : null })
              }
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
                  ? [
                      ...locationOptions,
                      { value: String(state.location), label: `Location #${state.location}`, disabled: false },
                    ]
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
        <Switch
          mt="xs"
          size="md"
          checked={state.confirm}
          onChange={(e) => onConfirm(e.currentTarget.checked)}
          label="Confirm the quantity before booking"
          description="Each label’s quantity is asked (and can be corrected) before the receipt is sent. Kept on this device."
          data-testid="receive-confirm"
        />
      </Card>
    </>
  );
}

export function Outcome({ state, names }: { state: PoReceiveState; names: Names }) {
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
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck />}
          title={o.byHand ? 'Received (completed by hand)' : 'Received'}
          data-testid="receive-outcome"
        >
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
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          title={o.confirm ? 'Confirm the quantity' : 'More information needed'}
          data-testid="receive-outcome"
        >
          {text}
        </Alert>
      );
    case 'error':
      return (
        <Alert
          color={o.reason === 'alreadyReceived' ? 'blue' : o.reason === 'stockItemLabel' ? 'orange' : 'red'}
          variant="light"
          icon={<IconX />}
          title={
            o.reason === 'alreadyReceived'
              ? 'Already received'
              : o.reason === 'stockItemLabel'
                ? 'InvenTree label, not a supplier label'
                : 'Not received'
          }
          role="alert"
          data-testid="receive-outcome"
        >
          {text}
        </Alert>
      );
  }
}

/** The order's lines, ordered vs received; the line the latest scan touched is highlighted. */
export function ReceiveLines({
  order,
  names,
  loading,
  highlight,
  asking,
}: {
  order: number | null;
  names: Names;
  loading: boolean;
  highlight: number | null;
  /** The line a question is about (amber until answered). */
  asking: number | null;
}) {
  const lines = names.lines;
  const done = lines.filter((l) => l.done).length;
  return (
    <LinesTable
      testId="receive-lines"
      rowTestId="receive-line"
      placeholder={order ? undefined : 'The order’s lines appear here once an order is chosen or a label finds one.'}
      title={`${order ? names.orderRef(order) : ''} lines`}
      aside={
        <Badge variant="light" color={lines.length > 0 && done === lines.length ? 'teal' : 'blue'}>
          {done} of {lines.length} received
        </Badge>
      }
      columns={['Ordered', 'Received']}
      cellTestIds={[null, 'received']}
      rows={lines.map((l) => ({
        pk: l.pk,
        title: l.sku,
        detail: `${l.partName} · line #${l.pk}`,
        progress: {
          value: l.ordered > 0 ? Math.min(100, (l.received / l.ordered) * 100) : 0,
          color: l.done ? 'teal' : 'blue',
        },
        cells: [fmt(l.ordered), fmt(l.received)],
      }))}
      loading={loading}
      highlight={highlight}
      asking={asking}
    />
  );
}
