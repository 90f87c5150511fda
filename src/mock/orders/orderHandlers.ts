// SIM-ORDERS' routes: the three order barcode endpoints, the order list endpoints and the order
// writes. Served through SIM-CORE's router (auth → 401/405 → body parsing → 500 body).
import type { HttpHandler } from 'msw';
import { mswHandlerForRoutes, type RouteHandlerOptions } from '../mswGlue';
import type { Route } from '../router';
import type { Simulation } from '../simulation';
import { poLineDetail, poLineList, purchaseOrderList } from './orderLists';
import {
  allocationDetail,
  allocationList,
  salesOrderList,
  shipmentDetail,
  shipmentList,
  soLineDetail,
  soLineList,
} from './salesOrderLists';
import { createPoLine, createPurchaseOrder, createShipment, issuePurchaseOrder } from './orderWrites';
import { receivePurchaseOrder } from './orderReceive';
import { poAllocate } from './poAllocate';
import { poReceive } from './poReceive';
import { soAllocate } from './soAllocate';
import { deleteAllocation } from './allocationDelete';

const route = (pattern: string, methods: Route['methods']): Route => ({
  pattern,
  permission: 'authenticated',
  methods,
});

/** Detail GETs of purchase and sales orders are SIM-CORE's (the nine barcode models). */
export const orderRoutes: Route[] = [
  route('/api/barcode/po-allocate/', { POST: poAllocate }),
  route('/api/barcode/po-receive/', { POST: poReceive }),
  route('/api/barcode/so-allocate/', { POST: soAllocate }),
  route('/api/order/po/', { GET: purchaseOrderList, POST: createPurchaseOrder }),
  route('/api/order/po/#pk/issue/', { POST: issuePurchaseOrder }),
  route('/api/order/po/#pk/receive/', { POST: receivePurchaseOrder }),
  route('/api/order/po-line/', { GET: poLineList, POST: createPoLine }),
  route('/api/order/po-line/#pk/', { GET: poLineDetail }),
  route('/api/order/so/', { GET: salesOrderList }),
  route('/api/order/so-line/', { GET: soLineList }),
  route('/api/order/so-line/#pk/', { GET: soLineDetail }),
  route('/api/order/so/shipment/', { GET: shipmentList, POST: createShipment }),
  route('/api/order/so/shipment/#pk/', { GET: shipmentDetail }),
  route('/api/order/so-allocation/', { GET: allocationList }),
  route('/api/order/so-allocation/#pk/', { GET: allocationDetail, DELETE: deleteAllocation }),
];

export function orderHandlers(sim: Simulation, options: RouteHandlerOptions = {}): HttpHandler[] {
  return [mswHandlerForRoutes(sim, orderRoutes, options)];
}
