/** Settings: one line summing up the server check once signed in, with a link to /health. */
import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../../i18n/format.ts';
import { STATUS_COLOR } from './ServerCheckPanel.tsx';
import { useServerCheck } from './useServerCheck.ts';

export function ServerCheckSummary() {
  const check = useServerCheck();
  const { t } = useTranslation('health');
  if (!check.signedIn) return null;
  const notReady = check.sections.flatMap((s) => s.lines).filter((l) => l.status === 'not-ready');
  return (
    <Card withBorder padding="md" radius="md" data-testid="server-check-summary">
      <Title order={2} size="h3" mb="xs">
        {t('check.title')}
      </Title>
      <Group gap="xs" mb="xs">
        <Badge color={STATUS_COLOR.ready} variant="light">
          {t('summary.ready', { count: check.counts.ready })}
        </Badge>
        <Badge color={STATUS_COLOR['not-ready']} variant="light">
          {t('summary.notReady', { count: check.counts['not-ready'] })}
        </Badge>
        <Badge color={STATUS_COLOR.unknown} variant="light">
          {t('summary.unknown', { count: check.counts.unknown })}
        </Badge>
      </Group>
      {notReady.length > 0 && (
        <Text size="sm">{t('summary.notReadyList', { list: formatList(notReady.map((l) => l.label)) })}</Text>
      )}
      <Anchor component={Link} to="/health" size="sm" className="touch-target">
        {t('summary.details')}
      </Anchor>
    </Card>
  );
}
