/** The scan history table: server-paged, sortable, selectable by staff; a row opens its drawer. */
import 'mantine-datatable/styles.css';
import { Badge, Text } from '@mantine/core';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { PAGE_SIZES, type HistorySortColumn, type HistoryView } from './historyQuery.ts';
import { endpointLabel, outcomeText, userLabel, type HistoryRow } from './historyView.ts';

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
        recordsPerPageLabel="Rows per page"
        sortStatus={sortStatus}
        onSortStatusChange={(s) =>
          onUpdate({ sort: { column: s.columnAccessor as HistorySortColumn, direction: s.direction } })
        }
        {...(isStaff ? { selectedRecords: selected, onSelectedRecordsChange: onSelectedChange } : {})}
        onRowClick={({ record }) => onOpen(record)}
        noRecordsText={filtersActive ? 'No scans match these filters' : 'No scans recorded'}
        paginationText={({ from, to, totalRecords }) => `${from}–${to} of ${totalRecords.toLocaleString('en')}`}
        scrollAreaProps={{ type: 'auto' }}
        columns={[
          {
            accessor: 'timestamp',
            title: 'Time',
            sortable: true,
            width: 160,
            render: (r) => (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {r.timestamp}
              </Text>
            ),
          },
          {
            accessor: 'user',
            title: 'User',
            sortable: true,
            width: 120,
            render: (r) => <Text size="sm">{r.user_detail?.username ?? userLabel(r)}</Text>,
          },
          {
            accessor: 'endpoint',
            title: 'Workflow',
            sortable: true,
            width: 150,
            render: (r) => <Text size="sm">{endpointLabel(r.endpoint)}</Text>,
          },
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
          {
            accessor: 'data',
            title: 'Barcode',
            width: tablet ? 200 : 280,
            render: (r) => <BarcodeText text={r.data} size="xs" maxLength={80} />,
          },
          {
            accessor: 'outcome',
            title: 'Outcome',
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
