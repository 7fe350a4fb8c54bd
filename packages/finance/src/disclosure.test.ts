import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aprWithinTolerance, isIrregularTransaction } from './apr/tolerance.ts';
import { addDays, addMonths } from './dates.ts';
import { loanDisclosure } from './disclosure.ts';
import { cents } from './money.ts';

describe('loanDisclosure (TILA federal box)', () => {
  it('discloses the figures of a 60-month contract', () => {
    const d = loanDisclosure({
      amountFinanced: cents(2_500_000),
      apr: '5.99',
      termMonths: 60,
      contractDate: '2026-01-15',
      firstPaymentDate: '2026-02-15',
      downPayment: cents(300_000),
    });
    expect(d.annualPercentageRate).toBe('5.99');
    expect(d.financeCharge).toBe(399_225);
    expect(d.totalOfPayments).toBe(2_899_225);
    expect(d.totalSalePrice).toBe(3_199_225);
    expect(d.paymentSchedule).toEqual([
      { count: 59, amount: 48_320, firstDueDate: '2026-02-15' },
      { count: 1, amount: 48_345, firstDueDate: '2031-01-15' },
    ]);
    expect(d.aprMatchesContractRate).toBe(true);
  });

  it('the APR of a generated schedule equals the contract APR within the Reg Z tolerance (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 6, max: 84 }),
        fc.integer({ min: 15, max: 60 }),
        (amount, aprBp, n, firstGap) => {
          const apr = (aprBp / 100).toFixed(2);
          const contractDate = addDays('2026-01-01', aprBp % 365);
          const d = loanDisclosure({
            amountFinanced: cents(amount),
            apr,
            termMonths: n,
            contractDate,
            firstPaymentDate: addDays(contractDate, firstGap),
          });
          const payments = d.schedule.rows.map((r) => ({ date: r.dueDate, amount: r.payment }));
          const irregular = isIrregularTransaction({
            advances: [{ date: contractDate, amount: cents(amount) }],
            payments,
          });
          expect(irregular).toBe(false);
          expect(aprWithinTolerance(Number(d.annualPercentageRate), Number(apr), irregular)).toBe(true);
          expect(d.aprMatchesContractRate).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('classifies irregular transactions for the 1/4-point tolerance', () => {
    const advances = [{ date: '2026-01-01', amount: cents(100_000) }];
    const regular = Array.from({ length: 6 }, (_, k) => ({
      date: addMonths('2026-02-01', k),
      amount: cents(17_000),
    }));
    expect(isIrregularTransaction({ advances, payments: regular })).toBe(false);
    const oddLast = [...regular.slice(0, 5), { date: '2026-07-01', amount: cents(20_000) }];
    expect(isIrregularTransaction({ advances, payments: oddLast })).toBe(false);
    const oddMiddle = regular.map((p, k) => (k === 2 ? { ...p, amount: cents(5_000) } : p));
    expect(isIrregularTransaction({ advances, payments: oddMiddle })).toBe(true);
    expect(isIrregularTransaction({ advances: [...advances, ...advances], payments: regular })).toBe(true);
    expect(aprWithinTolerance(10.125, 10, false)).toBe(true);
    expect(aprWithinTolerance(10.126, 10, false)).toBe(false);
    expect(aprWithinTolerance(10.25, 10, true)).toBe(true);
  });
});
