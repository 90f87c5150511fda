import { Button, Card, Group, Image, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconExternalLink, IconMapPin } from '@tabler/icons-react';
import { useState } from 'react';
import type { ObjectSummary } from '../api/objects.ts';
import { ModelBadge } from './ModelBadge.tsx';
import { MODEL_COLORS, modelIcon } from './modelIcons.tsx';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n.ts';
import { useFormat } from '../i18n/useLanguage.ts';

export interface ObjectCardProps {
  summary: ObjectSummary;
  /** Absolute image URL (resolved against the server), or null for the model icon. */
  imageUrl: string | null;
  /** Absolute link to the object's page on the InvenTree server; null when there is none (demo). */
  webUrl: string | null;
  /** Without a link: a quiet line saying why (demo mode has no InvenTree pages); null says nothing. */
  webNote?: string | null;
}

/** What InvenTree knows about a scanned object: name, description, picture, stock and place. */
export function ObjectCard({ summary, imageUrl, webUrl, webNote = null }: ObjectCardProps) {
  const [imageFailed, setImageFailed] = useState(false);
  const { t } = useTranslation('ui');
  const { formatQuantity } = useFormat();
  const Icon = modelIcon(summary.model);
  const showImage = imageUrl !== null && !imageFailed;
  const isStock = summary.model === 'stockitem';
  return (
    <Card withBorder radius="md" padding="md" data-testid="object-card">
      <Group align="flex-start" wrap="nowrap" gap="md">
        {showImage ? (
          <Image
            src={imageUrl}
            alt=""
            w={72}
            h={72}
            radius="sm"
            fit="contain"
            onError={() => setImageFailed(true)}
            style={{ flex: '0 0 auto' }}
          />
        ) : (
          <ThemeIcon
            size={72}
            radius="sm"
            variant="light"
            color={summary.model ? MODEL_COLORS[summary.model] : 'gray'}
            aria-hidden
          >
            <Icon size={40} />
          </ThemeIcon>
        )}
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            {summary.model && <ModelBadge model={summary.model} />}
            {summary.pk !== null && (
              <Text size="xs" c="dimmed">
                #{summary.pk}
              </Text>
            )}
            {summary.status && (
              <Text size="xs" c="dimmed">
                {summary.status}
              </Text>
            )}
          </Group>
          <Title order={3} style={{ overflowWrap: 'anywhere' }} data-testid="object-title">
            {summary.title}
          </Title>
          {summary.description && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {summary.description}
            </Text>
          )}
        </Stack>
      </Group>

      {(summary.quantity !== null || summary.location) && (
        <Group mt="md" gap="xl" align="flex-end">
          {summary.quantity !== null && (
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {isStock ? t('object.quantity') : t('object.inStock')}
              </Text>
              <Text size="xl" fw={700} data-testid="object-quantity">
                {formatQuantity(summary.quantity)}
                {summary.units ? ` ${summary.units}` : ''}
              </Text>
            </div>
          )}
          {summary.location && (
            <div style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('object.location')}
              </Text>
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={18} aria-hidden />
                <Text fw={600} data-testid="object-location" style={{ overflowWrap: 'anywhere' }}>
                  {summary.location.name}
                </Text>
              </Group>
            </div>
          )}
        </Group>
      )}

      {(summary.serial || summary.batch || summary.part || summary.facts.length > 0) && (
        <Stack gap={2} mt="sm">
          {summary.part && summary.model !== 'stockitem' && <Fact label={t('object.part')} value={summary.part.name} />}
          {summary.serial && <Fact label={t('object.serial')} value={summary.serial} />}
          {summary.batch && <Fact label={t('object.batch')} value={summary.batch} />}
          {summary.facts.map((f) => (
            <Fact key={f.label} label={f.label} value={f.value} />
          ))}
        </Stack>
      )}

      <OpenInInvenTree webUrl={webUrl} note={webNote} />
    </Card>
  );
}

/**
 * The object's page on the InvenTree server: a big button (a thumb's target), opened in a new tab.
 * Without a page, the quiet `note` says why rather than a button that does nothing.
 */
export function OpenInInvenTree({ webUrl, note }: { webUrl: string | null; note: string | null }) {
  if (!webUrl)
    return note ? (
      <Text size="xs" c="dimmed" mt="sm" data-testid="open-in-inventree-note">
        {note}
      </Text>
    ) : null;
  return (
    <Button
      component="a"
      href={webUrl}
      target="_blank"
      rel="noopener noreferrer"
      mt="md"
      size="md"
      h={48}
      fullWidth
      rightSection={<IconExternalLink size={18} aria-hidden />}
      data-testid="open-in-inventree"
    >
      {i18n.t('ui:object.openInInvenTree')}
      <VisuallyHidden>{i18n.t('ui:object.newTab')}</VisuallyHidden>
    </Button>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span c="dimmed">
        {i18n.t('ui:object.fact', { label })}
      </Text>{' '}
      {value}
    </Text>
  );
}
