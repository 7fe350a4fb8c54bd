import { toDayNumber } from '../dates.ts';
import type { AprInput } from './solve.ts';
import { detectUnitPeriod } from './unit-period.ts';

/**
 * 12 CFR 1026.22(a)(2): a disclosed APR is accurate within 1/8 of 1 percentage point of the
 * actuarial APR in a regular transaction; (a)(3): within 1/4 point in an irregular one.
 */
export const REGULAR_TOLERANCE_PP = 0.125;
export const IRREGULAR_TOLERANCE_PP = 0.25;

/**
 * Whether a transaction is "irregular" for 1026.22(a)(3): multiple advances, or irregular
 * payment periods or amounts, other than an irregular first period or an irregular first or
 * final payment.
 */
export function isIrregularTransaction(input: AprInput): boolean {
  if (input.advances.length > 1) return true;
  const payments = [...input.payments].sort((a, b) => toDayNumber(a.date) - toDayNumber(b.date));
  if (payments.length <= 2) return false;
  const middle = payments.slice(1, -1);
  const amount = middle[0]?.amount;
  if (middle.some((p) => p.amount !== amount)) return true;
  // Periods: every gap after the first must match the detected unit-period's spacing.
  const unit = detectUnitPeriod(payments.map((p) => p.date));
  const gaps = payments
    .slice(1)
    .map((p, k) => toDayNumber(p.date) - toDayNumber(payments[k]?.date ?? p.date));
  if (unit === null) return false;
  const [min, max] =
    unit.kind === 'month'
      ? [28 * unit.count, 31 * unit.count]
      : unit.kind === 'semimonth'
        ? [13, 17]
        : unit.kind === 'week'
          ? [7 * unit.count, 7 * unit.count]
          : unit.kind === 'year'
            ? [365, 366]
            : [1, 1];
  return gaps.some((g) => g < min || g > max);
}

/** True when `disclosedApr` (percent) is within the 1026.22 tolerance of `actualApr`. */
export function aprWithinTolerance(disclosedApr: number, actualApr: number, irregular: boolean): boolean {
  const tol = irregular ? IRREGULAR_TOLERANCE_PP : REGULAR_TOLERANCE_PP;
  return Math.abs(disclosedApr - actualApr) <= tol + 1e-12;
}
