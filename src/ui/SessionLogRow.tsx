/** One line of the session log: time, source, barcode, what came of it, and its actions. */
import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCamera, IconKeyboard, IconBarcode, IconX } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/useLanguage.ts';
import type { ScanSource } from '../scanner/scanEvent.ts';
import { BarcodeText } from './BarcodeText.tsx';
import { LogRowAction } from './LogRowAction.tsx';
import { visibleText } from '../scanner/visibleText.ts';
import type { SessionLogEntry, SessionLogTone } from './sessionLog.ts';
import { OUTCOME_KEY } from './sessionLogExport.ts';

/** Catalogue keys (ui:sessionLog.source.*) of where a scan came from. */
const SOURCE_KEY = {
  camera: 'sessionLog.source.camera',
  wedge: 'sessionLog.source.wedge',
  manual: 'sessionLog.source.manual',
} as const satisfies Record<ScanSource, string>;
const SOURCE_ICON = { camera: IconCamera, wedge: IconBarcode, manual: IconKeyboard } as const;

const TONE_COLOR: Record<SessionLogTone, string> = {
  pending: 'gray',
  queued: 'orange',
  sending: 'blue',
  success: 'green',
  notFound: 'yellow',
  repeat: 'blue',
  error: 'red',
  info: 'gray',
};

export interface SessionLogRowProps {
  entry: SessionLogEntry;
  onRemove(id: number): void;
  onRetry?(queueId: string): void;
  onDiscard?(queueId: string): void;
  /** Undo or correct what this line's write did (the kit sends it once confirmed). */
  onUndo?(id: number, input: number | null): void;
}

/*
 * The parts of a line that its answer does not change (time and source, barcode, hide button) are
 * memoised apart: resolving "Looking up…" re-renders the outcome only, not the line's two tooltips.
 */
const RowStamp = memo(function RowStamp({ at, source: from }: { at: number; source: ScanSource }) {
  const { t } = useTranslation('ui');
  const { formatTime, formatDateTime } = useFormat();
  const Icon = SOURCE_ICON[from];
  const source = t(SOURCE_KEY[from]);
  return (
    // miw, not w: "02:05:03 PM" and "Getippt" are wider than "14:05:03" and "Typed".
    <Stack gap={0} align="center" miw={64} style={{ flex: '0 0 auto' }}>
      <Text
        size="xs"
        c="dimmed"
        component="time"
        dateTime={new Date(at).toISOString()}
        title={formatDateTime(at)}
        style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}
      >
        {formatTime(at, true)}
      </Text>
      <Tooltip label={source}>
        <Group gap={2} wrap="nowrap">
          <Icon size={14} aria-hidden />
          <Text size="xs">{source}</Text>
        </Group>
      </Tooltip>
    </Stack>
  );
});

const RowBarcode = memo(BarcodeText);

/** Hiding a line changes this list only: it never undoes what the scan did (that is the line's action). */
const HideButton = memo(function HideButton({
  id,
  about,
  onRemove,
}: {
  id: number;
  about: string;
  onRemove(id: number): void;
}) {
  const { t } = useTranslation('ui');
  return (
    <Tooltip label={t('sessionLog.hide')}>
      <ActionIcon
        variant="subtle"
        color="gray"
        onClick={() => onRemove(id)}
        aria-label={t('sessionLog.hideLabel', { about })}
        size="xl"
        data-testid="log-hide"
      >
        <IconX size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  );
});

/**
 * One log line. Memoised: entries are immutable and the callbacks stable, so a new or changed line
 * renders only itself, not the whole growing log (a burst of scans changes the log many times).
 */
export const SessionLogRow = memo(function SessionLogRow({
  entry: e,
  onRemove,
  onRetry,
  onDiscard,
  onUndo,
}: SessionLogRowProps) {
  const { t } = useTranslation('ui');
  const about = visibleText(e.text).slice(0, 60);
  return (
    <Group
      key={e.id}
      component="li"
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      data-testid="session-log-entry"
      data-tone={e.tone}
      py={4}
      style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
    >
      <RowStamp at={e.at} source={e.source} />
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <RowBarcode text={e.text} size="sm" maxLength={160} />
        {/* A long result goes under the badge rather than into a narrow column beside it (phones, German). */}
        <Group gap={6} wrap="wrap">
          <Badge size="sm" color={TONE_COLOR[e.tone]} variant="light" style={{ flex: '0 0 auto' }}>
            {t(OUTCOME_KEY[e.tone])}
          </Badge>
          {e.to ? (
            <Anchor component={Link} to={e.to} size="xs" style={{ overflowWrap: 'anywhere' }} className="touch-target">
              {e.result}
            </Anchor>
          ) : (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="session-log-result">
              {e.result}
            </Text>
          )}
        </Group>
        {e.queueId && e.tone === 'error' && (onRetry || onDiscard) && (
          <Group gap={6} data-testid="queue-actions">
            {onRetry && (
              <Button size="compact-xs" variant="light" onClick={() => onRetry(e.queueId!)}>
                {t('sessionLog.retry')}
              </Button>
            )}
            {onDiscard && (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDiscard(e.queueId!)}>
                {t('sessionLog.discard')}
              </Button>
            )}
          </Group>
        )}
        {e.action && onUndo && (
          <LogRowAction action={e.action} about={about} onConfirm={(input) => onUndo(e.id, input)} />
        )}
      </Stack>
      <HideButton id={e.id} about={about} onRemove={onRemove} />
    </Group>
  );
});
