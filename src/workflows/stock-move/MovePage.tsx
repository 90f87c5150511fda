/**
 * /stock/move?location=14 — move stock by scanning. A location label sets the destination (kept
 * until another location label); each item label moves that item there, whole, or the quantity
 * typed first (the server splits it). The list shows what moved from where, with undo.
 * The kit's frame: scanner and answers left, the moves right (stacked on a phone).
 */
import { Alert, Badge, Card, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { IconCheck, IconMapPin, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePluginSettings, useLocations } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { useFormat } from '../../i18n/useLanguage.ts';
import { useWorkflow } from '../kit/useWorkflow.ts';
import { WorkflowFrame } from '../kit/WorkflowFrame.tsx';
import {
  moveQuery,
  moveStateFromUrl,
  moveStep,
  type MoveEffect,
  type MoveEvent,
  type MoveRow,
  type MoveState,
} from './moveMachine.ts';
import { moveBack, performMove } from './moveRunner.ts';
import { movedBackText, moveUndoOffer } from './moveUndo.ts';
import { fromText, moveLogLine, outcomeText, type Names } from './moveView.ts';
import { pageName } from '../../api/workflowNames.ts';

export default function MovePage() {
  const { t } = useTranslation('wf-stock-move');
  const { decimalSeparator } = useFormat();
  const { connection } = useConnection();
  const locations = useLocations({ limit: 1000 });
  const locationRows = useMemo(
    () => (locations.data?.results ?? []) as unknown as Record<string, unknown>[],
    [locations.data],
  );
  const names: Names = useMemo(
    () => ({
      location: (pk) => {
        const l = locationRows.find((r) => r.pk === pk);
        return l ? String(l.pathstring || l.name) : t('names.location', { pk });
      },
    }),
    [locationRows, t],
  );
  const namesRef = useRef(names);
  namesRef.current = names;
  // Filled once the workflow exists: the queue's "would queue now" and the current rows.
  const late = useRef<{ offline: () => boolean; row: (id: number) => MoveRow | undefined }>({
    offline: () => false,
    row: () => undefined,
  });

  const wf = useWorkflow<MoveState, MoveEvent, MoveEffect>({
    step: moveStep,
    fromUrl: moveStateFromUrl,
    toUrl: moveQuery,
    scanLine: (s) => (s.inFlight ? t('scanLine.waiting') : t('scanLine.moving')),
    offline: { route: '/stock/move', kinds: ['stock-transfer'] },
    perform: (effect, io) =>
      performMove(effect, {
        conn: connection,
        offline: () => late.current.offline(),
        submit: (write, call) => io.submit(write, io.pending.peek()?.logId ?? null, call),
        locationName: (pk) => namesRef.current.location(pk),
      }),
    onStep: (before, event, next, io) => {
      let ended = next.state.ended - before.ended;
      // The offline queue took the move: it owns that scan's log line from now on.
      if (event.type === 'queued' && ended > 0) {
        io.pending.take();
        io.report(null, { tone: 'queued', result: '' });
        ended -= 1;
      }
      for (let i = 0; i < ended; i += 1) {
        const logId = io.pending.take()?.logId;
        io.report(logId, moveLogLine(next.state, namesRef.current));
        // The move this step finished is taken back from its own log line ("Move back").
        const o = next.state.outcome;
        const row = o?.kind === 'moved' && i === ended - 1 ? next.state.rows.find((r) => r.id === o.rowId) : undefined;
        const offer = row && moveUndoOffer(row, namesRef.current);
        if (offer) io.offer(logId, offer);
      }
    },
    undo: {
      perform: async ({ ref }) => {
        const row = late.current.row(Number(ref));
        if (!row) throw new Error(t('undo.notInList'));
        await moveBack(connection, row);
        return movedBackText(row, namesRef.current);
      },
      done: ({ ref }) => ({ type: 'undone', rowId: Number(ref) }),
    },
  });
  const { state, dispatch } = wf;
  late.current = {
    offline: () => wf.offlineQueue?.shouldQueue() ?? false,
    row: (id) => wf.stateRef.current.rows.find((r) => r.id === id),
  };

  const pluginSettings = usePluginSettings();
  useEffect(() => {
    const prefix = (pluginSettings.data ?? []).find((s) => s.key === 'SHORT_BARCODE_PREFIX')?.value;
    if (typeof prefix === 'string') dispatch({ type: 'setShortPrefix', prefix });
  }, [pluginSettings.data, dispatch]);

  const locationOptions = locationRows.map((l) => ({
    value: String(l.pk),
    label: String(l.pathstring || l.name),
    disabled: l.structural === true,
  }));
  if (state.location && !locationOptions.some((o) => o.value === String(state.location)))
    locationOptions.push({
      value: String(state.location),
      label: t('names.locationOption', { pk: state.location }),
      disabled: false,
    });

  const context = (
    <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-blue-light)" data-testid="move-banner">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={
            <Group gap={4} component="span">
              <IconMapPin size={16} aria-hidden /> {t('banner.moveTo')}
            </Group>
          }
          placeholder={t('banner.locationPlaceholder')}
          searchable
          clearable
          value={state.location ? String(state.location) : null}
          onChange={(v) => dispatch({ type: 'setLocation', location: v ? Number(v) : null })}
          data={locationOptions}
          style={{ flex: '2 1 14rem' }}
          data-testid="move-location"
          comboboxProps={{ withinPortal: true }}
        />
        <NumberInput
          label={t('banner.quantity')}
          placeholder={t('banner.quantityPlaceholder')}
          min={0}
          decimalSeparator={decimalSeparator()}
          value={state.quantity ?? ''}
          onChange={(v) => dispatch({ type: 'setQuantity', quantity: typeof v === 'number' ? v : null })}
          style={{ flex: '1 1 9rem' }}
          data-testid="move-quantity"
        />
      </Group>
      <Text size="sm" mt={6} data-testid="move-destination">
        {state.location
          ? t('banner.destination', { location: state.locationName ?? names.location(state.location) })
          : t('banner.noDestination')}
      </Text>
    </Card>
  );

  // The page's one name (common area), said in the language in use.
  const title = pageName('moveStock');
  return (
    <WorkflowFrame
      workflow={wf}
      testId="stock-move-page"
      title={title}
      intro={t('intro')}
      context={context}
      result={<Outcome state={state} names={names} />}
      panel={<MovesTable rows={state.rows} names={names} />}
      waiting={{ noun: 'label', testId: 'move-waiting' }}
    />
  );
}

function Outcome({ state, names }: { state: MoveState; names: Names }) {
  const { t } = useTranslation('wf-stock-move');
  const o = state.outcome;
  if (!o)
    return (
      <Text size="sm" c="dimmed" data-testid="move-outcome">
        {state.location ? t('idle.withLocation') : t('idle.noLocation')}
      </Text>
    );
  if (o.kind === 'queued') return <QueuedOutcome id={o.queueId} barcode={o.barcode} reason={o.reason} />;
  const text = outcomeText(state, o, names);
  const ok = o.kind === 'moved' || o.kind === 'locationSet' || o.kind === 'undone';
  const color = o.kind === 'alreadyThere' ? 'blue' : ok ? 'teal' : 'red';
  const title = t(o.kind === 'error' && o.reason === 'forbidden' ? 'title.forbidden' : TITLE[o.kind]);
  return (
    <Alert
      color={color}
      variant="light"
      title={title}
      icon={ok ? <IconCheck /> : <IconX />}
      role={o.kind === 'error' ? 'alert' : undefined}
      data-testid="move-outcome"
      data-kind={o.kind}
    >
      {text}
    </Alert>
  );
}

const TITLE = {
  moved: 'title.moved',
  locationSet: 'title.locationSet',
  undone: 'title.undone',
  alreadyThere: 'title.alreadyThere',
  error: 'title.error',
} as const;

const STATUS_LABEL = {
  moving: 'status.moving',
  moved: 'status.moved',
  queued: 'status.queued',
  failed: 'status.failed',
  undone: 'status.undone',
} as const satisfies Record<MoveRow['status'], string>;

const STATUS_COLOR: Record<MoveRow['status'], string> = {
  moving: 'gray',
  moved: 'teal',
  queued: 'orange',
  failed: 'red',
  undone: 'blue',
};

/** The moves of this session; "Move back" is on each move's log line (the kit's undo). */
function MovesTable({ rows, names }: { rows: MoveRow[]; names: Names }) {
  const { t } = useTranslation('wf-stock-move');
  const { formatQuantity } = useFormat();
  return (
    <Card withBorder radius="md" padding="md" data-testid="move-list">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{t('list.title')}</Text>
        <Badge variant="light">
          {t('list.movedCount', { count: rows.filter((r) => r.status === 'moved').length })}
        </Badge>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('list.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.item')}</Table.Th>
                <Table.Th>{t('list.fromTo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid={`move-row-${r.item}`} data-status={r.status}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.partName ?? t('names.stockItem', { pk: r.item })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      #{r.item} ·{' '}
                      {r.quantity === null
                        ? t('list.wholeItem')
                        : t(r.split ? 'list.quantitySplit' : 'list.quantity', { quantity: formatQuantity(r.quantity) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('list.route', {
                        from: fromText(r, names) ?? t('names.whereItWas'),
                        to: names.location(r.to),
                      })}
                    </Text>
                    <Badge size="xs" color={STATUS_COLOR[r.status]} variant="light">
                      {t(STATUS_LABEL[r.status])}
                    </Badge>
                    {r.message && (
                      <Text size="xs" c="red">
                        {r.message}
                      </Text>
                    )}
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
