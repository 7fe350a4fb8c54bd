import { and, asc, desc, eq, inArray, max, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { type ContractRow, requireOwnedContract } from '../contracts/index.ts';
import { maintenanceRecords, protectionProducts, workOrderLines, workOrders } from './tables.ts';

export type ProductRow = typeof protectionProducts.$inferSelect;
export type WorkOrderRow = typeof workOrders.$inferSelect;
export type WorkOrderLineRow = typeof workOrderLines.$inferSelect;
export type MaintenanceRow = typeof maintenanceRecords.$inferSelect;

export async function productsOfContract(db: Db, contractId: number): Promise<ProductRow[]> {
  return db
    .select()
    .from(protectionProducts)
    .where(eq(protectionProducts.contractId, contractId))
    .orderBy(asc(protectionProducts.purchaseDate), asc(protectionProducts.id));
}

/** One product of the contract, or 404 (another contract's product looks like a missing one). */
export async function requireProductOfContract(
  db: Db,
  contractId: number,
  productPublicId: string,
  lock = false,
): Promise<ProductRow> {
  const query = db
    .select()
    .from(protectionProducts)
    .where(
      and(eq(protectionProducts.contractId, contractId), eq(protectionProducts.publicId, productPublicId)),
    );
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('product');
  return row;
}

/**
 * The best known odometer: the vehicle record, or a later reading from a work order or a
 * maintenance record (the leasing context owns mileage entries; this module only reads its own).
 */
export async function currentOdometer(
  db: Db,
  contract: ContractRow,
  vehicleOdometer: number,
): Promise<number> {
  const [fromOrders] = await db
    .select({ miles: max(workOrders.odometer) })
    .from(workOrders)
    .where(and(eq(workOrders.contractId, contract.id), ne(workOrders.status, 'cancelled')));
  const [fromRecords] = await db
    .select({ miles: max(maintenanceRecords.odometer) })
    .from(maintenanceRecords)
    .where(eq(maintenanceRecords.contractId, contract.id));
  return Math.max(vehicleOdometer, fromOrders?.miles ?? 0, fromRecords?.miles ?? 0);
}

/** The signed-in customer's contract with its vehicle and best odometer, or 404. */
export async function ownedContractWithOdometer(db: Db, customerId: number | null, accountId: string) {
  const owned = await requireOwnedContract(db, customerId, accountId);
  const odometer = await currentOdometer(db, owned.contract, owned.vehicle.odometer);
  return { ...owned, odometer };
}

export async function workOrdersOfContract(db: Db, contractId: number): Promise<WorkOrderRow[]> {
  return db
    .select()
    .from(workOrders)
    .where(eq(workOrders.contractId, contractId))
    .orderBy(desc(workOrders.openedOn), desc(workOrders.id));
}

export async function linesOf(db: Db, workOrderIds: number[]): Promise<WorkOrderLineRow[]> {
  if (workOrderIds.length === 0) return [];
  return db
    .select()
    .from(workOrderLines)
    .where(inArray(workOrderLines.workOrderId, workOrderIds))
    .orderBy(asc(workOrderLines.workOrderId), asc(workOrderLines.position));
}

export async function maintenanceOfContract(db: Db, contractId: number): Promise<MaintenanceRow[]> {
  return db
    .select()
    .from(maintenanceRecords)
    .where(eq(maintenanceRecords.contractId, contractId))
    .orderBy(asc(maintenanceRecords.performedOn), asc(maintenanceRecords.id));
}
