import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { contracts, vehicles } from './tables.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type VehicleRow = typeof vehicles.$inferSelect;

const ownedBy = (customerId: number) =>
  or(eq(contracts.customerId, customerId), eq(contracts.coCustomerId, customerId));

/** Contracts where the customer is the buyer/lessee or the co-buyer. */
export async function findContractsOfCustomer(db: Db, customerId: number) {
  return db
    .select({ contract: contracts, vehicle: vehicles })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .where(ownedBy(customerId))
    .orderBy(contracts.contractDate, contracts.id);
}

/** One contract, only if the customer is a party to it: ownership is part of the query. */
export async function findContractOfCustomer(db: Db, customerId: number, publicId: string) {
  const rows = await db
    .select({ contract: contracts, vehicle: vehicles })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .where(and(eq(contracts.publicId, publicId), ownedBy(customerId)))
    .limit(1);
  return rows[0];
}
