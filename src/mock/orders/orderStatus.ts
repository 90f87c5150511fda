// Order status codes of InvenTree v291 (PurchaseOrderStatus, SalesOrderStatus) and their groups.

export const PO_STATUS = {
  PENDING: 10,
  PLACED: 20,
  ON_HOLD: 25,
  COMPLETE: 30,
  CANCELLED: 40,
  LOST: 50,
  RETURNED: 60,
} as const;
export const SO_STATUS = {
  PENDING: 10,
  IN_PROGRESS: 15,
  SHIPPED: 20,
  ON_HOLD: 25,
  COMPLETE: 30,
  CANCELLED: 40,
  LOST: 50,
  RETURNED: 60,
} as const;

const PO_TEXT: Record<number, string> = {
  10: 'Pending',
  20: 'Placed',
  25: 'On Hold',
  30: 'Complete',
  40: 'Cancelled',
  50: 'Lost',
  60: 'Returned',
};
const SO_TEXT: Record<number, string> = {
  10: 'Pending',
  15: 'In Progress',
  20: 'Shipped',
  25: 'On Hold',
  30: 'Complete',
  40: 'Cancelled',
  50: 'Lost',
  60: 'Returned',
};

/** PurchaseOrderStatusGroups.OPEN / SalesOrderStatusGroups.OPEN. */
export const PO_OPEN: readonly number[] = [PO_STATUS.PENDING, PO_STATUS.PLACED, PO_STATUS.ON_HOLD];
export const SO_OPEN: readonly number[] = [SO_STATUS.PENDING, SO_STATUS.IN_PROGRESS, SO_STATUS.ON_HOLD];

export function poStatusText(status: number): string {
  return PO_TEXT[status] ?? String(status);
}

export function soStatusText(status: number): string {
  return SO_TEXT[status] ?? String(status);
}
