/** The React context of the offline queue (filled by OfflineQueueProvider, read by useOfflineQueue). */
import { createContext } from 'react';
import type { NewAction, QueuedAction } from './queueMachine.ts';

export interface OfflineQueueValue {
  /** Every stored action, oldest first. */
  items: QueuedAction[];
  /** The server new actions are meant for ('' outside server mode). */
  server: string;
  /**
   * Should a new action go to the queue instead of straight to the server? Server mode only: when
   * the browser is offline, when earlier actions still wait (order), or while signed out by a 401.
   */
  shouldQueue(): boolean;
  /** Store a new action (with this id, when the caller needs to know it before storing). */
  enqueue(input: NewAction, id?: string): Promise<QueuedAction>;
  retry(id: string): void;
  discard(id: string): void;
  /** Try to send now (e.g. the user pressed "Send now"). */
  sendNow(): void;
}

export const OfflineQueueContext = createContext<OfflineQueueValue | null>(null);
