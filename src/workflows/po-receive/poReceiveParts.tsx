/** The receive page's pieces: the order/location banner, the outcome, a waiting receipt's form, the lines. */
import { Alert, Badge, Card, Grid, Group, NativeSelect, Select, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMapPin, IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder, StockLocation } from '../../api/lists.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { LinesTable } from '../kit/LinesTable.tsx';
import { receiveOrderProblem, type PoReceiveEvent, type PoReceiveState } from './poReceiveMachine.ts';
import { outcomeSentence, type Names } from './poReceiveView.ts';
import { FailureAlert } from '../kit/FailureAlert.tsx';

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
  confirm,
  onConfirm,
}: {
  state: PoReceiveState;
  names: Names;
  orders: PurchaseOrder[];
  ordersLoading: boolean;
  locations: StockLocation[];
  locationOptions: LocationOption[];
  dispatch: (e: PoReceiveEvent) => void;
  /**
   * The "confirm the quantity before booking" device setting, shown as stored: the machine's copy
   * follows it one effect later, and a switch bound to that copy flicked back off on the click.
   */
  confirm: boolean;
  /** The device setting changed. */
  onConfirm: (confirm: boolean) => void;
}) {
  const { t } = useTranslation('wf-po-receive');
  const orderOptions = [
    { value: '', label: ordersLoading ? t('banner.loadingOrders') : t('banner.fromEachLabel') },
    ...orders.map((o) => ({
      value: String(o.pk),
      label: `${o.reference} · ${o.supplier_name ?? ''}${o.supplier_reference ? ` (${o.supplier_reference})` : ''}`,
    })),
  ];
  if (state.order && !orders.some((o) => o.pk === state.order))
    orderOptions.push({ value: String(state.order), label: t('banner.orderNumber', { pk: state.order }) });
  const currentLocation = state.location ? locations.find((l) => l.pk === state.location) : undefined;
  const problem = receiveOrderProblem(state.order, state.orderStatus);
  return (
    <>
      {problem && (
        <Alert
          color="orange"
          variant="filled"
          icon={<IconAlertTriangle />}
          title={t('banner.cannotReceive')}
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
                  <IconShoppingCart size={16} aria-hidden /> {t('banner.order')}
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
                  <IconMapPin size={16} aria-hidden /> {t('banner.location')}
                </Group>
              }
              placeholder={t('banner.locationPlaceholder')}
              searchable
              clearable
              value={state.location ? String(state.location) : null}
              onChange={(v) => dispatch({ type: 'setLocation', location: v ? Number(v) : null })}
              data={
                state.location && !locationOptions.some((o) => o.value === String(state.location))
                  ? [
                      ...locationOptions,
                      {
                        value: String(state.location),
                        label: t('banner.locationNumber', { pk: state.location }),
                        disabled: false,
                      },
                    ]
                  : locationOptions
              }
              data-testid="receive-location"
              comboboxProps={{ withinPortal: true }}
            />
          </Grid.Col>
        </Grid>
        <Text size="sm" mt={6} data-testid="receive-banner-summary">
          {state.order
            ? t('banner.summaryOrder', { order: names.orderRef(state.order) })
            : t('banner.summaryFromLabel')}{' '}
          ·{' '}
          {state.location
            ? t('banner.summaryInto', { location: names.locationName(state.location) })
            : t('banner.summaryNoLocation')}
        </Text>
        {currentLocation?.structural === true && (
          <Text size="sm" c="red" mt={4}>
            {t('banner.structural')}
          </Text>
        )}
        <Switch
          mt="xs"
          size="md"
          checked={confirm}
          onChange={(e) => onConfirm(e.currentTarget.checked)}
          label={t('banner.confirm')}
          description={t('banner.confirmHint')}
          data-testid="receive-confirm"
        />
      </Card>
    </>
  );
}

export function Outcome({ state, names }: { state: PoReceiveState; names: Names }) {
  const { t } = useTranslation('wf-po-receive');
  const o = state.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed" data-testid="receive-outcome">
        {state.location ? t('outcome.idle') : t('outcome.idleNoLocation')}
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
          title={o.byHand ? t('outcome.receivedByHand') : t('outcome.received')}
          data-testid="receive-outcome"
        >
          {text}
        </Alert>
      );
    case 'locationSet':
      return (
        <Alert
          color="blue"
          variant="light"
          icon={<IconMapPin />}
          title={t('outcome.locationSet')}
          data-testid="receive-outcome"
        >
          {text}
        </Alert>
      );
    case 'actionRequired':
      return (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          title={o.confirm ? t('outcome.confirm') : t('outcome.moreInfo')}
          data-testid="receive-outcome"
        >
          {text}
        </Alert>
      );
    case 'error':
      return (
        <FailureAlert
          color={o.reason === 'alreadyReceived' ? 'blue' : o.reason === 'stockItemLabel' ? 'orange' : 'red'}
          title={
            o.reason === 'alreadyReceived'
              ? t('outcome.alreadyReceived')
              : o.reason === 'stockItemLabel'
                ? t('outcome.stockItemLabel')
                : t('outcome.notReceived')
          }
          data-testid="receive-outcome"
        >
          {text}
        </FailureAlert>
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
  const { t } = useTranslation('wf-po-receive');
  const { formatQuantity } = useFormat();
  const lines = names.lines;
  const done = lines.filter((l) => l.done).length;
  return (
    <LinesTable
      testId="receive-lines"
      rowTestId="receive-line"
      placeholder={order ? undefined : t('lines.placeholder')}
      title={order ? t('lines.title', { order: names.orderRef(order) }) : t('lines.heading')}
      aside={
        <Badge variant="light" color={lines.length > 0 && done === lines.length ? 'teal' : 'blue'}>
          {t('lines.progress', { done, total: lines.length })}
        </Badge>
      }
      columns={[t('lines.ordered'), t('lines.received')]}
      cellTestIds={[null, 'received']}
      rows={lines.map((l) => ({
        pk: l.pk,
        title: l.sku,
        detail: t('lines.detail', { part: l.partName, pk: l.pk }),
        progress: {
          value: l.ordered > 0 ? Math.min(100, (l.received / l.ordered) * 100) : 0,
          color: l.done ? 'teal' : 'blue',
        },
        cells: [formatQuantity(l.ordered), formatQuantity(l.received)],
      }))}
      loading={loading}
      highlight={highlight}
      asking={asking}
    />
  );
}
