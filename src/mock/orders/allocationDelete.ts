// DELETE /api/order/so-allocation/{id}/ (SalesOrderAllocationDetail, a RetrieveUpdateDestroyAPI in
// order/api.py): DRF checks the role first (RolePermission and DjangoModelPermissions: the user
// needs `delete` on salesorderallocation, i.e. the sales_order role's delete), then finds the row
// (404 "Not found."), then deletes it: 204, empty body. The model has no delete rule of its own.
import { emptyResponse, jsonResponse, type ApiRequest, type ApiResponse } from '../apiTypes';
import { hasModelPermission } from '../auth';
import type { Simulation } from '../simulation';
import { NOT_FOUND } from './orderListFilters';
import { deallocateStock } from './stockAllocation';

const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };

export function deleteAllocation(req: ApiRequest, sim: Simulation): ApiResponse {
  if (!req.user || !hasModelPermission(sim.store, req.user, 'salesorderallocation', 'delete'))
    return jsonResponse(403, FORBIDDEN);
  const allocation = sim.store.soAllocations.get(Number(req.params.pk));
  if (!allocation) return jsonResponse(404, NOT_FOUND);
  deallocateStock(sim, allocation);
  return emptyResponse(204);
}
