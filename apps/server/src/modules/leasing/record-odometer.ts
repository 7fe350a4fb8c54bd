import type { MileageEntry } from '@marque/contracts';
import { compareDates, daysBetween, type IsoDate } from '@marque/finance';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { vehicles } from '../contracts/index.ts';
import type { LeaseContract } from './lease-terms.ts';
import { odometerReadings } from './tables.ts';

/**
 * How far a reading may run ahead of the previous one: 500 miles a day on average (a long road
 * trip every day) plus 1,000 miles of slack. Beyond that it is a typo, not driving.
 */
export const MAX_MILES_PER_DAY = 500;
export const READING_SLACK_MILES = 1_000;

const invalid = (field: string, code: string, message: string) =>
  new BusinessRuleError(code, message, [{ field, code, message }]);

export interface ReadingToRecord {
  odometer: number;
  date: IsoDate;
  source: 'customer' | 'dealer_service';
  dealerId?: number;
  userId?: number;
}

/**
 * Records an odometer reading after checking it against the readings around it: never lower
 * than an earlier one (odometers do not run backwards), never higher than a later one, and not
 * absurdly far ahead of the last. The vehicle's last known odometer follows the newest reading.
 */
export async function recordReading(
  db: Db,
  lease: LeaseContract,
  reading: ReadingToRecord,
  businessDate: IsoDate,
): Promise<{ id: string }> {
  const { contract } = lease;
  if (compareDates(reading.date, businessDate) > 0) {
    throw invalid('date', 'reading_date_in_future', 'The reading date cannot be after today.');
  }
  if (compareDates(reading.date, contract.contractDate) < 0) {
    throw invalid('date', 'reading_date_before_lease', 'The reading date cannot be before the lease began.');
  }
  return inTransaction(db, async (tx) => {
    const rows = await tx
      .select({ date: odometerReadings.readingDate, odometer: odometerReadings.odometer })
      .from(odometerReadings)
      .where(eq(odometerReadings.contractId, contract.id))
      .for('update');
    const before = rows.filter((r) => compareDates(r.date, reading.date) <= 0);
    const after = rows.filter((r) => compareDates(r.date, reading.date) > 0);
    const last = before.reduce(
      (a, r) => (compareDates(r.date, a.date) > 0 || (r.date === a.date && r.odometer > a.odometer) ? r : a),
      { date: contract.contractDate, odometer: lease.deliveryOdometer },
    );
    if (reading.odometer < last.odometer) {
      throw invalid(
        'odometer',
        'odometer_below_last_reading',
        `The odometer cannot be lower than the last reading (${last.odometer} miles on ${last.date}).`,
      );
    }
    const days = Math.max(1, daysBetween(last.date, reading.date));
    const ceiling = last.odometer + days * MAX_MILES_PER_DAY + READING_SLACK_MILES;
    if (reading.odometer > ceiling || after.some((r) => r.odometer < reading.odometer)) {
      throw invalid(
        'odometer',
        'odometer_implausible',
        'That reading is far higher than expected since the last one. Check the number on the dashboard.',
      );
    }
    const publicId = newId('odo');
    await tx.insert(odometerReadings).values({
      publicId,
      contractId: contract.id,
      readingDate: reading.date,
      odometer: reading.odometer,
      source: reading.source,
      dealerId: reading.dealerId ?? null,
      recordedByUserId: reading.userId ?? null,
    });
    await tx
      .update(vehicles)
      .set({ odometer: reading.odometer, odometerDate: reading.date })
      .where(
        and(
          eq(vehicles.id, contract.vehicleId),
          lte(vehicles.odometerDate, reading.date),
          lte(vehicles.odometer, reading.odometer),
        ),
      );
    return { id: publicId };
  });
}

/** A lessee's own reading, dated today unless they say otherwise. */
export function recordCustomerReading(
  db: Db,
  lease: LeaseContract,
  entry: MileageEntry,
  userId: number,
  businessDate: IsoDate,
) {
  return recordReading(
    db,
    lease,
    { odometer: entry.odometer, date: entry.date ?? businessDate, source: 'customer', userId },
    businessDate,
  );
}
