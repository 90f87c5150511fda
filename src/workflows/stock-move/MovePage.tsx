/**
 * /stock/move?location=14 — move stock by scanning. A location label sets the destination (kept
 * until another location label); each item label moves that item there, whole, or the quantity
 * typed first (the server splits it). The list shows what moved from where, with undo.
 * The kit's frame: scanner and answers left, the moves right (stacked on a phone).
 */
import { Alert, Badge, Card, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { IconCheck, IconMapPin, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { usePluginSettings, useLocations } from '../../api/queries.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { QueuedOutcome } from '../../offline/QueuedOutcome.tsx';
import { formatQuantity } from '../kit/text.ts';
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
import { moveLogLine, outcomeText, type Names } from './moveView.ts';
import { pageName } from '../../api/workflowNames.ts';

export default function MovePage() {
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
        return l ? String(l.pathstring || l.name) : `location #${pk}`;
      },
    }),
    [locationRows],
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
    scanLine: (s) => (s.inFlight ? 'Waiting for the previous label…' : 'Moving…'),
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
        if (!row) throw new Error('This move is no longer in the list.');
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
    locationOptions.push({ value: String(state.location), label: `Location #${state.location}`, disabled: false });

  const context = (
    <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-blue-light)" data-testid="move-banner">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={
            <Group gap={4} component="span">
              <IconMapPin size={16} aria-hidden /> Move to
            </Group>
          }
          placeholder="Scan a location label"
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
          label="Quantity (next item only)"
          placeholder="Whole item"
          min={0}
          value={state.quantity ?? ''}
          onChange={(v) => dispatch({ type: 'setQuantity', quantity: typeof v === 'number' ? v : null })}
          style={{ flex: '1 1 9rem' }}
          data-testid="move-quantity"
        />
      </Group>
      <Text size="sm" mt={6} data-testid="move-destination">
        {state.location
          ? `Items move to ${state.locationName ?? names.location(state.location)}`
          : 'No destination yet: scan a location label.'}
      </Text>
    </Card>
  );

  return (
    <WorkflowFrame
      workflow={wf}
      testId="stock-move-page"
      title={pageName('moveStock')}
      intro="Scan a location label, then the labels of the items to move there."
      context={context}
      result={<Outcome state={state} names={names} />}
      panel={<MovesTable rows={state.rows} names={names} />}
      waiting={{ noun: ['label', 'labels'], testId: 'move-waiting' }}
    />
  );
}

function Outcome({ state, names }: { state: MoveState; names: Names }) {
  const o = state.outcome;
  if (!o)
    return (
      <Text size="sm" c="dimmed" data-testid="move-outcome">
        {state.location ? 'Scan an item label to move it.' : 'Scan a location label first.'}
      </Text>
    );
  if (o.kind === 'queued') return <QueuedOutcome id={o.queueId} barcode={o.barcode} reason={o.reason} />;
  const text = outcomeText(state, o, names);
  const ok = o.kind === 'moved' || o.kind === 'locationSet' || o.kind === 'undone';
  const color = o.kind === 'alreadyThere' ? 'blue' : ok ? 'teal' : 'red';
  const title = {
    moved: 'Moved',
    locationSet: 'Destination set',
    undone: 'Moved back',
    alreadyThere: 'Already there',
    error: o.kind === 'error' && o.reason === 'forbidden' ? 'Not allowed' : 'Not moved',
  }[o.kind];
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

const STATUS_COLOR: Record<MoveRow['status'], string> = {
  moving: 'gray',
  moved: 'teal',
  queued: 'orange',
  failed: 'red',
  undone: 'blue',
};

/** The moves of this session; "Move back" is on each move's log line (the kit's undo). */
function MovesTable({ rows, names }: { rows: MoveRow[]; names: Names }) {
  return (
    <Card withBorder radius="md" padding="md" data-testid="move-list">
      <Group justify="space-between" mb="xs">
        <Text fw={700}>Moved this session</Text>
        <Badge variant="light">{rows.filter((r) => r.status === 'moved').length} moved</Badge>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Moves appear here, newest first.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Item</Table.Th>
                <Table.Th>From → to</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id} data-testid={`move-row-${r.item}`} data-status={r.status}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.partName ?? `Stock item #${r.item}`}
                    </Text>
                    <Text size="xs" c="dimmed">
                      #{r.item} ·{' '}
                      {r.quantity === null
                        ? 'whole item'
                        : `${formatQuantity(r.quantity)}${r.split ? ' (split off)' : ''}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {r.fromName ?? (r.from ? names.location(r.from) : 'where it was')} → {names.location(r.to)}
                    </Text>
                    <Badge size="xs" color={STATUS_COLOR[r.status]} variant="light">
                      {r.status}
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
