/**
 * Server check on /health: what will work on this server for the signed-in user (read-only, safe
 * on a production server). Each line: ready / not ready / unknown, and for not ready what an
 * admin changes.
 */
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CheckLine, CheckStatus } from '../../api/serverCheck.ts';
import { useTranslation } from 'react-i18next';
import { useServerCheck } from './useServerCheck.ts';

/** The status word's catalogue key (health:status.*). */
export const STATUS_KEY = { ready: 'ready', 'not-ready': 'notReady', unknown: 'unknown' } as const satisfies Record<
  CheckStatus,
  string
>;
export const STATUS_COLOR: Record<CheckStatus, string> = { ready: 'green', 'not-ready': 'red', unknown: 'gray' };

function Line({ line }: { line: CheckLine }) {
  const { t } = useTranslation('health');
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid={`check-${line.id}`} data-status={line.status}>
      <Badge color={STATUS_COLOR[line.status]} variant="light" miw={96} style={{ flexShrink: 0 }}>
        {t(`status.${STATUS_KEY[line.status]}`)}
      </Badge>
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text fw={600} size="sm">
          {line.label}
        </Text>
        <Text size="sm">{line.detail}</Text>
        {line.fix && line.status !== 'ready' && (
          <Text size="sm" c="dimmed">
            {t('check.adminChanges', { fix: line.fix })}
          </Text>
        )}
      </Stack>
    </Group>
  );
}

export function ServerCheckPanel() {
  const check = useServerCheck();
  const { t } = useTranslation('health');
  return (
    <Paper withBorder p="md" radius="md" data-testid="server-check" aria-busy={check.checking}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('check.title')}
          </Title>
          <Button variant="default" onClick={check.recheck} loading={check.checking} data-testid="server-check-again">
            {t('check.again')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('check.intro')}
        </Text>
        {check.sections.map((section) => (
          <Stack key={section.id} gap="xs" data-testid={`check-section-${section.id}`}>
            <Title order={3} size="h4">
              {section.title}
            </Title>
            {section.lines.map((line) => (
              <Line key={line.id} line={line} />
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
