import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useConnection } from '../connection/useConnection.ts';
import { indicatorText, sessionLabel, type SessionTone } from '../connection/sessionLabel.ts';

const COLORS: Record<SessionTone, string> = {
  ok: 'green',
  busy: 'gray',
  'signed-out': 'yellow',
  problem: 'red',
};

/** Where scans go and who is signed in, said truly (connection/sessionLabel.ts); one tap to Settings. */
export function ConnectionIndicator({ compact }: { compact: boolean }) {
  const { t } = useTranslation('app');
  const c = useConnection();
  const where =
    c.mode === 'demo' ? t('indicator.demo') : (c.serverInfo?.instance ?? hostOf(c.serverUrl) ?? t('indicator.server'));
  const facts = {
    mode: c.mode,
    status: c.status,
    username: c.user?.username ?? null,
    diagnosis: c.diagnosis?.code ?? null,
  };
  const label = sessionLabel(facts);
  const text = indicatorText(facts, where, compact);
  return (
    <Tooltip label={t('indicator.tooltip', { where, label: label.text })}>
      <Badge
        component={Link}
        to="/settings"
        color={COLORS[label.tone]}
        variant="light"
        size="lg"
        style={{ cursor: 'pointer', textTransform: 'none', maxWidth: compact ? 260 : 360 }}
        className="touch-target"
        data-testid="connection-indicator"
      >
        {text}
      </Badge>
    </Tooltip>
  );
}

/** The server's host for the badge; null when no address is set. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return url || null;
  }
}
