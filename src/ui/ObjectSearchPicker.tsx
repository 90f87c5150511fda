/**
 * Find an InvenTree object by typing: pick the kind (part, stock item, location, supplier or
 * manufacturer part, order, build), type a search, tap a row. Presentational (ui/ never fetches):
 * the search runs in workflows/kit/ObjectSearch.tsx, which the link and generate workflows mount.
 */
import { Group, Loader, NativeSelect, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { modelTitle, type BarcodeModel } from '../api/models.ts';
import { summarizeObject } from '../api/objects.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { ModelBadge } from './ModelBadge.tsx';
import { useTranslation } from 'react-i18next';

export interface PickedObject {
  model: BarcodeModel;
  pk: number;
}

/** One page of a search, as the list endpoint answered it. */
export interface ObjectSearchResults {
  rows: readonly Record<string, unknown>[];
  /** How many match on the server (more than `rows` when the page is full). */
  count: number;
  fetching: boolean;
  error: unknown;
  onRetry: () => void;
}

export interface ObjectSearchPickerProps {
  onPick: (picked: PickedObject) => void;
  /** Kinds offered. */
  models: readonly BarcodeModel[];
  model: BarcodeModel;
  onModelChange: (model: BarcodeModel) => void;
  /** What is typed in the search field. */
  text: string;
  onTextChange: (text: string) => void;
  /** The search the results answer (trimmed, after the typing pause). */
  search: string;
  results: ObjectSearchResults;
}

export function ObjectSearchPicker({
  onPick,
  models,
  model,
  onModelChange,
  text,
  onTextChange,
  search,
  results,
}: ObjectSearchPickerProps) {
  const { rows, count, fetching, error, onRetry } = results;
  const { t } = useTranslation('ui');
  return (
    <Stack gap="xs" data-testid="object-search">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('search.kind')}
          value={model}
          onChange={(e) => onModelChange(e.currentTarget.value as BarcodeModel)}
          data={models.map((m) => ({ value: m, label: modelTitle(m) }))}
          style={{ flex: '0 1 12rem' }}
        />
        <TextInput
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => onTextChange(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={fetching ? <Loader size="xs" /> : null}
          style={{ flex: '1 1 12rem' }}
          data-testid="object-search-input"
        />
      </Group>
      {error ? <ErrorAlert error={error} title={t('search.failed')} onRetry={onRetry} /> : null}
      <Stack gap={4} role="list" aria-label={t('search.results', { kind: modelTitle(model) })}>
        {rows.map((row) => {
          const summary = summarizeObject(model, row);
          if (summary.pk === null) return null;
          const pk = summary.pk;
          const detail = [
            summary.part && summary.part.name !== summary.title ? summary.part.name : null,
            summary.location?.name,
            summary.description,
          ]
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
        {!fetching && !error && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {search ? t('search.nothingFoundFor', { search }) : t('search.nothingFound')}
          </Text>
        )}
        {count > rows.length && (
          <Text size="xs" c="dimmed">
            {t('search.shown', { shown: rows.length, count })}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
