/**
 * Find an InvenTree object by typing: pick the kind (part, stock item, location, supplier or
 * manufacturer part, order, build), search the server's list endpoint, tap a row. Used by the
 * link and generate workflows to choose their target without a label to scan.
 */
import { Group, Loader, NativeSelect, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { listPage } from '../api/lists.ts';
import { BARCODE_MODEL_INFO, BARCODE_MODELS_V291, modelTitle, type BarcodeModel } from '../api/models.ts';
import { summarizeObject } from '../api/objects.ts';
import { useList } from '../api/queries.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ModelBadge } from './ModelBadge.tsx';

/** Detail flags so a list row carries the names its summary shows (a part's name for a stock item). */
const LIST_DETAIL: Partial<Record<BarcodeModel, Record<string, boolean>>> = {
  stockitem: { part_detail: true, location_detail: true },
  supplierpart: { part_detail: true, supplier_detail: true },
  manufacturerpart: { part_detail: true, manufacturer_detail: true },
  purchaseorder: { supplier_detail: true },
  salesorder: { customer_detail: true },
  returnorder: { customer_detail: true },
  build: { part_detail: true },
};

export interface PickedObject {
  model: BarcodeModel;
  pk: number;
}

export interface ObjectSearchPickerProps {
  onPick: (picked: PickedObject) => void;
  /** Kinds offered, default all nine v291 barcode models. */
  models?: readonly BarcodeModel[];
  initialModel?: BarcodeModel;
  /** Rows per search. */
  limit?: number;
}

const PAGE = 8;

export function ObjectSearchPicker({ onPick, models = BARCODE_MODELS_V291, initialModel = 'stockitem', limit = PAGE }: ObjectSearchPickerProps) {
  const [model, setModel] = useState<BarcodeModel>(models.includes(initialModel) ? initialModel : models[0]);
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  const path = BARCODE_MODEL_INFO[model].listPath;
  const query = useList(
    (conn, params, signal) => listPage<Record<string, unknown>>(conn, path, params as never, signal),
    path,
    { search: search || undefined, limit, filters: LIST_DETAIL[model] },
  );
  const rows = query.data?.results ?? [];

  return (
    <Stack gap="xs" data-testid="object-search">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label="Kind"
          value={model}
          onChange={(e) => setModel(e.currentTarget.value as BarcodeModel)}
          data={models.map((m) => ({ value: m, label: modelTitle(m) }))}
          style={{ flex: '0 1 12rem' }}
        />
        <TextInput
          label="Search"
          placeholder="Name, reference, SKU…"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={query.isFetching ? <Loader size="xs" /> : null}
          style={{ flex: '1 1 12rem' }}
          data-testid="object-search-input"
        />
      </Group>
      {query.error ? <ErrorAlert error={query.error} title="Search failed" onRetry={() => void query.refetch()} /> : null}
      <Stack gap={4} role="list" aria-label={`${modelTitle(model)} results`}>
        {rows.map((row) => {
          const summary = summarizeObject(model, row);
          if (summary.pk === null) return null;
          const pk = summary.pk;
          const detail = [summary.part && summary.part.name !== summary.title ? summary.part.name : null, summary.location?.name, summary.description]
            .filter(Boolean)
            .join(' · ');
          return (
            <UnstyledButton
              key={pk}
              role="listitem"
              onClick={() => onPick({ model, pk })}
              data-testid="object-search-row"
              style={{ borderRadius: 8, border: '1px solid var(--mantine-color-default-border)', padding: '8px 10px' }}
            >
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} size="sm" truncate>
                    {summary.title}
                    {summary.quantity !== null && model === 'stockitem' ? ` × ${summary.quantity}` : ''}
                  </Text>
                  {detail && (
                    <Text size="xs" c="dimmed" truncate>
                      {detail}
                    </Text>
                  )}
                </div>
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    #{pk}
                  </Text>
                  <ModelBadge model={model} size="sm" visibleFrom="sm" />
                </Group>
              </Group>
            </UnstyledButton>
          );
        })}
        {!query.isFetching && !query.error && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing found{search ? ` for “${search}”` : ''}.
          </Text>
        )}
        {(query.data?.count ?? 0) > rows.length && (
          <Text size="xs" c="dimmed">
            {rows.length} of {query.data?.count} shown; type to narrow down.
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
