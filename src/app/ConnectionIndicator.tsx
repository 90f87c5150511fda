import { Badge, Tooltip } from '@mantine/core';
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
  const c = useConnection();
  const where = c.mode === 'demo' ? 'Demo' : (c.serverInfo?.instance ?? hostOf(c.serverUrl));
  const facts = {
    mode: c.mode,
    status: c.status,
    username: c.user?.username ?? null,
    diagnosis: c.diagnosis?.code ?? null,
  };
  const label = sessionLabel(facts);
  const text = indicatorText(facts, where, compact);
  return (
    <Tooltip label={`${where}: ${label.text}. Open connection settings.`}>
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

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url || 'Server';
  }
}
