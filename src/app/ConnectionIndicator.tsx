import { Badge, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useConnection } from '../connection/useConnection.ts';
import type { ConnectionStatus } from '../connection/connectionContext.ts';

const COLORS: Record<ConnectionStatus, string> = {
  connecting: 'gray',
  'signed-in': 'green',
  'signed-out': 'yellow',
  expired: 'orange',
  error: 'red',
};

/** Where scans go and who is signed in, one tap from the connection settings. */
export function ConnectionIndicator({ compact }: { compact: boolean }) {
  const c = useConnection();
  const where = c.mode === 'demo' ? 'Demo' : (c.serverInfo?.instance ?? hostOf(c.serverUrl));
  const who =
    c.status === 'signed-in' && c.user
      ? c.user.username
      : c.status === 'connecting'
        ? 'connecting…'
        : c.status === 'expired'
          ? 'sign in again'
          : c.status === 'error'
            ? 'not connected'
            : 'signed out';
  const text = compact ? (c.mode === 'demo' ? `Demo · ${who}` : who) : `${where} · ${who}`;
  return (
    <Tooltip label={`${where}: ${who}. Open connection settings.`}>
      <Badge
        component={Link}
        to="/settings"
        color={COLORS[c.status]}
        variant="light"
        size="lg"
        style={{ cursor: 'pointer', textTransform: 'none', maxWidth: compact ? 170 : 320 }}
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
