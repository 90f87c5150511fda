import { useContext } from 'react';
import { OfflineQueueContext, type OfflineQueueValue } from './offlineQueueContext.ts';

/** The offline queue, or null where no provider is mounted (unit tests of single pages). */
export function useOfflineQueue(): OfflineQueueValue | null {
  return useContext(OfflineQueueContext);
}
