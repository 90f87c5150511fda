import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export declare const CONNECTION_KEY: string;
export declare const KIOSK_KEY: string;
export declare const STATION: string;
export declare const IDLE_SECONDS: number;
export declare function simToken(simUrl: string): Promise<string>;
export declare function simBarcodes(simUrl: string): Promise<string[]>;
export declare function openStation(
  context: BrowserContext,
  page: Page,
  options: { appOrigin: string; simUrl: string; token: string },
): Promise<void>;
export declare function stationReady(page: Page, timeout?: number): Promise<void>;
export interface ProbeReading {
  liveTracks: number;
  maxLiveTracks: number;
  gum: number;
  workerReplies: number;
  workersStarted: number;
  accepted: number;
  finals: number;
  viaQueue: number;
  open: number;
  openKeys: string[];
  wedgeRows: number;
  latencies: number[];
  /** When each of `latencies`' scans ended (epoch ms). */
  latencyAt: number[];
  dom: number;
  path: string;
}
export declare function probe(page: Page): Promise<ProbeReading>;
export declare function settle(page: Page, timeout?: number, fresh?: number): Promise<number>;
export declare function settledCounts(
  page: Page,
  timeout?: number,
): Promise<Pick<ProbeReading, 'open' | 'accepted' | 'finals' | 'liveTracks' | 'maxLiveTracks'>>;
export declare function scansAccepted(page: Page, from: number, n: number, timeout?: number): Promise<void>;
export declare function gunBurst(page: Page, codes: string[]): Promise<boolean[]>;
export declare function gunCodes(burst: number, size?: number): string[];
export declare function networkDrop(
  context: BrowserContext,
  page: Page,
  options?: { scans?: number; timeout?: number },
): Promise<boolean>;
export declare function wanderOff(page: Page, simUrl?: string): Promise<{ lost: number; inFlight: number }>;
export declare function sample(
  page: Page,
  cdp: CDPSession,
): Promise<
  ProbeReading & { at: number; heapMB: number; nodes: number; listeners: number; documents: number; idbKB: number }
>;
