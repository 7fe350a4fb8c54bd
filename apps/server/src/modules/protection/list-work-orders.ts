import type { WorkOrderList } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { requireOwnedContract } from '../contracts/index.ts';
import { workOrdersOfContract } from './repo.ts';
import { toWorkOrders } from './to-work-order.ts';

/** The account's work orders, newest first (a vehicle has a handful a year: no paging). */
export async function listWorkOrders(
  db: Db,
  input: { customerId: number | null; accountId: string },
): Promise<WorkOrderList> {
  const owned = await requireOwnedContract(db, input.customerId, input.accountId);
  const rows = await workOrdersOfContract(db, owned.contract.id);
  return { data: await toWorkOrders(db, rows, owned.contract.publicId) };
}
