import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  federalReserveCalendar,
  federalReserveHolidays,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
} from './business-days.ts';

describe('business days', () => {
  it('lists the Federal Reserve holidays (observed rules)', () => {
    expect(federalReserveHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    // 2026-07-04 is a Saturday: not moved to Friday by the Fed.
    expect(federalReserveHolidays(2026)).not.toContain('2026-07-03');
    // 2027-07-04 is a Sunday: observed Monday the 5th.
    expect(federalReserveHolidays(2027)).toContain('2027-07-05');
  });

  it('rolls and counts business days around weekends and holidays', () => {
    const cal = federalReserveCalendar(2026, 2027);
    expect(isBusinessDay('2026-11-26', cal)).toBe(false);
    expect(nextBusinessDay('2026-11-26', cal)).toBe('2026-11-27');
    expect(nextBusinessDay('2026-12-25', cal)).toBe('2026-12-28');
    expect(previousBusinessDay('2026-12-27', cal)).toBe('2026-12-24');
    expect(addBusinessDays('2026-12-23', 2, cal)).toBe('2026-12-28');
    expect(addBusinessDays('2026-12-28', -1, cal)).toBe('2026-12-24');
    expect(addBusinessDays('2026-12-28', 0, cal)).toBe('2026-12-28');
  });
});
