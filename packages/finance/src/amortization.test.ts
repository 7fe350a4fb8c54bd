import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amortizationSchedule } from './amortization.ts';
import { addDays } from './dates.ts';
import { FinanceInputError } from './errors.ts';
import { cents } from './money.ts';

const base = {
  amountFinanced: cents(1_000_000),
  apr: '7.5',
  termMonths: 12,
  contractDate: '2026-01-31',
  firstPaymentDate: '2026-02-28',
};

describe('amortizationSchedule', () => {
  it('clamps due dates at month-end from the first due date', () => {
    const s = amortizationSchedule({ ...base, firstPaymentDate: '2026-03-31', contractDate: '2026-02-28' });
    expect(s.rows.slice(0, 4).map((r) => r.dueDate)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
    ]);
  });

  it('uses a payment override: larger ends early, smaller leaves a balloon', () => {
    const regular = amortizationSchedule(base);
    const fast = amortizationSchedule({ ...base, payment: cents(100_000) });
    expect(fast.rows.length).toBeLessThan(12);
    expect(fast.rows.at(-1)?.balance).toBe(0);
    expect(fast.financeCharge).toBeLessThan(regular.financeCharge);
    const slow = amortizationSchedule({ ...base, payment: cents(50_000) });
    expect(slow.rows).toHaveLength(12);
    expect(slow.finalPayment).toBeGreaterThan(50_000 * 10);
  });

  it('rejects a first payment not after the contract date', () => {
    expect(() => amortizationSchedule({ ...base, firstPaymentDate: '2026-01-31' })).toThrow(
      FinanceInputError,
    );
    expect(() => amortizationSchedule({ ...base, contractDate: '2026-02-30' })).toThrow(/contractDate/);
  });

  it('principal sums to the amount financed and the totals tie out (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 20_000_000 }),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 1, max: 96 }),
        fc.integer({ min: 1, max: 75 }),
        (amount, aprBp, n, firstGap) => {
          const s = amortizationSchedule({
            amountFinanced: cents(amount),
            apr: (aprBp / 100).toFixed(2),
            termMonths: n,
            contractDate: '2026-01-15',
            firstPaymentDate: addDays('2026-01-15', firstGap),
          });
          const principal = s.rows.reduce((t, r) => t + r.principal, 0);
          const interest = s.rows.reduce((t, r) => t + r.interest, 0);
          expect(principal).toBe(amount);
          expect(interest).toBe(s.financeCharge);
          expect(s.totalOfPayments).toBe(amount + s.financeCharge);
          expect(s.rows.at(-1)?.balance).toBe(0);
          expect(s.rows).toHaveLength(n);
          // Only the last payment differs from the level payment: by the rounding residue, at
          // most half a cent per payment grown at the note rate.
          for (const r of s.rows.slice(0, -1)) expect(r.payment).toBe(s.payment);
          const growth = (1 + aprBp / 120_000) ** (n + 3);
          expect(Math.abs(s.finalPayment - s.payment)).toBeLessThanOrEqual(Math.ceil(n * growth));
        },
      ),
      { numRuns: 300 },
    );
  });
});
