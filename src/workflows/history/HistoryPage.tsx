/**
 * /history — the scan history as a server-paged table (limit/offset, ordering, result and user
 * filters), a detail drawer, failures grouped by barcode, CSV export, and for staff: delete one,
 * a selection or everything matching, and the storage settings. Desktop first; on a tablet the
 * table scrolls sideways and the drawer covers the screen.
 */
import 'mantine-datatable/styles.css';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Drawer,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconCopy, IconDownload, IconLink, IconScan, IconSearch, IconTrash, IconX } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../api/apiError.ts';
import { useBulkDeleteHistory, useDeleteHistoryEntry, useGlobalSetting, useScanMutation, useSetGlobalSetting } from '../../api/queries.ts';
import type { ScanResult } from '../../api/barcode.ts';
import { modelName } from '../../api/models.ts';
import { settingBool, settingNumber } from '../../api/settings.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { CLIENT_FILTER_WINDOW, DEFAULT_VIEW, PAGE_SIZES, serverFilters, type HistorySortColumn, type HistoryView, type ResultFilter } from './historyQuery.ts';
import { endpointLabel, groupFailures, groupSentence, historyCsv, isUnmatched, outcomeText, userLabel, type HistoryRow } from './historyView.ts';
import { prettyReadable } from './readableRecord.ts';
import { useHistoryPage, useHistoryWindow, useUserChoices } from './useHistoryData.ts';

const GROUP_WINDOW = 1000;

function downloadCsv(rows: HistoryRow[]) {
  const blob = new Blob([historyCsv(rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `scan-history-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** What a pending delete will remove, and how it is asked for. */
type DeletePlan =
  | { kind: 'one'; pk: number; count: 1 }
  | { kind: 'items'; items: number[]; count: number }
  | { kind: 'filters'; filters: Record<string, string | number | boolean>; count: number }
  /** No filter at all: InvenTree needs items or filters, so "everything" is result=true plus result=false. */
  | { kind: 'everything'; count: number };

export default function HistoryPage() {
  const { user, apiVersion } = useConnection();
  const isStaff = user?.is_staff === true;
  const tablet = useMediaQuery('(max-width: 64em)');
  const [view, setView] = useState<HistoryView>(DEFAULT_VIEW);
  const [searchFailed, setSearchFailed] = useState(false);
  const [tab, setTab] = useState<string | null>('all');
  const [selected, setSelected] = useState<HistoryRow[]>([]);
  const [open, setOpen] = useState<HistoryRow | null>(null);
  const [pendingDelete, setPendingDelete] = useState<DeletePlan | null>(null);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  const abilities = { apiVersion, searchFailed };
  const page = useHistoryPage(view, abilities);
  // A newer server that fails a search is not asked again; the filter moves to the client.
  if (page.error instanceof ApiError && (page.error.status ?? 0) >= 500 && view.text.trim() && !searchFailed && (apiVersion ?? 0) > 291) setSearchFailed(true);
  const users = useUserChoices();
  const deleteOne = useDeleteHistoryEntry();
  const bulkDelete = useBulkDeleteHistory();

  const update = (patch: Partial<HistoryView>) => {
    setSelected([]);
    setView((v) => ({ ...v, page: 1, ...patch }));
  };

  const rows = page.data?.rows ?? [];
  const total = page.data?.total ?? 0;
  const filtersActive = view.result !== 'all' || view.user !== null || view.text.trim() !== '';

  const deleteAllPlan = (): DeletePlan | null => {
    if (total === 0) return null;
    if (page.data?.hitPks) return { kind: 'items', items: page.data.hitPks, count: page.data.hitPks.length };
    const filters = serverFilters(view);
    if (Object.keys(filters).length === 0) return { kind: 'everything', count: total };
    return { kind: 'filters', filters, count: total };
  };

  const runDelete = async (plan: DeletePlan) => {
    setDeleteError(null);
    try {
      if (plan.kind === 'one') await deleteOne.mutateAsync(plan.pk);
      else if (plan.kind === 'items') await bulkDelete.mutateAsync({ items: plan.items });
      else if (plan.kind === 'filters') await bulkDelete.mutateAsync({ filters: plan.filters });
      else {
        for (const result of [true, false]) {
          try {
            await bulkDelete.mutateAsync({ filters: { result } });
          } catch (e) {
            // Nothing with that result: fine, the other half did the work.
            if (!(e instanceof ApiError && e.status === 400 && /No items found/i.test(e.message + JSON.stringify(e.body)))) throw e;
          }
        }
      }
      setSelected([]);
      if (plan.kind === 'one') setOpen(null);
      setPendingDelete(null);
    } catch (e) {
      setDeleteError(e);
    }
  };

  const sortStatus: DataTableSortStatus<HistoryRow> = { columnAccessor: view.sort.column, direction: view.sort.direction };
  const clientNote = page.data?.clientFiltered
    ? `Barcode text is filtered here in the app over the newest ${Math.min(CLIENT_FILTER_WINDOW, page.data.window?.of ?? 0).toLocaleString('en')} of ${(page.data.window?.of ?? 0).toLocaleString('en')} scans: InvenTree ${apiVersion ?? 291} cannot search scan history on the server.`
    : null;

  return (
    <Stack gap="md" data-testid="history-page">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={1} size="h2">
            Scan history
          </Title>
          <Text size="sm" c="dimmed">
            What was scanned, by whom, and what came of it. Failed scans are work: link their barcodes once.
          </Text>
        </div>
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => downloadCsv(rows)} disabled={rows.length === 0} data-testid="history-csv">
          Export this view (CSV)
        </Button>
      </Group>

      <StorageSettings isStaff={isStaff} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="all">All scans</Tabs.Tab>
          <Tabs.Tab value="groups" data-testid="history-groups-tab">
            Failures by barcode
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="all" pt="md">
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SegmentedControl
                value={view.result}
                onChange={(v) => update({ result: v as ResultFilter })}
                data={[
                  { value: 'all', label: 'All' },
                  { value: 'success', label: 'Succeeded' },
                  { value: 'failure', label: 'Failed' },
                ]}
                aria-label="Result"
                data-testid="history-result-filter"
              />
              <Select
                label="User"
                placeholder="Anyone"
                clearable
                searchable
                data={(users.data ?? []).map((u) => ({ value: String(u.pk), label: u.username }))}
                value={view.user === null ? null : String(view.user)}
                onChange={(v) => update({ user: v ? Number(v) : null })}
                w={180}
                data-testid="history-user-filter"
              />
              <TextInput
                label="Barcode contains"
                leftSection={<IconSearch size={16} />}
                value={view.text}
                onChange={(e) => update({ text: e.currentTarget.value })}
                w={240}
                data-testid="history-text-filter"
              />
            </Group>
            {clientNote && (
              <Text size="xs" c="dimmed" data-testid="history-client-filter-note">
                {clientNote}
              </Text>
            )}

            {isStaff && (
              <Group gap="xs" data-testid="history-staff-actions">
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  leftSection={<IconTrash size={14} />}
                  disabled={selected.length === 0}
                  onClick={() => setPendingDelete({ kind: 'items', items: selected.map((r) => r.pk), count: selected.length })}
                  data-testid="history-delete-selected"
                >
                  Delete selected ({selected.length})
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  leftSection={<IconTrash size={14} />}
                  disabled={total === 0}
                  onClick={() => setPendingDelete(deleteAllPlan())}
                  data-testid="history-delete-matching"
                >
                  {filtersActive ? `Delete all matching (${total.toLocaleString('en')})` : `Delete all (${total.toLocaleString('en')})`}
                </Button>
              </Group>
            )}

            {page.error && !page.data ? <ErrorAlert error={page.error} title="Could not load the scan history" onRetry={() => void page.refetch()} /> : null}

            <div data-testid="history-table">
            <DataTable<HistoryRow>
              withTableBorder
              borderRadius="md"
              striped
              highlightOnHover
              minHeight={rows.length === 0 ? 180 : undefined}
              idAccessor="pk"
              records={rows}
              fetching={page.isFetching}
              totalRecords={total}
              page={view.page}
              onPageChange={(p) => {
                setSelected([]);
                setView((v) => ({ ...v, page: p }));
              }}
              recordsPerPage={view.pageSize}
              recordsPerPageOptions={[...PAGE_SIZES]}
              onRecordsPerPageChange={(n) => update({ pageSize: n })}
              recordsPerPageLabel="Rows per page"
              sortStatus={sortStatus}
              onSortStatusChange={(s) => update({ sort: { column: s.columnAccessor as HistorySortColumn, direction: s.direction } })}
              {...(isStaff ? { selectedRecords: selected, onSelectedRecordsChange: setSelected } : {})}
              onRowClick={({ record }) => setOpen(record)}
              noRecordsText={filtersActive ? 'No scans match these filters' : 'No scans recorded'}
              paginationText={({ from, to, totalRecords }) => `${from}–${to} of ${totalRecords.toLocaleString('en')}`}
              scrollAreaProps={{ type: 'auto' }}
              columns={[
                { accessor: 'timestamp', title: 'Time', sortable: true, width: 160, render: (r) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{r.timestamp}</Text> },
                { accessor: 'user', title: 'User', sortable: true, width: 120, render: (r) => <Text size="sm">{r.user_detail?.username ?? userLabel(r)}</Text> },
                { accessor: 'endpoint', title: 'Workflow', sortable: true, width: 150, render: (r) => <Text size="sm">{endpointLabel(r.endpoint)}</Text> },
                {
                  accessor: 'result',
                  title: 'Result',
                  sortable: true,
                  width: 100,
                  render: (r) => (
                    <Badge color={r.result ? 'teal' : 'red'} variant="light" data-testid="history-result">
                      {r.result ? 'Success' : 'Failed'}
                    </Badge>
                  ),
                },
                { accessor: 'data', title: 'Barcode', width: tablet ? 200 : 280, render: (r) => <BarcodeText text={r.data} size="xs" maxLength={80} /> },
                { accessor: 'outcome', title: 'Outcome', render: (r) => <Text size="sm" lineClamp={2}>{outcomeText(r)}</Text> },
              ]}
            />
            </div>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="groups" pt="md">
          <FailureGroups />
        </Tabs.Panel>
      </Tabs>

      <EntryDrawer
        row={open}
        onClose={() => setOpen(null)}
        isStaff={isStaff}
        fullScreen={!!tablet}
        onDelete={(pk) => setPendingDelete({ kind: 'one', pk, count: 1 })}
      />

      <Modal opened={pendingDelete !== null} onClose={() => setPendingDelete(null)} title="Delete scan history" centered zIndex={400}>
        {pendingDelete && (
          <Stack gap="sm">
            <Text data-testid="history-delete-confirm-text">
              Delete {pendingDelete.count.toLocaleString('en')} {pendingDelete.count === 1 ? 'scan' : 'scans'} from the history? This cannot be undone.
            </Text>
            {deleteError ? <ErrorAlert error={deleteError} title="Nothing was deleted" /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPendingDelete(null)}>
                Cancel
              </Button>
              <Button color="red" loading={deleteOne.isPending || bulkDelete.isPending} onClick={() => void runDelete(pendingDelete)} data-testid="history-delete-confirm">
                Delete {pendingDelete.count.toLocaleString('en')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

function StorageSettings({ isStaff }: { isStaff: boolean }) {
  const store = useGlobalSetting('BARCODE_STORE_RESULTS');
  const max = useGlobalSetting('BARCODE_RESULTS_MAX_NUM');
  const setSetting = useSetGlobalSetting();
  const storing = settingBool(store.data);
  const cap = settingNumber(max.data);
  const [draft, setDraft] = useState<number | ''>('');
  const shownCap = draft === '' ? (cap ?? '') : draft;
  return (
    <Card withBorder radius="md" padding="sm" data-testid="history-storage">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Text fw={600} size="sm">
            Storing scans:{' '}
            <Text span c={storing ? 'teal' : 'red'} fw={700} data-testid="history-storage-state">
              {storing === null ? '…' : storing ? 'on' : 'off'}
            </Text>
          </Text>
          <Text size="xs" c="dimmed">
            {storing === false
              ? 'The server does not record scans now (BARCODE_STORE_RESULTS is off): new scans will not appear here.'
              : `The server keeps the newest ${cap ?? '…'} scans (BARCODE_RESULTS_MAX_NUM) and deletes older ones.`}
          </Text>
        </Stack>
        {isStaff ? (
          <Group gap="sm" align="flex-end">
            <Switch
              label="Store scans"
              checked={storing === true}
              disabled={storing === null || setSetting.isPending}
              onChange={(e) => setSetting.mutate({ key: 'BARCODE_STORE_RESULTS', value: e.currentTarget.checked })}
              data-testid="history-storage-switch"
            />
            <NumberInput label="Keep at most" min={1} w={130} value={shownCap} onChange={(v) => setDraft(typeof v === 'number' ? v : '')} data-testid="history-max-input" />
            <Button
              size="sm"
              variant="light"
              disabled={draft === '' || draft < 1 || draft === cap}
              loading={setSetting.isPending}
              onClick={() => setSetting.mutate({ key: 'BARCODE_RESULTS_MAX_NUM', value: draft as number }, { onSuccess: () => setDraft('') })}
              data-testid="history-max-save"
            >
              Save
            </Button>
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Only staff can change these settings.
          </Text>
        )}
      </Group>
      {setSetting.error ? <ErrorAlert error={setSetting.error} title="The setting was not changed" /> : null}
    </Card>
  );
}

function FailureGroups() {
  const failures = useHistoryWindow(false, GROUP_WINDOW, true);
  const successes = useHistoryWindow(true, GROUP_WINDOW, true);
  const groups = useMemo(() => groupFailures(failures.data?.results ?? [], successes.data?.results ?? []), [failures.data, successes.data]);
  if (failures.error) return <ErrorAlert error={failures.error} title="Could not load failed scans" />;
  return (
    <Stack gap="xs" data-testid="history-groups">
      <Text size="xs" c="dimmed">
        The newest {GROUP_WINDOW.toLocaleString('en')} failed scans, grouped by barcode. A barcode that never matched can be linked to its item once.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Barcode</Table.Th>
              <Table.Th>Seen</Table.Th>
              <Table.Th>Last seen</Table.Th>
              <Table.Th>Where · who</Table.Th>
              <Table.Th>Last outcome</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.data} data-testid="history-group">
                <Table.Td maw={280}>
                  <BarcodeText text={g.data} size="xs" maxLength={80} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {groupSentence(g)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.lastSeen}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {g.endpoints.join(', ')} · {g.users.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{g.lastError}</Text>
                </Table.Td>
                <Table.Td>
                  {g.unmatched && g.data.trim() !== '' && (
                    <Button component={Link} to={`/link?barcode=${encodeURIComponent(g.data)}`} size="xs" variant="light" leftSection={<IconLink size={14} />}>
                      Link
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {groups.length === 0 && !failures.isLoading && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    No failed scans recorded.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function rescanSentence(r: ScanResult): string {
  if (r.ok) return `Matches ${modelName(r.match.model)} #${r.match.pk} now.`;
  return r.message;
}

function EntryDrawer({ row, onClose, isStaff, fullScreen, onDelete }: { row: HistoryRow | null; onClose: () => void; isStaff: boolean; fullScreen: boolean; onDelete: (pk: number) => void }) {
  const scan = useScanMutation();
  const [rescanned, setRescanned] = useState<{ pk: number; text: string; ok: boolean } | null>(null);
  const context = row ? prettyReadable(row.context) : '';
  const response = row ? prettyReadable(row.response) : '';
  const again = async () => {
    if (!row) return;
    try {
      const r = await scan.mutateAsync(row.data);
      setRescanned({ pk: row.pk, text: rescanSentence(r), ok: r.ok });
    } catch (e) {
      setRescanned({ pk: row.pk, text: errorMessage(e), ok: false });
    }
  };
  const shownRescan = rescanned && row && rescanned.pk === row.pk ? rescanned : null;
  return (
    <Drawer opened={row !== null} onClose={onClose} position="right" size={fullScreen ? '100%' : 'xl'} title={row ? `Scan #${row.pk}` : ''} data-testid="history-drawer">
      {row && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={row.result ? 'teal' : 'red'} variant="light">
              {row.result ? 'Success' : 'Failed'}
            </Badge>
            <Text size="sm">{outcomeText(row)}</Text>
          </Group>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={110}>Time</Table.Th>
                <Table.Td>{row.timestamp} (server time)</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Td>{userLabel(row)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Workflow</Table.Th>
                <Table.Td>
                  {endpointLabel(row.endpoint)} <Code>{row.endpoint ?? '—'}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Barcode</Table.Th>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <BarcodeText text={row.data} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="history-drawer-barcode" />
                    <CopyIcon value={row.data} label="Copy barcode" />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {row.data.length} characters
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>

          <Group gap="xs">
            <Button size="xs" leftSection={<IconScan size={14} />} onClick={() => void again()} loading={scan.isPending} disabled={!row.data.trim()} data-testid="history-scan-again">
              Scan again
            </Button>
            {isUnmatched(row) && row.data.trim() && (
              <Button component={Link} to={`/link?barcode=${encodeURIComponent(row.data)}`} size="xs" variant="light" leftSection={<IconLink size={14} />} data-testid="history-link">
                Link this barcode
              </Button>
            )}
            {isStaff && (
              <Button size="xs" color="red" variant="light" leftSection={<IconTrash size={14} />} onClick={() => onDelete(row.pk)} data-testid="history-delete-one">
                Delete
              </Button>
            )}
          </Group>
          {shownRescan && (
            <Alert color={shownRescan.ok ? 'teal' : 'orange'} variant="light" icon={shownRescan.ok ? <IconCheck /> : <IconX />} data-testid="history-rescan-result">
              {shownRescan.text}
            </Alert>
          )}

          <Section title="Context (request)" text={context} />
          <Section title="Response" text={response} />
          <Anchor size="xs" c="dimmed" component="span">
            Python reprs stored by InvenTree are shown as structured values; barcode data is shown exactly as stored.
          </Anchor>
        </Stack>
      )}
    </Drawer>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <CopyIcon value={text} label={`Copy ${title.toLowerCase()}`} />
      </Group>
      <ScrollArea.Autosize mah={320} type="auto">
        <Code block data-testid={`history-drawer-${title.split(' ')[0].toLowerCase()}`}>
          {text}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}
