import type { IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { contracts, vehicles } from '../contracts/index.ts';
import { leaseOf } from './lease-terms.ts';
import { recordReading } from './record-odometer.ts';

/**
 * A reading taken by a dealer's service department (from its repair order), for the dealer
 * service API to come and for the demo seed. Same checks as a lessee's own reading.
 */
export async function recordServiceReading(
  db: Db,
  input: { contractId: number; dealerId: number; odometer: number; date: IsoDate },
  businessDate: IsoDate,
): Promise<{ id: string }> {
  const [row] = await db
    .select({ contract: contracts, vehicle: vehicles })
    .from(contracts)
    .innerJoin(vehicles, eq(vehicles.id, contracts.vehicleId))
    .where(eq(contracts.id, input.contractId))
    .limit(1);
  if (!row) throw new NotFoundError('account');
  const lease = await leaseOf(db, row);
  return recordReading(
    db,
    lease,
    { odometer: input.odometer, date: input.date, source: 'dealer_service', dealerId: input.dealerId },
    businessDate,
  );
}
