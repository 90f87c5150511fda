/** Failed scans grouped by barcode, newest window: a barcode that never matched can be linked once. */
import { Button, Stack, Table, Text } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { groupFailures, groupSentence } from './historyView.ts';
import { useHistoryWindow } from './useHistoryData.ts';

const GROUP_WINDOW = 1000;

export function FailureGroups() {
  const failures = useHistoryWindow(false, GROUP_WINDOW, true);
  const successes = useHistoryWindow(true, GROUP_WINDOW, true);
  const groups = useMemo(
    () => groupFailures(failures.data?.results ?? [], successes.data?.results ?? []),
    [failures.data, successes.data],
  );
  if (failures.error) return <ErrorAlert error={failures.error} title="Could not load failed scans" />;
  return (
    <Stack gap="xs" data-testid="history-groups">
      <Text size="xs" c="dimmed">
        The newest {GROUP_WINDOW.toLocaleString('en')} failed scans, grouped by barcode. A barcode that never matched
        can be linked to its item once.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Barcode</Table.Th>
              <Table.Th>Seen</Table.Th>
              <Table.Th>Last seen</Table.Th>
              <Table.Th>Where · who</Table.Th>
              <Table.Th>Last outcome</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((g) => (
              <Table.Tr key={g.data} data-testid="history-group">
                <Table.Td maw={280}>
                  <BarcodeText text={g.data} size="xs" maxLength={80} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {groupSentence(g)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{g.lastSeen}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {g.endpoints.join(', ')} · {g.users.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{g.lastError}</Text>
                </Table.Td>
                <Table.Td>
                  {g.unmatched && g.data.trim() !== '' && (
                    <Button
                      component={Link}
                      to={`/link?barcode=${encodeURIComponent(g.data)}`}
                      size="xs"
                      variant="light"
                      leftSection={<IconLink size={14} />}
                    >
                      Link
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
            {groups.length === 0 && !failures.isLoading && (
              <Table.Tr>
                <Table.Td colSpan={6}>
                  <Text size="sm" c="dimmed">
                    No failed scans recorded.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
