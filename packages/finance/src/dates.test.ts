import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  endOfMonth,
  fromDayNumber,
  isoDate,
  toDayNumber,
} from './dates.ts';
import { days30360, yearFraction } from './daycount.ts';
import { FinanceInputError } from './errors.ts';
import { monthSpan } from './periods.ts';

describe('dates', () => {
  it('validates ISO calendar dates', () => {
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    for (const bad of [
      '2023-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-10',
      '20260110',
      '2026-01-32',
      'x',
    ]) {
      expect(() => isoDate(bad)).toThrow(FinanceInputError);
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-01-10', '2026-02-10')).toBe(31);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('adds months with the end-of-month clamp by default', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28');
    expect(addMonths('2026-02-28', 1, 'end-of-month')).toBe('2026-03-31');
    expect(addMonths('2026-04-30', 1, 'end-of-month')).toBe('2026-05-31');
    expect(addMonths('2026-04-29', 1, 'end-of-month')).toBe('2026-05-29');
  });

  it('knows weekdays and month ends', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // a Thursday
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-05-17')).toBe(0);
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
  });

  it('round-trips day numbers over four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
        expect(daysBetween(fromDayNumber(n), fromDayNumber(n + 1))).toBe(1);
      }),
    );
  });
});

describe('day counts', () => {
  it('counts actual/365, actual/360 and 30/360', () => {
    expect(yearFraction('2026-01-01', '2026-03-01', 'actual/365')).toEqual({ num: 59, den: 365 });
    expect(yearFraction('2026-01-01', '2026-03-01', 'actual/360')).toEqual({ num: 59, den: 360 });
    expect(days30360('2026-01-31', '2026-03-31')).toBe(60);
    expect(days30360('2026-01-15', '2026-02-15')).toBe(30);
    expect(days30360('2026-01-30', '2026-03-31')).toBe(60);
    expect(days30360('2026-02-28', '2026-03-31')).toBe(33);
  });

  it('uses 366 for days that fall in a leap year', () => {
    // 2023-12-01 → 2024-01-01: 31 days over 365; 2024-01-01 → 2024-01-31: 30 days over 366.
    const f = yearFraction('2023-12-01', '2024-01-31', 'actual/365L');
    expect(f.num / f.den).toBeCloseTo(31 / 365 + 30 / 366, 15);
    expect(yearFraction('2024-01-01', '2025-01-01', 'actual/365L')).toEqual({
      num: 366 * 365,
      den: 365 * 366,
    });
  });
});

describe('monthSpan', () => {
  it('counts whole months back from the later date, then odd days', () => {
    expect(monthSpan('2026-01-15', '2026-02-15')).toEqual({ periods: 1, days: 0 });
    expect(monthSpan('2026-01-10', '2026-02-25')).toEqual({ periods: 1, days: 15 });
    expect(monthSpan('2026-01-15', '2026-02-10')).toEqual({ periods: 0, days: 26 });
    expect(monthSpan('1978-02-10', '1978-04-01')).toEqual({ periods: 1, days: 19 });
    expect(monthSpan('2026-01-31', '2026-02-28')).toEqual({ periods: 0, days: 28 });
    expect(monthSpan('1978-05-23', '1978-10-01', 3)).toEqual({ periods: 1, days: 39 });
  });

  it('counts back along the schedule day from a due date clamped to a month end', () => {
    // A schedule on the 31st (30th) falls due on Feb 28: back from it run Jan 31, Dec 31 (30).
    expect(monthSpan('2026-12-13', '2027-02-28')).toEqual({ periods: 2, days: 15 });
    expect(monthSpan('2026-12-13', '2027-02-28', 1, 31)).toEqual({ periods: 2, days: 18 });
    expect(monthSpan('2026-12-13', '2027-02-28', 1, 30)).toEqual({ periods: 2, days: 17 });
    expect(monthSpan('2026-01-13', '2026-04-30', 1, 31)).toEqual({ periods: 3, days: 18 });
    expect(monthSpan('2028-01-31', '2028-02-29', 1, 31)).toEqual({ periods: 1, days: 0 });
    // Only a month-end date is a clamped one; the 27th of February is due on the 27th.
    expect(monthSpan('2026-12-13', '2027-02-27', 1, 31)).toEqual({ periods: 2, days: 14 });
    expect(() => monthSpan('2026-12-13', '2027-02-28', 1, 32)).toThrow(FinanceInputError);
  });
});
