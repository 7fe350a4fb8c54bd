import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { vehicles } from '../contracts/index.ts';
import { STANDARD_DISPOSITION_FEE, STANDARD_PURCHASE_OPTION_FEE } from './lease-terms.ts';
import { leaseEndTerms, odometerReadings } from './tables.ts';

/**
 * Months into the lease of the demo readings, and how far along the straight line from delivery
 * to today's odometer each one sits (people drive more in summer, less in winter).
 */
const DEALER_VISITS = [5, 11, 17, 23, 29];
const CUSTOMER_ENTRIES = [8, 20, 26, 32];
const PACE = [0.97, 1.04, 1.01, 0.98, 1.03, 0.99, 1.02, 1.0, 0.98];

/**
 * A demo lease's lease-end terms and its odometer history, inside the seed's transaction:
 * dealer service readings every six months and a few of the lessee's own entries, ending a few
 * days before the business date at the vehicle's last known odometer.
 */
export async function seedLeaseCentre(
  db: Db,
  lease: { contractId: number; vehicleId: number; dealerId: number; contractDate: IsoDate; odometer: number },
  businessDate: IsoDate,
): Promise<number> {
  await db.insert(leaseEndTerms).values({
    contractId: lease.contractId,
    dispositionFeeCents: STANDARD_DISPOSITION_FEE,
    purchaseOptionFeeCents: STANDARD_PURCHASE_OPTION_FEE,
    deliveryOdometer: 0,
  });
  const lastDate = addDays(businessDate, -4);
  const span = daysBetween(lease.contractDate, lastDate);
  if (span <= 0) return 0;
  const visits = [
    ...DEALER_VISITS.map((m) => ({ months: m, source: 'dealer_service' as const })),
    ...CUSTOMER_ENTRIES.map((m) => ({ months: m, source: 'customer' as const })),
  ]
    .map((v) => ({ ...v, date: addMonths(lease.contractDate, v.months) }))
    .filter((v) => compareDates(v.date, lastDate) < 0)
    .sort((a, b) => compareDates(a.date, b.date));
  const rows = visits.map((v, i) => ({
    date: v.date,
    source: v.source,
    odometer: Math.round(
      ((lease.odometer * daysBetween(lease.contractDate, v.date)) / span) * (PACE[i % PACE.length] ?? 1),
    ),
  }));
  rows.push({ date: lastDate, source: 'customer', odometer: lease.odometer });
  let previous = 0;
  for (const r of rows) {
    const odometer = Math.max(previous, Math.min(r.odometer, lease.odometer));
    previous = odometer;
    await db.insert(odometerReadings).values({
      publicId: newId('odo'),
      contractId: lease.contractId,
      readingDate: r.date,
      odometer,
      source: r.source,
      dealerId: r.source === 'dealer_service' ? lease.dealerId : null,
    });
  }
  await db.update(vehicles).set({ odometerDate: lastDate }).where(eq(vehicles.id, lease.vehicleId));
  return rows.length;
}
