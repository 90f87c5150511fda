/**
 * Deleting scan history, planned as data: what a delete will remove (and so what the confirmation
 * says), and the requests that do it. Pure apart from the injected senders, so it is unit-tested.
 */
import { ApiError } from '../../api/apiError.ts';
import type { HistoryBulkDelete } from '../../api/barcode.ts';

/** What a pending delete will remove, and how it is asked for. */
export type DeletePlan =
  | { kind: 'one'; pk: number; count: 1 }
  | { kind: 'items'; items: number[]; count: number }
  | { kind: 'filters'; filters: Record<string, string | number | boolean>; count: number }
  /** No filter at all: InvenTree needs items or filters, so "everything" is result=true plus result=false. */
  | { kind: 'everything'; count: number };

export interface MatchingScans {
  /** Scans matching the view, as the server counted them. */
  total: number;
  /** When the text filter ran in the app: every matching row's id. */
  hitPks: number[] | null;
  /** The view's filters as the server's bulk delete takes them. */
  filters: Record<string, string | number | boolean>;
}

/** "Delete all matching": the ids found in the app, else the server's filters, else everything. */
export function planDeleteMatching({ total, hitPks, filters }: MatchingScans): DeletePlan | null {
  if (total === 0) return null;
  if (hitPks) return { kind: 'items', items: hitPks, count: hitPks.length };
  if (Object.keys(filters).length === 0) return { kind: 'everything', count: total };
  return { kind: 'filters', filters, count: total };
}

export function planDeleteSelected(pks: readonly number[]): DeletePlan {
  return { kind: 'items', items: [...pks], count: pks.length };
}

/**
 * InvenTree's answer to a bulk delete that matched nothing: 400 `{"non_field_errors": "No items
 * found to delete"}` (v291). Recognised by the mapped field error, not by searching the body's text.
 */
export function isNothingToDelete(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 400 &&
    (error.fieldErrors.non_field_errors ?? []).some((m) => /^No items found to delete\.?$/i.test(m))
  );
}

export interface DeleteSenders {
  one(pk: number): Promise<unknown>;
  bulk(body: HistoryBulkDelete): Promise<unknown>;
}

/**
 * What a failed delete left behind: nothing deleted (the server answered no), an unknown outcome
 * (the app gave up waiting, or the connection broke, after the server may have deleted), or part
 * deleted ("everything" is two requests and the first was done).
 */
export type DeleteOutcome = 'nothing' | 'unknown' | 'some';

export class DeleteFailure extends Error {
  constructor(
    readonly outcome: DeleteOutcome,
    readonly error: unknown,
  ) {
    super(error instanceof Error ? error.message : 'The delete failed.');
    this.name = 'DeleteFailure';
  }
}

/** No answer to a request the server may have received and carried out. */
export function mayHaveActed(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'timeout' || error.kind === 'network') return true;
  // A gateway that gave up waiting (502/504) does not know what the server behind it did.
  return error.kind === 'http' && (error.status === 502 || error.status === 504);
}

/** Send the plan's requests. "Everything" is two halves; a half with nothing in it is fine. */
export async function runDeletePlan(plan: DeletePlan, send: DeleteSenders): Promise<void> {
  let done = 0;
  try {
    if (plan.kind === 'one') await send.one(plan.pk);
    else if (plan.kind === 'items') await send.bulk({ items: plan.items });
    else if (plan.kind === 'filters') await send.bulk({ filters: plan.filters });
    else {
      for (const result of [true, false]) {
        try {
          await send.bulk({ filters: { result } });
        } catch (e) {
          if (!isNothingToDelete(e)) throw e;
        }
        done += 1;
      }
    }
  } catch (e) {
    throw new DeleteFailure(mayHaveActed(e) ? 'unknown' : done > 0 ? 'some' : 'nothing', e);
  }
}
