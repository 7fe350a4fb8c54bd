import { daysInMonth, type IsoDate, parseYmd, toDayNumber, type Ymd, ymdToDayNumber } from './dates.ts';

/**
 * A span measured as whole periods of `monthsPerPeriod` months plus leftover days, counted
 * backward from the later date (the way Regulation Z Appendix J (b)(5) counts an odd first
 * period: full unit-periods from the payment back toward the advance, remainder in days).
 */
export interface PeriodSpan {
  readonly periods: number;
  readonly days: number;
}

// Day number of `e` moved back k months, clamped to the target month's length.
function backMonths(e: Ymd, k: number): number {
  const total = e.y * 12 + (e.m - 1) - k;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return ymdToDayNumber(y, m, Math.min(e.d, daysInMonth(y, m)));
}

/** {@link monthSpan} on parsed dates (no string work: the APR solver calls it per payment). */
export function monthSpanYmd(s: Ymd, startDay: number, e: Ymd, monthsPerPeriod = 1): PeriodSpan {
  // Going back the calendar-month difference lands in the start's month at the earliest, so
  // that is the most it can be; step down until going back k periods does not pass `s`.
  let k = Math.max(0, Math.floor(((e.y - s.y) * 12 + (e.m - s.m)) / monthsPerPeriod));
  let anchor = backMonths(e, k * monthsPerPeriod);
  while (k > 0 && anchor < startDay) {
    k -= 1;
    anchor = backMonths(e, k * monthsPerPeriod);
  }
  return { periods: k, days: anchor - startDay };
}

/** Whole periods and odd days from `from` to `to` (to ≥ from), counting back from `to`. */
export function monthSpan(from: IsoDate, to: IsoDate, monthsPerPeriod = 1): PeriodSpan {
  return monthSpanYmd(parseYmd(from, 'from'), toDayNumber(from, 'from'), parseYmd(to, 'to'), monthsPerPeriod);
}
