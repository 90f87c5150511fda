import { useContext } from 'react';
import { ConnectionContext, type ConnectionContextValue } from './connectionContext.ts';

/** The connection state and actions. Must be used inside <ConnectionProvider>. */
export function useConnection(): ConnectionContextValue {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection() must be used inside <ConnectionProvider>');
  return value;
}
