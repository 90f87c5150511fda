// Shared by the BEHAVIOUR.md section 5 case files (barcodeBehaviour*.test.ts): the endpoints, user U
// on fixtures FX, and a scan as a client reads it.
import { applyFx, userU } from './fixtures';
import { useSimulation, type Harness } from './simHarness';

// Response bodies are read field by field, as a client would; `any` keeps the assertions short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Body = Record<string, any>;

export const SCAN = '/api/barcode/';
export const GENERATE = '/api/barcode/generate/';
export const LINK = '/api/barcode/link/';
export const UNLINK = '/api/barcode/unlink/';
export const HISTORY = '/api/barcode/history/';

export interface BarcodeCases {
  h: Harness;
  /** Fixtures FX applied; the authorization of user U with these roles. */
  fx(roles?: Parameters<typeof userU>[1]): string;
  scan(barcode: unknown, auth: string): Promise<{ status: number; body: Body }>;
}

/** One simulation per test (useSimulation), with the case helpers bound to it. */
export function useBarcodeCases(): BarcodeCases {
  const h = useSimulation();
  return {
    h,
    fx(roles) {
      applyFx(h.sim);
      return userU(h.sim, roles).authorization;
    },
    async scan(barcode, auth) {
      const response = await h.post(SCAN, { barcode }, auth);
      return { status: response.status, body: response.body as Body };
    },
  };
}
