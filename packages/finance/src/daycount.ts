import { type IsoDate, isLeapYear, parseYmd, toDayNumber, ymdToDayNumber } from './dates.ts';

/**
 * Day-count conventions. Each returns the year fraction as an exact pair of integers
 * (`days / basis` summed over pieces) so interest can be rounded once at the end.
 *
 * - `actual/365`: actual days over 365, every year (the usual simple-interest auto loan).
 * - `actual/365L`: actual days, but days falling in a leap year count over 366 (the
 *   "366-day leap-year variant" some contracts and states require).
 * - `actual/360`: actual days over 360.
 * - `30/360`: US 30/360 (bond basis) day count over 360.
 */
export type DayCountBasis = 'actual/365' | 'actual/365L' | 'actual/360' | '30/360';

/** A year fraction as the exact rational `num / den` (den > 0). */
export interface YearFraction {
  readonly num: number;
  readonly den: number;
}

/** US 30/360 day count: D1=31 → 30; D2=31 and D1 ≥ 30 → 30. */
export function days30360(a: IsoDate, b: IsoDate): number {
  const s = parseYmd(a);
  const e = parseYmd(b);
  const d1 = s.d === 31 ? 30 : s.d;
  const d2 = e.d === 31 && d1 >= 30 ? 30 : e.d;
  return (e.y - s.y) * 360 + (e.m - s.m) * 30 + (d2 - d1);
}

/** The year fraction between two dates under a basis (a ≤ b, or negative fractions result). */
export function yearFraction(a: IsoDate, b: IsoDate, basis: DayCountBasis): YearFraction {
  switch (basis) {
    case 'actual/365':
      return { num: toDayNumber(b) - toDayNumber(a), den: 365 };
    case 'actual/360':
      return { num: toDayNumber(b) - toDayNumber(a), den: 360 };
    case '30/360':
      return { num: days30360(a, b), den: 360 };
    case 'actual/365L':
      return leapSplit(a, b);
  }
}

// Splits the period at each January 1st: days in leap years over 366, others over 365,
// combined over the common denominator 365 * 366 so the sum stays exact.
function leapSplit(a: IsoDate, b: IsoDate): YearFraction {
  const start = toDayNumber(a);
  const end = toDayNumber(b);
  if (end < start) {
    const f = leapSplit(b, a);
    return { num: -f.num, den: f.den };
  }
  let leapDays = 0;
  let otherDays = 0;
  let cursor = start;
  let year = parseYmd(a).y;
  while (cursor < end) {
    const next = Math.min(end, ymdToDayNumber(year + 1, 1, 1));
    if (isLeapYear(year)) leapDays += next - cursor;
    else otherDays += next - cursor;
    cursor = next;
    year += 1;
  }
  return { num: leapDays * 365 + otherDays * 366, den: 365 * 366 };
}
