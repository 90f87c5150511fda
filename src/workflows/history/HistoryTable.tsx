/** The scan history table: server-paged, sortable, selectable by staff; a row opens its drawer. */
import 'mantine-datatable/styles.css';
import { Badge, Text } from '@mantine/core';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useLanguage.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { PAGE_SIZES, type HistorySortColumn, type HistoryView } from './historyQuery.ts';
import { endpointLabel, outcomeText, serverWallClock, userLabel, type HistoryRow } from './historyView.ts';

export interface HistoryTableProps {
  rows: HistoryRow[];
  total: number;
  fetching: boolean;
  view: HistoryView;
  /** A filter, sort or page-size change (back to page 1). */
  onUpdate: (patch: Partial<HistoryView>) => void;
  onPageChange: (page: number) => void;
  isStaff: boolean;
  selected: HistoryRow[];
  onSelectedChange: (rows: HistoryRow[]) => void;
  onOpen: (row: HistoryRow) => void;
  filtersActive: boolean;
  /** Narrower barcode column. */
  tablet: boolean;
}

export function HistoryTable({
  rows,
  total,
  fetching,
  view,
  onUpdate,
  onPageChange,
  isStaff,
  selected,
  onSelectedChange,
  onOpen,
  filtersActive,
  tablet,
}: HistoryTableProps) {
  const { t } = useTranslation('wf-history');
  const { formatDateTime } = useFormat();
  const sortStatus: DataTableSortStatus<HistoryRow> = {
    columnAccessor: view.sort.column,
    direction: view.sort.direction,
  };
  return (
    <div data-testid="history-table">
      <DataTable<HistoryRow>
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        minHeight={rows.length === 0 ? 180 : undefined}
        idAccessor="pk"
        records={rows}
        fetching={fetching}
        totalRecords={total}
        page={view.page}
        onPageChange={onPageChange}
        recordsPerPage={view.pageSize}
        recordsPerPageOptions={[...PAGE_SIZES]}
        onRecordsPerPageChange={(n) => onUpdate({ pageSize: n })}
        recordsPerPageLabel={t('table.rowsPerPage')}
        sortStatus={sortStatus}
        onSortStatusChange={(s) =>
          onUpdate({ sort: { column: s.columnAccessor as HistorySortColumn, direction: s.direction } })
        }
        {...(isStaff ? { selectedRecords: selected, onSelectedRecordsChange: onSelectedChange } : {})}
        onRowClick={({ record }) => onOpen(record)}
        noRecordsText={filtersActive ? t('table.noMatch') : t('table.none')}
        paginationText={({ from, to, totalRecords }) => t('table.range', { from, to, total: totalRecords })}
        getPaginationControlProps={(control) =>
          control === 'previous'
            ? { 'aria-label': t('table.previousPage') }
            : control === 'next'
              ? { 'aria-label': t('table.nextPage') }
              : {}
        }
        allRecordsSelectionCheckboxProps={{ 'aria-label': t('table.selectAll') }}
        getRecordSelectionCheckboxProps={(_, i) => ({ 'aria-label': t('table.selectRow', { n: i + 1 }) })}
        scrollAreaProps={{ type: 'auto' }}
        columns={[
          {
            accessor: 'timestamp',
            title: t('table.time'),
            sortable: true,
            width: 160,
            render: (r) => {
              const at = serverWallClock(r.timestamp);
              return (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {at ? formatDateTime(at) : r.timestamp}
                </Text>
              );
            },
          },
          {
            accessor: 'user',
            title: t('table.user'),
            sortable: true,
            width: 120,
            render: (r) => <Text size="sm">{r.user_detail?.username ?? userLabel(r)}</Text>,
          },
          {
            accessor: 'endpoint',
            title: t('table.workflow'),
            sortable: true,
            width: 150,
            render: (r) => <Text size="sm">{endpointLabel(r.endpoint)}</Text>,
          },
          {
            accessor: 'result',
            title: t('table.result'),
            sortable: true,
            width: 100,
            render: (r) => (
              <Badge color={r.result ? 'teal' : 'red'} variant="light" data-testid="history-result">
                {r.result ? t('table.success') : t('table.failed')}
              </Badge>
            ),
          },
          {
            accessor: 'data',
            title: t('table.barcode'),
            width: tablet ? 200 : 280,
            render: (r) => <BarcodeText text={r.data} size="xs" maxLength={80} />,
          },
          {
            accessor: 'outcome',
            title: t('table.outcome'),
            render: (r) => (
              <Text size="sm" lineClamp={2}>
                {outcomeText(r)}
              </Text>
            ),
          },
        ]}
      />
    </div>
  );
}
