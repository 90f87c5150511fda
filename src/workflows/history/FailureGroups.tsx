/**
 * Failed scans grouped by barcode, newest window, in sections by what the label is (foreign codes,
 * retail codes, InvenTree labels, supplier labels, …): Link is offered only where linking helps.
 */
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { KIND_GROUPS, labelKindHeading } from '../../api/labelKind.ts';
import { BarcodeText } from '../../ui/BarcodeText.tsx';
import { useFormat } from '../../i18n/useLanguage.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { groupLinkOffered, sectionsByKind, type KindSection } from './historyKinds.ts';
import { groupFailures, groupSentence, serverWallClock } from './historyView.ts';
import { useHistoryWindow } from './useHistoryData.ts';

const GROUP_WINDOW = 1000;

export function FailureGroups() {
  const { t } = useTranslation('wf-history');
  const failures = useHistoryWindow(false, GROUP_WINDOW, true);
  const successes = useHistoryWindow(true, GROUP_WINDOW, true);
  const sections = useMemo(
    () => sectionsByKind(groupFailures(failures.data?.results ?? [], successes.data?.results ?? [])),
    [failures.data, successes.data],
  );
  if (failures.error) return <ErrorAlert error={failures.error} title={t('groups.loadError')} />;
  return (
    <Stack gap="md" data-testid="history-groups">
      <Text size="xs" c="dimmed">
        {t('groups.intro', { count: GROUP_WINDOW })}
      </Text>
      {sections.map((s) => (
        <KindTable key={s.kind} section={s} />
      ))}
      {sections.length === 0 && !failures.isLoading && (
        <Text size="sm" c="dimmed">
          {t('groups.none')}
        </Text>
      )}
    </Stack>
  );
}

function KindTable({ section }: { section: KindSection }) {
  const { t } = useTranslation('wf-history');
  const { formatDateTime } = useFormat();
  const count = section.groups.length;
  // Title and hint are the api catalogue's (read now, in the current language).
  const names = KIND_GROUPS.find((k) => k.kind === section.kind);
  const shownTime = (ts: string) => {
    const d = serverWallClock(ts);
    return d ? formatDateTime(d) : ts;
  };
  return (
    <Stack gap={4} data-testid="history-kind-section" data-kind={section.kind}>
      <Title order={2} size="h4">
        {t('groups.section', { title: names?.title ?? section.kind, count })}
      </Title>
      <Text size="xs" c="dimmed">
        {names?.hint}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('groups.barcode')}</Table.Th>
              <Table.Th>{t('groups.what')}</Table.Th>
              <Table.Th>{t('groups.seen')}</Table.Th>
              <Table.Th>{t('groups.lastSeen')}</Table.Th>
              <Table.Th>{t('groups.whereWho')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {section.groups.map((g) => (
              <Table.Tr key={g.data} data-testid="history-group" data-kind={g.label.kind}>
                <Table.Td maw={260}>
                  <BarcodeText text={g.data} size="xs" maxLength={80} />
                </Table.Td>
                <Table.Td maw={320}>
                  {g.label.kind !== 'unanswered' && (
                    <Text size="sm" fw={600} data-testid="history-group-kind">
                      {labelKindHeading(g.label)}
                    </Text>
                  )}
                  {/* The server's own text, as sent. */}
                  <Text size="xs" c="dimmed">
                    {g.lastError}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {groupSentence(g)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {shownTime(g.lastSeen)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {g.endpoints.join(', ')} · {g.users.join(', ')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {groupLinkOffered(g) && (
                    <Button
                      component={Link}
                      to={`/link?barcode=${encodeURIComponent(g.data)}`}
                      size="sm"
                      mih={44}
                      variant="light"
                      leftSection={<IconLink size={16} aria-hidden />}
                      data-testid="history-group-link"
                    >
                      {t('groups.link')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
