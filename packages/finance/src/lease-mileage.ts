import { compareDates, daysBetween, type IsoDate } from './dates.ts';
import { FinanceInputError } from './errors.ts';
import { excessMileageCharge } from './lease-end.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** One odometer reading, in whole miles. */
export interface OdometerReading {
  readonly date: IsoDate;
  readonly odometer: number;
}

/** Input of {@link mileageProjection}. */
export interface MileageProjectionInput {
  /** Lease start (delivery) and the odometer then. */
  readonly startDate: IsoDate;
  readonly startOdometer: number;
  readonly maturityDate: IsoDate;
  /** The business date the projection is made on. */
  readonly asOf: IsoDate;
  /** Readings in any order; only those from startDate to asOf count. */
  readonly readings: readonly OdometerReading[];
  readonly milesPerYear: number;
  readonly termMonths: number;
  readonly purchasedMiles?: number;
  /** Contract charge per excess mile, cents. */
  readonly ratePerMile: Cents;
}

/** A point of the mileage chart: miles driven since delivery. */
export interface MileagePoint {
  readonly date: IsoDate;
  /** The allowance earned by this date (straight line from 0 to the term allowance). */
  readonly allowance: number;
  /** Miles driven by a reading on this date, or null. */
  readonly actual: number | null;
  /** Projected miles driven (from the latest reading to maturity), or null. */
  readonly projected: number | null;
}

export interface MileageProjection {
  /** Latest reading used (the delivery odometer when there is none). */
  readonly latest: OdometerReading;
  readonly milesDriven: number;
  /** Allowance earned to the latest reading's date, pro rata by days, rounded down. */
  readonly allowanceToDate: number;
  /** milesDriven − allowanceToDate: positive means ahead of the allowance. */
  readonly milesOverAllowance: number;
  readonly allowanceAtMaturity: number;
  /** Average miles a month so far (30.4375-day months), rounded half-up; 0 without readings. */
  readonly averageMilesPerMonth: number;
  readonly projectedOdometerAtMaturity: number;
  readonly projectedMilesAtMaturity: number;
  readonly projectedExcessMiles: number;
  /** Projected excess miles × the contract rate. */
  readonly projectedExcessCharge: Cents;
  readonly points: readonly MileagePoint[];
}

/** Allowance earned by `date`: the term allowance × elapsed days / term days, rounded down. */
function allowanceOn(total: number, start: IsoDate, maturity: IsoDate, date: IsoDate): number {
  const span = daysBetween(start, maturity);
  const elapsed = Math.min(span, Math.max(0, daysBetween(start, date)));
  return Math.floor((total * elapsed) / span);
}

/**
 * Where the odometer is heading: miles driven so far against the allowance earned to date, and
 * a straight-line projection to maturity at the average daily rate since delivery (the latest
 * reading's miles ÷ its days, carried over the days left, rounded half-up to the mile), with
 * the excess-mileage charge that projection would bring at the contract rate.
 */
export function mileageProjection(input: MileageProjectionInput): MileageProjection {
  const startOdometer = requireInt(input.startOdometer, 'startOdometer', 0, 2_000_000);
  const rate = requireAmount(input.ratePerMile, 'ratePerMile');
  if (compareDates(input.maturityDate, input.startDate) <= 0) {
    throw new FinanceInputError('invalid_input', 'must be after startDate', 'maturityDate');
  }
  const readings = input.readings
    .filter((r) => compareDates(r.date, input.startDate) >= 0 && compareDates(r.date, input.asOf) <= 0)
    .map((r) => ({ date: r.date, odometer: requireInt(r.odometer, 'odometer', startOdometer, 2_000_000) }))
    .sort((a, b) => compareDates(a.date, b.date) || a.odometer - b.odometer);
  const latest = readings.at(-1) ?? { date: input.startDate, odometer: startOdometer };
  const term = excessMileageCharge({
    milesPerYear: input.milesPerYear,
    termMonths: input.termMonths,
    purchasedMiles: input.purchasedMiles ?? 0,
    milesDriven: 0,
    ratePerMile: rate,
  });
  const total = term.allowedMiles;
  const milesDriven = latest.odometer - startOdometer;
  const elapsed = daysBetween(input.startDate, latest.date);
  const remaining = Math.max(0, daysBetween(latest.date, input.maturityDate));
  const projectedExtra = elapsed > 0 ? mulDivRound(milesDriven, remaining, elapsed, 'half-up') : 0;
  const projectedMiles = milesDriven + projectedExtra;
  const excess = excessMileageCharge({
    milesPerYear: input.milesPerYear,
    termMonths: input.termMonths,
    purchasedMiles: input.purchasedMiles ?? 0,
    milesDriven: projectedMiles,
    ratePerMile: rate,
  });
  const allowanceToDate = allowanceOn(total, input.startDate, input.maturityDate, latest.date);
  const at = (date: IsoDate) => allowanceOn(total, input.startDate, input.maturityDate, date);
  const points: MileagePoint[] = [
    { date: input.startDate, allowance: 0, actual: 0, projected: null },
    ...readings.map((r) => ({
      date: r.date,
      allowance: at(r.date),
      actual: r.odometer - startOdometer,
      projected: r === latest ? r.odometer - startOdometer : null,
    })),
  ];
  if (compareDates(latest.date, input.maturityDate) < 0) {
    points.push({ date: input.maturityDate, allowance: total, actual: null, projected: projectedMiles });
  }
  return {
    latest,
    milesDriven,
    allowanceToDate,
    milesOverAllowance: milesDriven - allowanceToDate,
    allowanceAtMaturity: total,
    // miles per month = miles × 30.4375 / days = miles × 487 / (16 × days).
    averageMilesPerMonth: elapsed > 0 ? mulDivRound(milesDriven, 487, 16 * elapsed, 'half-up') : 0,
    projectedOdometerAtMaturity: startOdometer + projectedMiles,
    projectedMilesAtMaturity: projectedMiles,
    projectedExcessMiles: excess.excessMiles,
    projectedExcessCharge: cents(excess.charge),
    points,
  };
}
