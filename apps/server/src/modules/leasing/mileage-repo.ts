import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { dealers } from '../dealers/tables.ts';
import { odometerReadings } from './tables.ts';

/** The readings of a lease, newest first, with the servicing dealer's name. */
export async function listReadings(db: Db, contractId: number) {
  return db
    .select({
      publicId: odometerReadings.publicId,
      readingDate: odometerReadings.readingDate,
      odometer: odometerReadings.odometer,
      source: odometerReadings.source,
      dealerName: dealers.name,
    })
    .from(odometerReadings)
    .leftJoin(dealers, eq(dealers.id, odometerReadings.dealerId))
    .where(eq(odometerReadings.contractId, contractId))
    .orderBy(desc(odometerReadings.readingDate), desc(odometerReadings.odometer), desc(odometerReadings.id));
}

export type ReadingRow = Awaited<ReturnType<typeof listReadings>>[number];
