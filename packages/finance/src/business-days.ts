import {
  dayOfWeek,
  daysInMonth,
  formatYmd,
  fromDayNumber,
  type IsoDate,
  toDayNumber,
  ymdToDayNumber,
} from './dates.ts';
import { FinanceInputError } from './errors.ts';

/** A set of non-business dates (holidays); weekends are always non-business days. */
export type HolidayCalendar = ReadonlySet<IsoDate>;

export function isWeekend(d: IsoDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

export function isBusinessDay(d: IsoDate, holidays: HolidayCalendar = new Set()): boolean {
  return !isWeekend(d) && !holidays.has(d);
}

/** `d` itself if a business day, else the next one (payment due dates roll forward). */
export function nextBusinessDay(d: IsoDate, holidays: HolidayCalendar = new Set()): IsoDate {
  let n = toDayNumber(d);
  while (!isBusinessDay(fromDayNumber(n), holidays)) n += 1;
  return fromDayNumber(n);
}

/** `d` itself if a business day, else the previous one. */
export function previousBusinessDay(d: IsoDate, holidays: HolidayCalendar = new Set()): IsoDate {
  let n = toDayNumber(d);
  while (!isBusinessDay(fromDayNumber(n), holidays)) n -= 1;
  return fromDayNumber(n);
}

/** Moves `n` business days forward (or back when negative); `n = 0` returns `d`. */
export function addBusinessDays(d: IsoDate, n: number, holidays: HolidayCalendar = new Set()): IsoDate {
  if (!Number.isInteger(n)) throw new FinanceInputError('invalid_input', 'must be an integer', 'n');
  let day = toDayNumber(d);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isBusinessDay(fromDayNumber(day), holidays)) left -= 1;
  }
  return fromDayNumber(day);
}

// The nth given weekday (0 = Sunday) of a month; n = -1 for the last.
function nthWeekday(y: number, m: number, weekday: number, n: number): IsoDate {
  if (n > 0) {
    const first = ymdToDayNumber(y, m, 1);
    const offset = (weekday - dayOfWeek(formatYmd(y, m, 1)) + 7) % 7;
    return fromDayNumber(first + offset + (n - 1) * 7);
  }
  const lastDay = daysInMonth(y, m);
  const back = (dayOfWeek(formatYmd(y, m, lastDay)) - weekday + 7) % 7;
  return formatYmd(y, m, lastDay - back);
}

/**
 * The Federal Reserve (and so ACH settlement) holidays of a year. A holiday on Sunday is
 * observed Monday; one on Saturday is not moved (the Fed stays open the Friday before).
 */
export function federalReserveHolidays(year: number): IsoDate[] {
  const fixed = (m: number, d: number): IsoDate => {
    const date = formatYmd(year, m, d);
    return dayOfWeek(date) === 0 ? formatYmd(year, m, d + 1) : date;
  };
  const days = [
    fixed(1, 1),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    ...(year >= 2022 ? [fixed(6, 19)] : []), // Juneteenth
    fixed(7, 4),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    fixed(11, 11),
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    fixed(12, 25),
  ];
  return days.filter((d) => !isWeekend(d));
}

/** A holiday calendar of Federal Reserve holidays for a range of years. */
export function federalReserveCalendar(fromYear: number, toYear: number): HolidayCalendar {
  const set = new Set<IsoDate>();
  for (let y = fromYear; y <= toYear; y++) for (const d of federalReserveHolidays(y)) set.add(d);
  return set;
}
