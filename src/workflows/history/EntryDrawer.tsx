/** One scan in full: when, who, the barcode exactly as stored, the stored request and response, scan again, link, delete. */
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Drawer,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconLink, IconScan, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../api/apiError.ts';
import type { ScanResult } from '../../api/barcode.ts';
import { modelName } from '../../api/models.ts';
import { useScanMutation } from '../../api/queries.ts';
import { i18n } from '../../i18n/i18n.ts';
import { useFormat } from '../../i18n/useLanguage.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { labelKindHeading, linkOffered } from '../../api/labelKind.ts';
import { endpointLabel, outcomeText, rowLabel, serverWallClock, userLabel, type HistoryRow } from './historyView.ts';
import { prettyReadable } from './readableRecord.ts';

function CopyIcon({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation('wf-history');
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('drawer.copied') : label}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function rescanSentence(r: ScanResult): string {
  if (r.ok) return i18n.t('wf-history:drawer.matchesNow', { model: modelName(r.match.model), pk: r.match.pk });
  return r.message;
}

export function EntryDrawer({
  row,
  onClose,
  isStaff,
  fullScreen,
  onDelete,
}: {
  row: HistoryRow | null;
  onClose: () => void;
  isStaff: boolean;
  fullScreen: boolean;
  onDelete: (pk: number) => void;
}) {
  const { t } = useTranslation('wf-history');
  const { formatDateTime } = useFormat();
  const scan = useScanMutation();
  const [rescanned, setRescanned] = useState<{ pk: number; text: string; ok: boolean } | null>(null);
  const context = row ? prettyReadable(row.context) : '';
  const response = row ? prettyReadable(row.response) : '';
  const again = async () => {
    if (!row) return;
    try {
      const r = await scan.mutateAsync(row.data);
      setRescanned({ pk: row.pk, text: rescanSentence(r), ok: r.ok });
    } catch (e) {
      setRescanned({ pk: row.pk, text: errorMessage(e), ok: false });
    }
  };
  const shownRescan = rescanned && row && rescanned.pk === row.pk ? rescanned : null;
  // What the label is, said before the server's sentence; Link only where linking helps.
  const label = row ? rowLabel(row) : null;
  const at = row ? serverWallClock(row.timestamp) : null;
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size={fullScreen ? '100%' : 'xl'}
      title={row ? t('drawer.title', { pk: row.pk }) : ''}
      data-testid="history-drawer"
    >
      {row && (
        <Stack gap="sm">
          {label && label.kind !== 'unanswered' && (
            <Text size="sm" fw={600} data-testid="history-drawer-kind">
              {labelKindHeading(label)}
            </Text>
          )}
          <Group gap="xs">
            <Badge color={row.result ? 'teal' : 'red'} variant="light">
              {row.result ? t('table.success') : t('table.failed')}
            </Badge>
            <Text size="sm">{outcomeText(row)}</Text>
          </Group>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={110}>{t('drawer.time')}</Table.Th>
                <Table.Td>{t('drawer.serverTime', { time: at ? formatDateTime(at) : row.timestamp })}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('drawer.user')}</Table.Th>
                <Table.Td>{userLabel(row)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('drawer.workflow')}</Table.Th>
                <Table.Td>
                  {endpointLabel(row.endpoint)} <Code>{row.endpoint ?? '—'}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('drawer.barcode')}</Table.Th>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <BarcodeText
                      text={row.data}
                      size="sm"
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="history-drawer-barcode"
                    />
                    <CopyIcon value={row.data} label={t('drawer.copyBarcode')} />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('drawer.characters', { count: row.data.length })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>

          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconScan size={14} />}
              onClick={() => void again()}
              loading={scan.isPending}
              disabled={!row.data.trim()}
              data-testid="history-scan-again"
            >
              {t('drawer.scanAgain')}
            </Button>
            {!row.result && label && linkOffered(label) && row.data.trim() && (
              <Button
                component={Link}
                to={`/link?barcode=${encodeURIComponent(row.data)}`}
                size="xs"
                variant="light"
                leftSection={<IconLink size={14} />}
                data-testid="history-link"
              >
                {t('drawer.link')}
              </Button>
            )}
            {isStaff && (
              <Button
                size="xs"
                color="red"
                variant="light"
                leftSection={<IconTrash size={14} />}
                onClick={() => onDelete(row.pk)}
                data-testid="history-delete-one"
              >
                {t('drawer.delete')}
              </Button>
            )}
          </Group>
          {shownRescan && (
            <Alert
              color={shownRescan.ok ? 'teal' : 'orange'}
              variant="light"
              icon={shownRescan.ok ? <IconCheck /> : <IconX />}
              data-testid="history-rescan-result"
            >
              {shownRescan.text}
            </Alert>
          )}

          <Section id="context" title={t('drawer.context')} copyLabel={t('drawer.copyContext')} text={context} />
          <Section id="response" title={t('drawer.response')} copyLabel={t('drawer.copyResponse')} text={response} />
          <Anchor size="xs" c="dimmed" component="span">
            {t('drawer.reprNote')}
          </Anchor>
        </Stack>
      )}
    </Drawer>
  );
}

function Section({ id, title, copyLabel, text }: { id: string; title: string; copyLabel: string; text: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <CopyIcon value={text} label={copyLabel} />
      </Group>
      <ScrollArea.Autosize mah={320} type="auto">
        <Code block data-testid={`history-drawer-${id}`}>
          {text}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}
