import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationBucket, allocatePayment, WATERFALLS } from './allocation.ts';
import { FinanceInputError } from './errors.ts';
import { cents } from './money.ts';

const due = {
  pastDueFees: cents(2_500),
  pastDueInterest: cents(1_000),
  pastDuePrincipal: cents(30_000),
  interest: cents(5_000),
  principal: cents(40_000),
  currentFees: cents(1_500),
};

describe('allocatePayment', () => {
  it('follows the standard waterfall', () => {
    const a = allocatePayment({ amount: cents(40_000), due });
    expect(a.applied).toEqual({
      pastDueFees: 2_500,
      pastDueInterest: 1_000,
      pastDuePrincipal: 30_000,
      interest: 5_000,
      principal: 1_500,
      currentFees: 0,
    });
    expect(a.remaining.principal).toBe(38_500);
  });

  it('follows the Fineract-style orders', () => {
    const a = allocatePayment({ amount: cents(5_000), due, waterfall: 'principalInterestFees' });
    expect(a.applied.pastDuePrincipal).toBe(5_000);
    const b = allocatePayment({ amount: cents(5_000), due, waterfall: 'feesInterestPrincipal' });
    expect(b.applied).toMatchObject({ pastDueFees: 2_500, currentFees: 1_500, pastDueInterest: 1_000 });
  });

  it('prepays unbilled principal, then leaves the rest unapplied', () => {
    const a = allocatePayment({ amount: cents(100_000), due, unbilledPrincipal: cents(10_000) });
    expect(a.prepaidPrincipal).toBe(10_000);
    expect(a.unapplied).toBe(100_000 - 80_000 - 10_000);
  });

  it('rejects a waterfall that misses a bucket', () => {
    expect(() => allocatePayment({ amount: cents(1), due, waterfall: ['interest'] })).toThrow(
      FinanceInputError,
    );
  });

  it('conserves every cent under any waterfall (property)', () => {
    const bucket = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.record({
          pastDueFees: bucket,
          pastDueInterest: bucket,
          pastDuePrincipal: bucket,
          interest: bucket,
          principal: bucket,
          currentFees: bucket,
        }),
        fc.constantFrom(...(Object.keys(WATERFALLS) as Array<keyof typeof WATERFALLS>)),
        fc.integer({ min: 0, max: 5_000_000 }),
        (amount, d, waterfall, unbilled) => {
          const dues = Object.fromEntries(Object.entries(d).map(([k, v]) => [k, cents(v)])) as Record<
            AllocationBucket,
            ReturnType<typeof cents>
          >;
          const a = allocatePayment({
            amount: cents(amount),
            due: dues,
            waterfall,
            unbilledPrincipal: cents(unbilled),
          });
          const applied = Object.values(a.applied).reduce((s, v) => s + v, 0);
          expect(applied + a.prepaidPrincipal + a.unapplied).toBe(amount);
          for (const k of Object.keys(d) as AllocationBucket[]) {
            expect(a.applied[k] + a.remaining[k]).toBe(d[k]);
            expect(a.applied[k]).toBeGreaterThanOrEqual(0);
          }
          expect(a.unapplied).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
