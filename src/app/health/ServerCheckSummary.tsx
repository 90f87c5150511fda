/** Settings: one line summing up the server check once signed in, with a link to /health. */
import { Anchor, Badge, Card, Group, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { STATUS_COLOR } from './ServerCheckPanel.tsx';
import { useServerCheck } from './useServerCheck.ts';

export function ServerCheckSummary() {
  const check = useServerCheck();
  if (!check.signedIn) return null;
  const notReady = check.sections.flatMap((s) => s.lines).filter((l) => l.status === 'not-ready');
  return (
    <Card withBorder padding="md" radius="md" data-testid="server-check-summary">
      <Title order={2} size="h3" mb="xs">
        Server check
      </Title>
      <Group gap="xs" mb="xs">
        <Badge color={STATUS_COLOR.ready} variant="light">
          {check.counts.ready} ready
        </Badge>
        <Badge color={STATUS_COLOR['not-ready']} variant="light">
          {check.counts['not-ready']} not ready
        </Badge>
        <Badge color={STATUS_COLOR.unknown} variant="light">
          {check.counts.unknown} unknown
        </Badge>
      </Group>
      {notReady.length > 0 && <Text size="sm">Not ready: {notReady.map((l) => l.label).join(', ')}.</Text>}
      <Anchor component={Link} to="/health" size="sm" className="touch-target">
        Details and what an admin changes
      </Anchor>
    </Card>
  );
}
