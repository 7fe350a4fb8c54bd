import { describe, expect, it } from 'vitest';
import { accrueInterest, interestForDays, perDiem } from './interest.ts';
import { cents } from './money.ts';

describe('interest', () => {
  it('computes the marque calc example: $20,000 at 5 % for 30 days', () => {
    const r = interestForDays({ principal: cents(2_000_000), apr: '5.00', days: 30 });
    expect(r.interest).toBe(8_219); // 82.1918 → 82.19
    expect(r.perDiem.amount).toBe('2.7397');
    expect(r.perDiem.rounded).toBe(274);
  });

  it('rounds once from the unrounded daily rate (not per diem × days)', () => {
    // $12,345.67 at 7.25 %: per diem 2.4522…; 31 days exact = 76.0182 → 76.02, whereas a
    // rounded per diem (2.45 × 31) would give 75.95.
    const r = accrueInterest({
      principal: cents(1_234_567),
      apr: '7.25',
      from: '2026-01-01',
      to: '2026-02-01',
    });
    expect(r.days).toBe(31);
    expect(r.interest).toBe(7_602);
  });

  it('uses 366 days for leap-year days under actual/365L', () => {
    const a = accrueInterest({
      principal: cents(3_660_000),
      apr: '10',
      from: '2024-01-01',
      to: '2024-01-11',
      basis: 'actual/365L',
    });
    expect(a.interest).toBe(10_000); // 36,600 × 10 % × 10/366 = 100.00
    const b = accrueInterest({
      principal: cents(3_660_000),
      apr: '10',
      from: '2024-01-01',
      to: '2024-01-11',
    });
    expect(b.interest).toBe(10_027); // over 365: 100.27
    expect(a.perDiem.amount).toBe('10.0000');
  });

  it('supports actual/360 and 30/360', () => {
    expect(
      accrueInterest({
        principal: cents(3_600_000),
        apr: '10',
        from: '2026-01-31',
        to: '2026-03-01',
        basis: 'actual/360',
      }).interest,
    ).toBe(29_000);
    expect(
      accrueInterest({
        principal: cents(3_600_000),
        apr: '10',
        from: '2026-01-31',
        to: '2026-03-01',
        basis: '30/360',
      }).interest,
    ).toBe(31_000);
  });

  it('per diem of zero principal is zero; dates must be ordered', () => {
    expect(perDiem({ principal: cents(0), apr: '9' }).amount).toBe('0.0000');
    expect(() =>
      accrueInterest({ principal: cents(1), apr: '1', from: '2026-02-01', to: '2026-01-01' }),
    ).toThrow(expect.objectContaining({ field: 'to' }));
  });
});
