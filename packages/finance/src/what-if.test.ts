import { describe, expect, it } from 'vitest';
import { cents } from './money.ts';
import { whatIf } from './what-if.ts';

// $20,000 at 6.00 % paying $500 a month from 15 December 2026 (figures worked with exact fractions).
const loan = { principal: cents(2_000_000), apr: '6.00', payment: cents(50_000), nextDueDate: '2026-12-15' };

describe('whatIf', () => {
  it('$100 extra a month: 8 payments and $436.75 of interest saved', () => {
    const r = whatIf({ ...loan, extraMonthly: cents(10_000) });
    expect(r.baseline).toEqual({
      payments: 45,
      payoffDate: '2030-08-15',
      finalPayment: 37_035,
      totalInterest: 237_035,
      totalPaid: 2_237_035,
    });
    expect(r.scenario).toEqual({
      payments: 37,
      payoffDate: '2029-12-15',
      finalPayment: 33_360,
      totalInterest: 193_360,
      totalPaid: 2_193_360,
    });
    expect(r.interestSaved).toBe(43_675);
    expect(r.paymentsSaved).toBe(8);
  });

  it('$3,000 once: 7 payments and $690.52 saved', () => {
    const r = whatIf({ ...loan, extraPayment: cents(300_000) });
    expect(r.scenario).toMatchObject({ payments: 38, payoffDate: '2030-01-15', finalPayment: 17_983 });
    expect(r.interestSaved).toBe(237_035 - 167_983);
    expect(r.paymentsSaved).toBe(7);
  });

  it('both together', () => {
    const r = whatIf({ ...loan, extraPayment: cents(300_000), extraMonthly: cents(5_000) });
    expect(r.scenario).toMatchObject({ payments: 34, payoffDate: '2029-09-15', totalInterest: 151_333 });
    expect(r.interestSaved).toBe(85_702);
  });

  it('paying the whole principal once ends the loan now', () => {
    const r = whatIf({ ...loan, extraPayment: cents(2_000_000) });
    expect(r.scenario.payments).toBe(0);
    expect(r.interestSaved).toBe(237_035);
  });

  it('refuses more than the principal and negative amounts, naming the field', () => {
    expect(() => whatIf({ ...loan, extraPayment: cents(2_000_001) })).toThrow(
      expect.objectContaining({ field: 'extraPayment' }),
    );
    expect(() => whatIf({ ...loan, extraMonthly: -1 as never })).toThrow(
      expect.objectContaining({ field: 'extraMonthly' }),
    );
  });
});

describe('whatIf with the payments left on the contract', () => {
  const maya = {
    principal: cents(2_259_040),
    apr: '5.99',
    payment: cents(55_085),
    nextDueDate: '2026-12-15',
    remainingPayments: 46,
  };

  it('the baseline is the disclosed path: 46 payments, the last $551.01', () => {
    const r = whatIf({ ...maya, extraMonthly: cents(10_000) });
    expect(r.baseline).toMatchObject({ payments: 46, payoffDate: '2030-09-15', finalPayment: 55_101 });
    expect(r.baseline.totalInterest).toBe(274_886);
    expect(r.scenario).toMatchObject({ payments: 39, payoffDate: '2030-02-15', finalPayment: 13_735 });
    expect(r.interestSaved).toBe(46_961);
  });

  it('$1,000 once: 44 payments, $253.15 saved', () => {
    const r = whatIf({ ...maya, extraPayment: cents(100_000) });
    expect(r.scenario).toMatchObject({ payments: 44, finalPayment: 39_956, totalInterest: 249_571 });
    expect(r.interestSaved).toBe(25_315);
    expect(r.paymentsSaved).toBe(2);
  });
});
