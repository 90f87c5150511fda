/**
 * The object search the link and generate workflows offer when there is no label to scan: the
 * picker (ui/ObjectSearchPicker, presentational) fed by one page of the kind's list endpoint.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { BARCODE_MODELS_V291, type BarcodeModel } from '../../api/models.ts';
import { useObjectSearch } from '../../api/queries.ts';
import { ObjectSearchPicker, type PickedObject } from '../../ui/ObjectSearchPicker.tsx';

export interface ObjectSearchProps {
  onPick: (picked: PickedObject) => void;
  /** Kinds offered, default all nine v291 barcode models. */
  models?: readonly BarcodeModel[];
  initialModel?: BarcodeModel;
  /** Rows per search. */
  limit?: number;
}

export function ObjectSearch({
  onPick,
  models = BARCODE_MODELS_V291,
  initialModel = 'stockitem',
  limit = 8,
}: ObjectSearchProps) {
  const [model, setModel] = useState<BarcodeModel>(
    models.includes(initialModel) ? initialModel : (models[0] ?? initialModel),
  );
  const [text, setText] = useState('');
  const [search] = useDebouncedValue(text.trim(), 300);
  const query = useObjectSearch(model, search, limit);
  return (
    <ObjectSearchPicker
      onPick={onPick}
      models={models}
      model={model}
      onModelChange={setModel}
      text={text}
      onTextChange={setText}
      search={search}
      results={{
        rows: query.data?.results ?? [],
        count: query.data?.count ?? 0,
        fetching: query.isFetching,
        error: query.error,
        onRetry: () => void query.refetch(),
      }}
    />
  );
}
