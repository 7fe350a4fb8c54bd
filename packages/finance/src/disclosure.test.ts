import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveApr, solveUnitPeriodRate } from './apr/solve.ts';
import { aprWithinTolerance, isIrregularTransaction } from './apr/tolerance.ts';
import { addDays, addMonths, endOfMonth, type IsoDate } from './dates.ts';
import { type LoanDisclosure, loanDisclosure } from './disclosure.ts';
import { cents } from './money.ts';

// Appendix J on the schedule's dates must place each payment where the schedule's own periods
// put it: the first due date m months and d odd days (d/30 of a month) after the contract date,
// each later one a whole month after the one before. Solving on those positions gives the rate
// the disclosure must have found, whatever cent rounding did to the payments.
function expectDatesPlacedAsSchedule(d: LoanDisclosure, contractDate: IsoDate): void {
  const { periods, days } = d.schedule.firstPeriod;
  const own = solveUnitPeriodRate(
    [{ amount: d.amountFinanced, t: 0, f: 0 }],
    d.schedule.rows.map((r, k) => ({ amount: r.payment, t: periods + k, f: days / 30 })),
  );
  const fromDates = solveApr({
    advances: [{ date: contractDate, amount: d.amountFinanced }],
    payments: d.schedule.rows.map((r) => ({ date: r.dueDate, amount: r.payment })),
  });
  expect(Math.abs(fromDates.unitPeriodRate - own.rate)).toBeLessThanOrEqual(1e-12 + own.rate * 1e-9);
}

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
          expectDatesPlacedAsSchedule(d, contractDate);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('discloses the contract rate when due dates clamp at month-end (31st, 30th, 29th)', () => {
    // A schedule on the 31st falls due on Feb 28 and Apr 30; each is still one month after the
    // due date before it, so App. J counts whole months back along the schedule.
    for (const [contractDate, firstPaymentDate] of [
      ['2026-12-13', '2026-12-31'],
      ['2026-12-12', '2026-12-30'],
      ['2026-12-13', '2026-12-30'],
      ['2026-11-12', '2026-11-30'],
      ['2026-01-13', '2026-01-31'],
      ['2026-01-15', '2026-01-31'],
      ['2027-12-01', '2028-01-29'],
      ['2027-12-20', '2028-01-31'],
    ] as const) {
      const d = loanDisclosure({
        amountFinanced: cents(100_000),
        apr: '29.01',
        termMonths: 6,
        contractDate,
        firstPaymentDate,
      });
      expect([contractDate, d.annualPercentageRate]).toEqual([contractDate, '29.01']);
      expect(d.aprMatchesContractRate).toBe(true);
    }
  });

  it('the APR of a schedule due at month-end equals the contract APR (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2999 }),
        fc.integer({ min: 2, max: 84 }),
        fc.integer({ min: 2026 * 12, max: 2029 * 12 + 11 }),
        fc.integer({ min: 28, max: 31 }),
        fc.integer({ min: 15, max: 60 }),
        (amount, aprBp, n, month, day, firstGap) => {
          const apr = (aprBp / 100).toFixed(2);
          // The 28th-31st of a month, or its last day when shorter (2028 is a leap year).
          const start = `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
          const firstPaymentDate = addDays(start, Math.min(day, Number(endOfMonth(start).slice(8))) - 1);
          const contractDate = addDays(firstPaymentDate, -firstGap);
          const d = loanDisclosure({
            amountFinanced: cents(amount),
            apr,
            termMonths: n,
            contractDate,
            firstPaymentDate,
          });
          expect(d.aprMatchesContractRate).toBe(true);
          expectDatesPlacedAsSchedule(d, contractDate);
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
