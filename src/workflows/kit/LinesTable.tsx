/**
 * An order's lines as every workflow shows them: a card with a title and a badge, one row per line
 * (SKU or part in bold, a detail line under it, optional progress), number columns on the right, the
 * row the latest scan touched highlighted.
 */
import { Card, Group, Loader, Progress, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface LinesTableRow {
  pk: number;
  title: string;
  detail?: string;
  /** 0–100 with its colour, for lines that fill up (received, allocated). */
  progress?: { value: number; color: string };
  /** One cell per column. */
  cells: ReactNode[];
}

export interface LinesTableProps {
  /** data-testid of the card; rows get `${rowTestId}-${pk}`. */
  testId: string;
  rowTestId: string;
  title: ReactNode;
  /** Right of the title: a count badge, the shipments. */
  aside?: ReactNode;
  /** The number columns' headings (the first column is "SKU · part" unless given), translated. */
  columns: string[];
  firstColumn?: string;
  rows: LinesTableRow[];
  loading: boolean;
  highlight: number | null;
  /** The row a question is about: amber until answered (not the green of success). */
  asking?: number | null;
  /** Shown instead of the table when there is no order (and no title). */
  placeholder?: ReactNode;
  /** Shown when the order has no lines; default: an empty table. */
  empty?: ReactNode;
  /** The `empty` text as a row of the table rather than instead of it. */
  emptyAsRow?: boolean;
  /** Above the table, under the title (a failure to load, a note). */
  note?: ReactNode;
  /** A cell's own data-testid: `${rowTestId}-${pk}-${cellTestIds[i]}`. */
  cellTestIds?: (string | null)[];
  minWidth?: number;
}

export function LinesTable(props: LinesTableProps) {
  const { t } = useTranslation('kit');
  const {
    testId,
    rowTestId,
    title,
    aside,
    columns,
    firstColumn = t('lines.firstColumn'),
    rows,
    loading,
    highlight,
    asking = null,
    placeholder,
    empty,
    emptyAsRow = false,
    note,
    cellTestIds,
    minWidth = 300,
  } = props;
  if (placeholder) {
    return (
      <Card withBorder radius="md" padding="md" data-testid={testId}>
        <Text size="sm" c="dimmed">
          {placeholder}
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Text fw={700}>{title}</Text>
        {aside}
      </Group>
      {note}
      {loading ? (
        <Loader size="sm" />
      ) : rows.length === 0 && empty && !emptyAsRow ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{firstColumn}</Table.Th>
                {columns.map((c) => (
                  // keep-all: Chinese "已订购" breaks per character otherwise; soft hyphens still break.
                  <Table.Th key={c} ta="right" style={{ wordBreak: 'keep-all' }}>
                    {c}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.length === 0 && empty && emptyAsRow && (
                <Table.Tr>
                  <Table.Td colSpan={columns.length + 1}>
                    <Text size="sm" c="dimmed">
                      {empty}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {rows.map((r) => (
                <Table.Tr
                  key={r.pk}
                  data-testid={`${rowTestId}-${r.pk}`}
                  data-state={asking === r.pk ? 'asking' : highlight === r.pk ? 'done' : undefined}
                  bg={
                    asking === r.pk
                      ? 'var(--mantine-color-yellow-light)'
                      : highlight === r.pk
                        ? 'var(--mantine-color-teal-light)'
                        : undefined
                  }
                >
                  <Table.Td>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {r.title}
                    </Text>
                    {r.detail !== undefined && (
                      <Text size="xs" c="dimmed">
                        {r.detail}
                      </Text>
                    )}
                    {r.progress && <Progress value={r.progress.value} size="xs" color={r.progress.color} mt={4} />}
                  </Table.Td>
                  {r.cells.map((cell, i) => {
                    const cellId = cellTestIds?.[i];
                    return (
                      <Table.Td key={i} ta="right" data-testid={cellId ? `${rowTestId}-${r.pk}-${cellId}` : undefined}>
                        {cell}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
