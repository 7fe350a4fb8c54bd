import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinanceInputError } from './errors.ts';
import { exactLevelPayment, levelPayment, loanPayment, parseApr } from './loan-payment.ts';
import { cents } from './money.ts';

describe('loanPayment', () => {
  it('matches the textbook annuity payment', () => {
    // $25,000 at 5.99 % for 60 months: 483.20 (any loan calculator).
    expect(loanPayment({ amountFinanced: cents(2_500_000), apr: '5.99', termMonths: 60 })).toBe(48_320);
    // $20,000 at 6 % for 36 months: 608.44.
    expect(loanPayment({ amountFinanced: cents(2_000_000), apr: '6', termMonths: 36 })).toBe(60_844);
    // $5,000 at 9.69 % for 24 months: 230.0099 → 230.01 (App. J (c)(1)(i): $230 gives 9.69 %).
    expect(loanPayment({ amountFinanced: cents(500_000), apr: '9.69', termMonths: 24 })).toBe(23_001);
  });

  it('splits a zero-rate loan evenly, half-up', () => {
    expect(loanPayment({ amountFinanced: cents(1_000_000), apr: '0', termMonths: 3 })).toBe(333_333);
    expect(loanPayment({ amountFinanced: cents(5), apr: '0.00', termMonths: 2 })).toBe(3);
  });

  it('rejects bad input with the field name', () => {
    const bad = [
      [{ amountFinanced: cents(0), apr: '5', termMonths: 12 }, 'amountFinanced'],
      [{ amountFinanced: -5 as never, apr: '5', termMonths: 12 }, 'amountFinanced'],
      [{ amountFinanced: cents(100), apr: '-5', termMonths: 12 }, 'apr'],
      [{ amountFinanced: cents(100), apr: 'abc', termMonths: 12 }, 'apr'],
      [{ amountFinanced: cents(100), apr: '5', termMonths: 0 }, 'termMonths'],
      [{ amountFinanced: cents(100), apr: '5', termMonths: 1.5 }, 'termMonths'],
    ] as const;
    for (const [input, field] of bad) {
      expect(() => loanPayment(input)).toThrow(FinanceInputError);
      try {
        loanPayment(input);
      } catch (e) {
        expect((e as FinanceInputError).field).toBe(field);
      }
    }
  });

  it('the float fast path always equals the exact rational payment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000_000_00 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 1, max: 360 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 29 }),
        (principal, aprBp, n, periods, days) => {
          const rate = parseApr(`${Math.floor(aprBp / 100)}.${String(aprBp % 100).padStart(2, '0')}`);
          const first = { periods: periods === 0 && days === 0 ? 1 : periods, days };
          expect(levelPayment(principal, rate, n, first)).toBe(exactLevelPayment(principal, rate, n, first));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
