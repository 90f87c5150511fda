/**
 * The Move page's effects as API calls (no React): each resolves to the machine's typed answer.
 * Writes go through `submit` (the offline queue in server mode) and are sent once (api/stockOnce).
 */
import { scanBarcode } from '../../api/barcode.ts';
import { settle, type Answer } from '../../api/httpAnswer.ts';
import { getLocation, getStockItem, listTracking, STOCK_PATHS } from '../../api/stock.ts';
import { applyOnce, buildOperation, newOperationId } from '../../api/stockOnce.ts';
import type { Connection } from '../../connection/connectionTypes.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { Queued } from '../../offline/sendOrQueue.ts';
import type { QueueableWrite } from '../../offline/useOfflineWrites.ts';
import { answered } from '../kit/useWorkflow.ts';
import type { MoveEffect, MoveEvent, MoveRow, MoveValue } from './moveMachine.ts';

export interface MoveRunnerIo {
  conn: Connection;
  /** True when a write would go to the offline queue now (server unreachable or queue not empty). */
  offline: () => boolean;
  submit: (write: QueueableWrite, call: () => Promise<MoveValue>) => Promise<Answer<MoveValue> | Queued>;
  locationName: (pk: number) => string;
}

async function transferWhole(conn: Connection, pk: number, location: number, note: string): Promise<void> {
  const item = await getStockItem(conn, pk);
  if (!item) throw new Error(i18n.t('wf-stock-move:undo.itemGone', { pk }));
  const op = buildOperation('transfer', newOperationId(), { items: [{ pk, quantity: item.quantity }], location }, note);
  await applyOnce(conn, op, false);
}

/** Move back: the item moved back whole; after a split, the part split off (found in the original's tracking). */
export async function moveBack(conn: Connection, row: MoveRow): Promise<void> {
  let pk = row.item;
  if (row.split) {
    const entries = (await listTracking(conn, row.item)) ?? [];
    const split = entries.find((e) => e.code === 42 && row.opId !== null && e.notes.includes(row.opId));
    const child = split ? Number(split.deltas.stockitem) : NaN;
    if (!Number.isInteger(child)) throw new Error(i18n.t('wf-stock-move:undo.splitNotFound'));
    pk = child;
  }
  await transferWhole(conn, pk, row.from as number, `undo of ${row.opId ?? 'a move'}`);
}

export async function performMove(effect: MoveEffect, io: MoveRunnerIo): Promise<MoveEvent> {
  const { conn } = io;
  switch (effect.kind) {
    case 'identify': {
      const answer = await settle(
        scanBarcode(conn, effect.barcode).then((r): MoveValue =>
          r.ok && r.match ? { kind: 'match', model: r.match.model, pk: r.match.pk } : { kind: 'noMatch' },
        ),
      );
      return { type: 'answer', to: 'identify', answer };
    }
    case 'readLocation':
      return {
        type: 'answer',
        to: 'readLocation',
        answer: await settle(
          getLocation(conn, effect.pk).then((location): MoveValue => ({ kind: 'location', location })),
        ),
      };
    case 'readItem':
      if (io.offline())
        return { type: 'answer', to: 'readItem', answer: { kind: 'answered', value: { kind: 'unknown' } } };
      return {
        type: 'answer',
        to: 'readItem',
        answer: await settle(getStockItem(conn, effect.pk).then((item): MoveValue => ({ kind: 'item', item }))),
      };
    case 'move': {
      const opId = newOperationId();
      const op = buildOperation('transfer', opId, {
        items: [{ pk: effect.item, quantity: effect.quantity ?? 0 }],
        location: effect.location,
      });
      const write: QueueableWrite = {
        kind: 'stock-transfer',
        path: STOCK_PATHS.transfer,
        // quantity null: the whole item, read when the queue sends it.
        body: {
          items: [{ pk: effect.item, quantity: effect.quantity }],
          location: effect.location,
          notes: op.request.notes,
        },
        barcode: effect.barcode,
        context: i18n.t('wf-stock-move:queue.context', { pk: effect.item, location: io.locationName(effect.location) }),
      };
      const call = async (): Promise<MoveValue> => {
        if (effect.quantity === null) {
          const item = await getStockItem(conn, effect.item);
          const [line] = op.request.items;
          if (line) line.quantity = item?.quantity ?? 1;
        }
        await applyOnce(conn, op, false);
        return { kind: 'moved', opId };
      };
      return answered('move', await io.submit(write, call));
    }
  }
}
