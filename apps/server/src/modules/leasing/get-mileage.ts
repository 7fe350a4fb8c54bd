import type { LeaseMileage } from '@marque/contracts';
import { cents, type IsoDate, mileageProjection } from '@marque/finance';
import type { Db } from '../../platform/db/client.ts';
import { type LeaseContract, usd } from './lease-terms.ts';
import { listReadings } from './mileage-repo.ts';

/** Readings, allowance to date and the projection to maturity with its excess-mileage estimate. */
export async function getMileage(db: Db, lease: LeaseContract, businessDate: IsoDate): Promise<LeaseMileage> {
  const { contract } = lease;
  const rows = await listReadings(db, contract.id);
  const rate = cents(contract.excessMileageRateCents ?? 0);
  const p = mileageProjection({
    startDate: contract.contractDate,
    startOdometer: lease.deliveryOdometer,
    maturityDate: contract.maturityDate,
    asOf: businessDate,
    readings: rows.map((r) => ({ date: r.readingDate, odometer: r.odometer })),
    milesPerYear: contract.mileageAllowancePerYear,
    termMonths: contract.termMonths,
    ratePerMile: rate,
  });
  return {
    accountId: contract.publicId,
    asOf: businessDate,
    contractDate: contract.contractDate,
    maturityDate: contract.maturityDate,
    deliveryOdometer: lease.deliveryOdometer,
    readings: rows.map((r) => ({
      id: r.publicId,
      date: r.readingDate,
      odometer: r.odometer,
      source: r.source,
      dealerName: r.dealerName,
    })),
    lastOdometer: p.latest.odometer,
    lastReadingDate: p.latest.date,
    milesDriven: p.milesDriven,
    allowancePerYear: contract.mileageAllowancePerYear,
    allowanceToDate: p.allowanceToDate,
    milesOverAllowance: p.milesOverAllowance,
    allowanceAtMaturity: p.allowanceAtMaturity,
    averageMilesPerMonth: p.averageMilesPerMonth,
    projectedMilesAtMaturity: p.projectedMilesAtMaturity,
    projectedOdometerAtMaturity: p.projectedOdometerAtMaturity,
    projectedExcessMiles: p.projectedExcessMiles,
    projectedExcessCharge: usd(p.projectedExcessCharge),
    excessMileageRate: usd(rate),
    points: [...p.points],
  };
}
