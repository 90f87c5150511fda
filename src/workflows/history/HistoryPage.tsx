/**
 * /history — the scan history as a server-paged table (limit/offset, ordering, result and user
 * filters), a detail drawer, failures grouped by barcode, CSV export, and for staff: delete one,
 * a selection or everything matching, and the storage settings. Desktop first; on a tablet the
 * table scrolls sideways and the drawer covers the screen.
 */
import { Button, Group, SegmentedControl, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconSearch, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/apiError.ts';
import { useBulkDeleteHistory, useDeleteHistoryEntry } from '../../api/queries.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { DeleteConfirm } from './DeleteConfirm.tsx';
import { DeleteFailure, planDeleteMatching, planDeleteSelected, runDeletePlan, type DeletePlan } from './deletePlan.ts';
import { EntryDrawer } from './EntryDrawer.tsx';
import { FailureGroups } from './FailureGroups.tsx';
import {
  CLIENT_FILTER_WINDOW,
  DEFAULT_VIEW,
  serverFilters,
  type HistoryView,
  type ResultFilter,
} from './historyQuery.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { historyCsv, type HistoryRow } from './historyView.ts';
import { StorageSettings } from './StorageSettings.tsx';
import { useHistoryPage, useUserChoices } from './useHistoryData.ts';
import { pageName } from '../../api/workflowNames.ts';

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

export default function HistoryPage() {
  const { t } = useTranslation('wf-history');
  const title = pageName('history');
  const { user, apiVersion, connectionKey } = useConnection();
  const queryClient = useQueryClient();
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
  const searchBroke =
    page.error instanceof ApiError &&
    (page.error.status ?? 0) >= 500 &&
    view.text.trim() !== '' &&
    (apiVersion ?? 0) > 291;
  useEffect(() => {
    if (searchBroke) setSearchFailed(true);
  }, [searchBroke]);
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

  const deleteMatchingPlan = () =>
    planDeleteMatching({ total, hitPks: page.data?.hitPks ?? null, filters: serverFilters(view) });

  const runDelete = async (plan: DeletePlan) => {
    setDeleteError(null);
    try {
      await runDeletePlan(plan, {
        one: (pk) => deleteOne.mutateAsync(pk),
        bulk: (body) => bulkDelete.mutateAsync(body),
      });
      setSelected([]);
      if (plan.kind === 'one') setOpen(null);
      setPendingDelete(null);
    } catch (e) {
      setDeleteError(e);
      if (e instanceof DeleteFailure && e.outcome !== 'nothing') {
        // What was deleted is not known here: the server's list is the truth, and the drawer's row may be gone.
        setSelected([]);
        setOpen(null);
        await queryClient.invalidateQueries({ queryKey: queryKeys.histories(connectionKey) });
      }
    }
  };

  const clientNote = page.data?.clientFiltered
    ? t('filters.clientNote', {
        looked: Math.min(CLIENT_FILTER_WINDOW, page.data.window?.of ?? 0),
        count: page.data.window?.of ?? 0,
        version: apiVersion ?? 291,
      })
    : null;

  return (
    <Stack gap="md" data-testid="history-page">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => downloadCsv(rows)}
          disabled={rows.length === 0}
          data-testid="history-csv"
        >
          {t('exportCsv')}
        </Button>
      </Group>

      <StorageSettings isStaff={isStaff} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="all">{t('tabs.all')}</Tabs.Tab>
          <Tabs.Tab value="groups" data-testid="history-groups-tab">
            {t('tabs.groups')}
          </Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="all" pt="md">
          <Stack gap="sm">
            <Group gap="sm" align="flex-end" wrap="wrap">
              <SegmentedControl
                value={view.result}
                onChange={(v) => update({ result: v as ResultFilter })}
                data={[
                  { value: 'all', label: t('filters.all') },
                  { value: 'success', label: t('filters.succeeded') },
                  { value: 'failure', label: t('filters.failed') },
                ]}
                aria-label={t('filters.result')}
                data-testid="history-result-filter"
              />
              <Select
                label={t('filters.user')}
                placeholder={t('filters.anyone')}
                clearable
                searchable
                data={(users.data ?? []).map((u) => ({ value: String(u.pk), label: u.username }))}
                value={view.user === null ? null : String(view.user)}
                onChange={(v) => update({ user: v ? Number(v) : null })}
                w={180}
                data-testid="history-user-filter"
              />
              <TextInput
                label={t('filters.barcode')}
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
                  onClick={() => setPendingDelete(planDeleteSelected(selected.map((r) => r.pk)))}
                  data-testid="history-delete-selected"
                >
                  {t('staff.deleteSelected', { n: selected.length })}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  leftSection={<IconTrash size={14} />}
                  // Until the new filters' rows are in, `total` is the previous view's: the confirm would ask the wrong count.
                  disabled={total === 0 || page.isPlaceholderData}
                  onClick={() => setPendingDelete(deleteMatchingPlan())}
                  data-testid="history-delete-matching"
                >
                  {filtersActive ? t('staff.deleteMatching', { n: total }) : t('staff.deleteAll', { n: total })}
                </Button>
              </Group>
            )}

            {page.error && !page.data ? (
              <ErrorAlert error={page.error} title={t('loadError')} onRetry={() => void page.refetch()} />
            ) : null}

            <HistoryTable
              rows={rows}
              total={total}
              fetching={page.isFetching}
              view={view}
              onUpdate={update}
              onPageChange={(p) => {
                setSelected([]);
                setView((v) => ({ ...v, page: p }));
              }}
              isStaff={isStaff}
              selected={selected}
              onSelectedChange={setSelected}
              onOpen={setOpen}
              filtersActive={filtersActive}
              tablet={!!tablet}
            />
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

      <DeleteConfirm
        plan={pendingDelete}
        busy={deleteOne.isPending || bulkDelete.isPending}
        error={deleteError}
        onCancel={() => setPendingDelete(null)}
        onConfirm={(plan) => void runDelete(plan)}
      />
    </Stack>
  );
}
