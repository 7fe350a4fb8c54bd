import { and, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
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

/**
 * The signed-in customer's own contract, or 404: someone else's account (or a principal with no
 * customer) is indistinguishable from one that does not exist.
 */
export async function requireOwnedContract(db: Db, customerId: number | null, publicId: string) {
  const found = customerId === null ? undefined : await findContractOfCustomer(db, customerId, publicId);
  if (!found) throw new NotFoundError('account');
  return found;
}
