import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './dates.ts';
import { accrueInterest } from './interest.ts';
import { cents } from './money.ts';
import { payoffQuote } from './payoff.ts';

describe('payoffQuote', () => {
  it('adds interest through the good-through date', () => {
    const q = payoffQuote({
      principal: cents(1_500_000),
      apr: '6.5',
      interestAccruedThrough: '2026-03-01',
      accruedInterest: cents(1_234),
      unpaidFees: cents(2_500),
      goodThrough: '2026-03-11',
    });
    // 10 days × 15,000 × 6.5 % / 365 = 26.71
    expect(q.interest).toBe(1_234 + 2_671);
    expect(q.payoff).toBe(1_500_000 + 1_234 + 2_671 + 2_500);
    expect(q.perDiem.amount).toBe('2.6712');
  });

  it('rejects a good-through date before the accrual date', () => {
    expect(() =>
      payoffQuote({
        principal: cents(1),
        apr: '1',
        interestAccruedThrough: '2026-03-02',
        goodThrough: '2026-03-01',
      }),
    ).toThrow(expect.objectContaining({ field: 'goodThrough' }));
  });

  it('payoff = principal + accrued interest + unpaid fees (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 400 }),
        (principal, aprBp, accrued, fees, days) => {
          const apr = (aprBp / 100).toFixed(2);
          const from = '2026-01-20';
          const q = payoffQuote({
            principal: cents(principal),
            apr,
            interestAccruedThrough: from,
            accruedInterest: cents(accrued),
            unpaidFees: cents(fees),
            goodThrough: addDays(from, days),
          });
          const more = accrueInterest({
            principal: cents(principal),
            apr,
            from,
            to: addDays(from, days),
          }).interest;
          expect(q.interest).toBe(accrued + more);
          expect(q.payoff).toBe(principal + accrued + more + fees);
          expect(q.payoff).toBe(q.principal + q.interest + q.fees);
        },
      ),
    );
  });
});
