import { describe, expect, it } from 'vitest';
import { cents } from './money.ts';
import { coverageExpired, protectionRefund } from './protection-refund.ts';

// A one-year, 36,000-mile contract bought for $1,200.00 on 2026-01-01 at 10,000 miles.
// 2026 has 365 days; on 2026-04-01 90 days are used and 275 remain.
const base = {
  price: cents(120_000),
  startDate: '2026-01-01',
  endDate: '2027-01-01',
  cancelDate: '2026-04-01',
  startMiles: 10_000,
  endMiles: 46_000,
  currentMiles: 22_000,
} as const;
const fee = cents(7_500);

describe('protectionRefund', () => {
  it('by time: price × unused days / coverage days, half-up, less the fee', () => {
    // 120000 × 275 / 365 = 90410.96 → 90411; fee 75.00 is under the 10 % cap (9041) → 82911.
    const q = protectionRefund({
      ...base,
      terms: { basis: 'time', cancellationFee: fee, feeCapPercent: '10' },
    });
    expect(q).toMatchObject({
      freeLook: false,
      basisUsed: 'time',
      byTime: { unused: 275, total: 365 },
      byMileage: { unused: 24_000, total: 36_000 },
      proRataRefund: 90_411,
      cancellationFee: 7_500,
      refund: 82_911,
    });
  });

  it('by mileage: price × unused miles / coverage miles', () => {
    // 120000 × 24000 / 36000 = 80000 exactly.
    const q = protectionRefund({ ...base, terms: { basis: 'mileage', cancellationFee: fee } });
    expect([q.basisUsed, q.proRataRefund, q.cancellationFee, q.refund]).toEqual([
      'mileage',
      80_000,
      7_500,
      72_500,
    ]);
  });

  it('greater-of picks the larger share, lesser-of the smaller', () => {
    const greater = protectionRefund({ ...base, terms: { basis: 'greater_of', cancellationFee: fee } });
    expect([greater.basisUsed, greater.refund]).toEqual(['time', 82_911]);
    const lesser = protectionRefund({ ...base, terms: { basis: 'lesser_of', cancellationFee: fee } });
    expect([lesser.basisUsed, lesser.refund]).toEqual(['mileage', 72_500]);
    // Hardly driven: 1,000 of 36,000 miles used → mileage share 35/36 beats time 275/365.
    const low = protectionRefund({
      ...base,
      currentMiles: 11_000,
      terms: { basis: 'greater_of', cancellationFee: fee },
    });
    // 120000 × 35000 / 36000 = 116666.67 → 116667; − 7500 = 109167.
    expect([low.basisUsed, low.proRataRefund, low.refund]).toEqual(['mileage', 116_667, 109_167]);
  });

  it('caps the fee at a percent of the pro-rata refund and never below zero', () => {
    // 300 days used: 65/365 × 120000 = 21369.86 → 21370; 10 % cap = 2137 < 7500.
    const q = protectionRefund({
      ...base,
      cancelDate: '2026-10-28',
      terms: { basis: 'time', cancellationFee: fee, feeCapPercent: '10' },
    });
    expect([q.byTime.unused, q.proRataRefund, q.cancellationFee, q.refund]).toEqual([
      65, 21_370, 2_137, 19_233,
    ]);
    // Without a cap the fee still cannot exceed what is refunded.
    const tiny = protectionRefund({
      ...base,
      cancelDate: '2026-12-31',
      terms: { basis: 'time', cancellationFee: fee },
    });
    // 1/365 × 120000 = 328.77 → 329; fee limited to 329; refund 0.
    expect([tiny.proRataRefund, tiny.cancellationFee, tiny.refund]).toEqual([329, 329, 0]);
  });

  it('refunds everything within the free look, without a fee', () => {
    const q = protectionRefund({
      ...base,
      cancelDate: '2026-01-30',
      terms: { basis: 'time', cancellationFee: fee, freeLookDays: 30 },
    });
    expect([q.freeLook, q.basisUsed, q.proRataRefund, q.cancellationFee, q.refund]).toEqual([
      true,
      'free_look',
      120_000,
      0,
      120_000,
    ]);
    // Day 30 is past a 30-day free look.
    const after = protectionRefund({
      ...base,
      cancelDate: '2026-01-31',
      terms: { basis: 'time', cancellationFee: fee, freeLookDays: 30 },
    });
    expect(after.freeLook).toBe(false);
    // 120000 × 335 / 365 = 110136.99 → 110137 − 7500.
    expect(after.refund).toBe(102_637);
  });

  it('rounds half-up at an exact half cent', () => {
    // 100 × 1 / 8 = 12.5 → 13.
    const q = protectionRefund({
      price: cents(100),
      startDate: '2026-01-01',
      endDate: '2026-01-09',
      cancelDate: '2026-01-08',
      terms: { basis: 'time', cancellationFee: cents(0) },
    });
    expect([q.byMileage, q.proRataRefund, q.refund]).toEqual([null, 13, 13]);
  });

  it('refunds nothing once the coverage is used up by time or miles', () => {
    const late = protectionRefund({
      ...base,
      cancelDate: '2027-03-01',
      terms: { basis: 'time', cancellationFee: fee },
    });
    expect([late.byTime.unused, late.refund, late.cancellationFee]).toEqual([0, 0, 0]);
    const driven = protectionRefund({
      ...base,
      currentMiles: 50_000,
      terms: { basis: 'mileage', cancellationFee: fee },
    });
    expect([driven.byMileage?.unused, driven.refund]).toEqual([0, 0]);
  });

  it('rejects bad input with the field', () => {
    expect(() =>
      protectionRefund({
        price: cents(100),
        startDate: '2026-01-01',
        endDate: '2027-01-01',
        cancelDate: '2026-02-01',
        terms: { basis: 'mileage', cancellationFee: fee },
      }),
    ).toThrow(expect.objectContaining({ field: 'terms.basis' }));
    expect(() =>
      protectionRefund({ ...base, cancelDate: '2025-12-31', terms: { basis: 'time', cancellationFee: fee } }),
    ).toThrow(expect.objectContaining({ field: 'cancelDate' }));
    expect(() =>
      protectionRefund({ ...base, price: -1 as never, terms: { basis: 'time', cancellationFee: fee } }),
    ).toThrow(expect.objectContaining({ field: 'price' }));
  });

  it('coverageExpired by date or by miles', () => {
    expect(coverageExpired('2027-01-01', 46_000, '2027-01-01', 20_000)).toBe(false);
    expect(coverageExpired('2027-01-01', 46_000, '2027-01-02', 20_000)).toBe(true);
    expect(coverageExpired('2027-01-01', 46_000, '2026-06-01', 46_000)).toBe(true);
    expect(coverageExpired('2027-01-01', null, '2026-06-01', 99_000)).toBe(false);
  });
});
