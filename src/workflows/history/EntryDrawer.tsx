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
import { Link } from 'react-router';
import { errorMessage } from '../../api/apiError.ts';
import type { ScanResult } from '../../api/barcode.ts';
import { modelName } from '../../api/models.ts';
import { useScanMutation } from '../../api/queries.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { labelKindHeading, linkOffered } from '../../api/labelKind.ts';
import { endpointLabel, outcomeText, rowLabel, userLabel, type HistoryRow } from './historyView.ts';
import { prettyReadable } from './readableRecord.ts';

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : label}>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

function rescanSentence(r: ScanResult): string {
  if (r.ok) return `Matches ${modelName(r.match.model)} #${r.match.pk} now.`;
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
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position="right"
      size={fullScreen ? '100%' : 'xl'}
      title={row ? `Scan #${row.pk}` : ''}
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
              {row.result ? 'Success' : 'Failed'}
            </Badge>
            <Text size="sm">{outcomeText(row)}</Text>
          </Group>
          <Table withRowBorders={false} verticalSpacing={4}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={110}>Time</Table.Th>
                <Table.Td>{row.timestamp} (server time)</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>User</Table.Th>
                <Table.Td>{userLabel(row)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Workflow</Table.Th>
                <Table.Td>
                  {endpointLabel(row.endpoint)} <Code>{row.endpoint ?? '—'}</Code>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Barcode</Table.Th>
                <Table.Td>
                  <Group gap={4} wrap="nowrap" align="flex-start">
                    <BarcodeText
                      text={row.data}
                      size="sm"
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="history-drawer-barcode"
                    />
                    <CopyIcon value={row.data} label="Copy barcode" />
                  </Group>
                  <Text size="xs" c="dimmed">
                    {row.data.length} characters
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
              Scan again
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
                Link this barcode
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
                Delete
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

          <Section title="Context (request)" text={context} />
          <Section title="Response" text={response} />
          <Anchor size="xs" c="dimmed" component="span">
            Python reprs stored by InvenTree are shown as structured values; barcode data is shown exactly as stored.
          </Anchor>
        </Stack>
      )}
    </Drawer>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <CopyIcon value={text} label={`Copy ${title.toLowerCase()}`} />
      </Group>
      <ScrollArea.Autosize mah={320} type="auto">
        <Code block data-testid={`history-drawer-${(title.split(' ')[0] ?? title).toLowerCase()}`}>
          {text}
        </Code>
      </ScrollArea.Autosize>
    </Stack>
  );
}
