import { Badge, type BadgeProps } from '@mantine/core';
import { modelTitle, type BarcodeModel } from '../api/models.ts';
import { MODEL_COLORS, modelIcon } from './modelIcons.tsx';

/** "Stock item", "Part", … with the model's icon and colour. */
export function ModelBadge({ model, ...rest }: { model: BarcodeModel } & Omit<BadgeProps, 'children'>) {
  const Icon = modelIcon(model);
  return (
    <Badge color={MODEL_COLORS[model]} variant="light" leftSection={<Icon size={14} aria-hidden />} {...rest}>
      {modelTitle(model)}
    </Badge>
  );
}
