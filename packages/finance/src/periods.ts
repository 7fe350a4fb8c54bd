import { daysInMonth, type IsoDate, parseYmd, toDayNumber, type Ymd, ymdToDayNumber } from './dates.ts';
import { requireInt } from './validate.ts';

/**
 * A span measured as whole periods of `monthsPerPeriod` months plus leftover days, counted
 * backward from the later date (the way Regulation Z Appendix J (b)(5) counts an odd first
 * period: full unit-periods from the payment back toward the advance, remainder in days).
 */
export interface PeriodSpan {
  readonly periods: number;
  readonly days: number;
}

// Day number of the date `k` months before month `e.y`/`e.m`, on day `day` clamped to that
// month's length.
function backMonths(e: Ymd, day: number, k: number): number {
  const total = e.y * 12 + (e.m - 1) - k;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return ymdToDayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * {@link monthSpan} on parsed dates (no string work: the APR solver calls it per payment).
 *
 * `monthDay` is the day of month of the payment schedule `e` belongs to (default: `e`'s own
 * day). It matters only when `e` is the last day of a shorter month, i.e. a due date clamped
 * there from a later day: a schedule on the 31st falls due on Feb 28, and counting whole months
 * back from that Feb 28 lands on Jan 31 and Dec 31 (the schedule's earlier due dates), not on
 * Jan 28 and Dec 28. Any other date counts back on its own day of month.
 */
export function monthSpanYmd(
  s: Ymd,
  startDay: number,
  e: Ymd,
  monthsPerPeriod = 1,
  monthDay = e.d,
): PeriodSpan {
  const day = monthDay > e.d && e.d === daysInMonth(e.y, e.m) ? monthDay : e.d;
  // Going back the calendar-month difference lands in the start's month at the earliest, so
  // that is the most it can be; step down until going back k periods does not pass `s`.
  let k = Math.max(0, Math.floor(((e.y - s.y) * 12 + (e.m - s.m)) / monthsPerPeriod));
  let anchor = backMonths(e, day, k * monthsPerPeriod);
  while (k > 0 && anchor < startDay) {
    k -= 1;
    anchor = backMonths(e, day, k * monthsPerPeriod);
  }
  return { periods: k, days: anchor - startDay };
}

/**
 * Whole periods and odd days from `from` to `to` (to ≥ from), counting back from `to`; see
 * {@link monthSpanYmd} for `monthDay`.
 */
export function monthSpan(from: IsoDate, to: IsoDate, monthsPerPeriod = 1, monthDay?: number): PeriodSpan {
  const e = parseYmd(to, 'to');
  const day = monthDay === undefined ? e.d : requireInt(monthDay, 'monthDay', 1, 31);
  return monthSpanYmd(parseYmd(from, 'from'), toDayNumber(from, 'from'), e, monthsPerPeriod, day);
}
