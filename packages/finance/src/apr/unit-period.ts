import { dayNumberToYmd, daysInMonth, type IsoDate, parseYmd, type Ymd, ymdToDayNumber } from '../dates.ts';
import { monthSpanYmd } from '../periods.ts';
import { requireInt } from '../validate.ts';

/**
 * A Regulation Z Appendix J unit-period: the common period between payments (App. J (b)(3)),
 * or, for a single advance, single payment transaction, the term itself.
 */
export type UnitPeriod =
  | { readonly kind: 'day' }
  | { readonly kind: 'week'; readonly count: number }
  | { readonly kind: 'semimonth' }
  | { readonly kind: 'month'; readonly count: number }
  | { readonly kind: 'year' }
  /** Single advance, single payment, term under a year (App. J (b)(5)(vi)-(vii)). */
  | { readonly kind: 'term'; readonly days: number; readonly months: number | null };

/** Everyday names for the common payment frequencies. */
export type PaymentFrequency =
  | 'weekly'
  | 'biweekly'
  | 'every-4-weeks'
  | 'semimonthly'
  | 'monthly'
  | 'bimonthly'
  | 'quarterly'
  | 'semiannual'
  | 'annual';

export function unitPeriodOf(f: PaymentFrequency): UnitPeriod {
  switch (f) {
    case 'weekly':
      return { kind: 'week', count: 1 };
    case 'biweekly':
      return { kind: 'week', count: 2 };
    case 'every-4-weeks':
      return { kind: 'week', count: 4 };
    case 'semimonthly':
      return { kind: 'semimonth' };
    case 'monthly':
      return { kind: 'month', count: 1 };
    case 'bimonthly':
      return { kind: 'month', count: 2 };
    case 'quarterly':
      return { kind: 'month', count: 3 };
    case 'semiannual':
      return { kind: 'month', count: 6 };
    case 'annual':
      return { kind: 'year' };
  }
}

/** Unit-periods per year (App. J (b)(5)): 365 days, 52/weeks, 24, 12/months, 1, or per term. */
export function unitPeriodsPerYear(u: UnitPeriod): number {
  switch (u.kind) {
    case 'day':
      return 365;
    case 'week':
      return 52 / u.count;
    case 'semimonth':
      return 24;
    case 'month':
      return 12 / u.count;
    case 'year':
      return 1;
    case 'term':
      return u.months !== null ? 12 / u.months : 365 / u.days;
  }
}

/** Time from the beginning of the term: `t` full unit-periods plus fraction `f` (0 ≤ f < 1). */
export interface UnitTime {
  readonly t: number;
  readonly f: number;
}

function split(total: number, per: number): UnitTime {
  const t = Math.floor(total / per);
  return { t, f: (total - t * per) / per };
}

/** A date parsed once: calendar parts and day number. */
export interface ParsedDate {
  readonly ymd: Ymd;
  readonly day: number;
}

export function parseDate(d: IsoDate, field = 'date'): ParsedDate {
  const ymd = parseYmd(d, field);
  return { ymd, day: ymdToDayNumber(ymd.y, ymd.m, ymd.d) };
}

/**
 * Full unit-periods and the fraction between the start of the term and `date`, counted as
 * App. J (b)(5) says: days for day/week units ((iv)); for a semimonth or a multiple of a month,
 * 30 days per full month measured back from the later date plus the remaining days, divided by
 * 15 or 30 × months ((ii), (iii)); for a year, full years back from the later date and the rest
 * as months / 12 or else days / 365 ((v)).
 *
 * `monthDay` is the day of month of the payment schedule (see {@link scheduleMonthDay}); months
 * measured back from a due date clamped to a month's end (the 31st falling on Feb 28) run
 * along that schedule, to Jan 31 and Dec 31, so every due date of a monthly schedule lies whole
 * months after the first, as the schedule's own periods do. Default: the date's own day.
 */
export function unitTime(start: IsoDate, date: IsoDate, u: UnitPeriod, monthDay?: number): UnitTime {
  const at = parseDate(date);
  const day = monthDay === undefined ? at.ymd.d : requireInt(monthDay, 'monthDay', 1, 31);
  return unitTimeParsed(parseDate(start, 'termStart'), at, u, day);
}

/** {@link unitTime} on dates parsed once (the solver's hot path). */
export function unitTimeParsed(
  start: ParsedDate,
  date: ParsedDate,
  u: UnitPeriod,
  monthDay = date.ymd.d,
): UnitTime {
  const days = date.day - start.day;
  switch (u.kind) {
    case 'day':
      return { t: days, f: 0 };
    case 'week':
      return split(days, 7 * u.count);
    case 'term':
      return days === 0 ? { t: 0, f: 0 } : { t: 1, f: 0 };
    case 'semimonth':
    case 'month': {
      const span = monthSpanYmd(start.ymd, start.day, date.ymd, 1, monthDay);
      const per = u.kind === 'semimonth' ? 15 : 30 * u.count;
      return split(30 * span.periods + span.days, per);
    }
    case 'year': {
      const years = monthSpanYmd(start.ymd, start.day, date.ymd, 12, monthDay);
      if (years.days === 0) return { t: years.periods, f: 0 };
      // The remaining interval runs from the start to the first full year: whole months if
      // the day of month lines up, otherwise days over 365.
      const rest = monthSpanYmd(start.ymd, start.day, dayNumberToYmd(start.day + years.days), 1, monthDay);
      return rest.days === 0
        ? { t: years.periods, f: rest.periods / 12 }
        : { t: years.periods, f: years.days / 365 };
    }
  }
}

/**
 * The day of month a schedule of payment dates falls due on: the latest day of month among
 * them. A schedule on day D falls due on min(D, days in the month), and of any two consecutive
 * months one has 31 days, so for a schedule of more than one payment this recovers D (a
 * schedule on the 30th that falls on Feb 28 has D = 30, not 28 or 31).
 */
export function scheduleMonthDay(paymentDates: readonly ParsedDate[]): number {
  let day = 1;
  for (const p of paymentDates) if (p.ymd.d > day) day = p.ymd.d;
  return day;
}

// Matches a pair of consecutive dates to a whole number of months apart, treating month-end
// clamping (Jan 31 → Feb 28 → Mar 31) as on schedule.
function monthsApart(a: Ymd, b: Ymd): number | null {
  const months = (b.y - a.y) * 12 + (b.m - a.m);
  if (months <= 0) return null;
  if (a.d === b.d) return months;
  const aEnd = a.d === daysInMonth(a.y, a.m);
  const bEnd = b.d === daysInMonth(b.y, b.m);
  if ((bEnd && a.d > b.d) || (aEnd && b.d > a.d && bEnd)) return months;
  return null;
}

// Standard intervals (App. J (b)(3)(i)(B)) with their length in days, shortest first.
const STANDARD: ReadonlyArray<{ days: number; unit: UnitPeriod }> = [
  { days: 1, unit: { kind: 'day' } },
  { days: 7, unit: { kind: 'week', count: 1 } },
  { days: 14, unit: { kind: 'week', count: 2 } },
  { days: 365 / 24, unit: { kind: 'semimonth' } },
  { days: 21, unit: { kind: 'week', count: 3 } },
  { days: 28, unit: { kind: 'week', count: 4 } },
  { days: 365 / 12, unit: { kind: 'month', count: 1 } },
  { days: 365 / 6, unit: { kind: 'month', count: 2 } },
  { days: 365 / 4, unit: { kind: 'month', count: 3 } },
  { days: 365 / 3, unit: { kind: 'month', count: 4 } },
  { days: 365 / 2, unit: { kind: 'month', count: 6 } },
  { days: 365, unit: { kind: 'year' } },
];
const DAY = 0;
const WEEKS = [0, 1, 2, 4, 5]; // STANDARD index for 1-4 weeks (index by week count)
const SEMIMONTH = 3;
const MONTHS: Record<number, number> = { 1: 6, 2: 7, 3: 8, 4: 9, 6: 10, 12: 11 };

/**
 * The unit-period of a schedule of payment dates (sorted), per App. J (b)(3): the common
 * period that occurs most often (ties: the smaller); with no common period, the average
 * period rounded to the nearest standard interval (ties: the lower).
 */
export function detectUnitPeriod(paymentDates: readonly IsoDate[]): UnitPeriod | null {
  return detectUnitPeriodParsed(paymentDates.map((d) => parseDate(d)));
}

/** {@link detectUnitPeriod} on parsed, sorted dates. */
export function detectUnitPeriodParsed(paymentDates: readonly ParsedDate[]): UnitPeriod | null {
  if (paymentDates.length < 2) return null;
  const counts = new Array<number>(STANDARD.length).fill(0);
  let totalDays = 0;
  for (let k = 1; k < paymentDates.length; k++) {
    const a = paymentDates[k - 1] as ParsedDate;
    const b = paymentDates[k] as ParsedDate;
    const days = b.day - a.day;
    totalDays += days;
    const months = monthsApart(a.ymd, b.ymd);
    const monthIndex = months === null ? undefined : MONTHS[months];
    if (monthIndex !== undefined) counts[monthIndex] = (counts[monthIndex] as number) + 1;
    else if (days === 1) counts[DAY] = (counts[DAY] as number) + 1;
    else if (days > 0 && days % 7 === 0 && days <= 28) {
      const w = WEEKS[days / 7] as number;
      counts[w] = (counts[w] as number) + 1;
    }
    // A semimonthly schedule alternates 13-17 day gaps; 14 exactly also counts as biweekly
    // above, so a pure biweekly schedule ties and the tie goes to the smaller period.
    if (days >= 13 && days <= 17) counts[SEMIMONTH] = (counts[SEMIMONTH] as number) + 1;
  }
  let best = -1;
  for (let k = 0; k < counts.length; k++) {
    if ((counts[k] as number) > 0 && (best < 0 || (counts[k] as number) > (counts[best] as number))) best = k;
  }
  if (best >= 0) return (STANDARD[best] as { unit: UnitPeriod }).unit;
  const avg = totalDays / (paymentDates.length - 1);
  let nearest = STANDARD[0] as { days: number; unit: UnitPeriod };
  for (const s of STANDARD) if (Math.abs(s.days - avg) < Math.abs(nearest.days - avg)) nearest = s;
  return nearest.unit;
}

/** The unit-period of a single advance, single payment transaction (App. J (b)(3)(ii)). */
export function singlePaymentUnitPeriod(start: ParsedDate, paymentDate: ParsedDate): UnitPeriod {
  const span = monthSpanYmd(start.ymd, start.day, paymentDate.ymd);
  if (span.periods >= 12) return { kind: 'year' };
  const days = paymentDate.day - start.day;
  return { kind: 'term', days, months: span.days === 0 ? span.periods : null };
}
