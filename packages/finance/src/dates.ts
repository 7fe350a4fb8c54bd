import { FinanceInputError } from './errors.ts';

/**
 * A calendar date as ISO `YYYY-MM-DD` (no time, no zone). Not branded so literals and database
 * values flow in freely; every function here validates what it is given and throws
 * `FinanceInputError` (`invalid_date`) on anything that is not a real calendar date.
 */
export type IsoDate = string;

/** How {@link addMonths} treats a start date on the last day of its month. */
export type EndOfMonthRule =
  /** Keep the day of month, clamped to the target month's length (Jan 31 + 1 = Feb 28/29). */
  | 'clamp'
  /** A month-end start stays at month-end (Feb 28 + 1 = Mar 31). */
  | 'end-of-month';

/** A parsed date: year, month 1-12, day 1-31. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : (MONTH_DAYS[m - 1] ?? 31);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/** Parses and validates; hand-rolled because it runs once per schedule row. */
export function parseYmd(s: IsoDate, field = 'date'): Ymd {
  if (typeof s === 'string' && s.length === 10 && s[4] === '-' && s[7] === '-') {
    const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const m = digit(s, 5) * 10 + digit(s, 6);
    const d = digit(s, 8) * 10 + digit(s, 9);
    if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { y, m, d };
  }
  throw new FinanceInputError('invalid_date', `${field} must be a calendar date YYYY-MM-DD`, field);
}

/** Validates an ISO date string and returns it. */
export function isoDate(s: string, field = 'date'): IsoDate {
  parseYmd(s, field);
  return s;
}

export function formatYmd(y: number, m: number, d: number): IsoDate {
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

// Days-from-civil and back (H. Hinnant's algorithms): integer-only, proleptic Gregorian,
// so no JS Date, no time zones and no DST can shift a due date.
export function ymdToDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function dayNumberToYmd(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Days since 1970-01-01. */
export function toDayNumber(s: IsoDate, field = 'date'): number {
  const { y, m, d } = parseYmd(s, field);
  return ymdToDayNumber(y, m, d);
}

export function fromDayNumber(n: number): IsoDate {
  const { y, m, d } = dayNumberToYmd(n);
  return formatYmd(y, m, d);
}

/** The date `n` days after (or before, if negative) `d`. */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Adds calendar months with an explicit end-of-month rule (default `clamp`). */
export function addMonths(d: IsoDate, n: number, rule: EndOfMonthRule = 'clamp'): IsoDate {
  const { y, m, d: day } = parseYmd(d);
  return addMonthsYmd(y, m, day, n, rule);
}

export function addMonthsYmd(y: number, m: number, d: number, n: number, rule: EndOfMonthRule): IsoDate {
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  const last = daysInMonth(ty, tm);
  const td = rule === 'end-of-month' && d === daysInMonth(y, m) ? last : Math.min(d, last);
  return formatYmd(ty, tm, td);
}

/** Actual days from `a` to `b` (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** -1, 0 or 1; ISO strings also sort lexically, but this validates. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return (((toDayNumber(d) + 4) % 7) + 7) % 7;
}

/** The last day of the month that contains `d`. */
export function endOfMonth(d: IsoDate): IsoDate {
  const { y, m } = parseYmd(d);
  return formatYmd(y, m, daysInMonth(y, m));
}
