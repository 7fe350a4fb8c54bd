import { describe, expect, it } from 'vitest';
import { dueDateChangeCost, extensionCost, projectPayoff } from './account-requests.ts';
import { parseApr } from './loan-payment.ts';
import { cents } from './money.ts';
import { whatIf } from './what-if.ts';

// $20,000 at 6.00 % paying $500 a month, next due 15 December 2026. Expected figures were worked
// independently with exact fractions (balance × 0.5 % a month half-up; simple interest paid first).
const loan = { principal: cents(2_000_000), apr: '6.00', payment: cents(50_000), nextDueDate: '2026-12-15' };

describe('projectPayoff', () => {
  it('matches the what-if baseline when nothing has accrued', () => {
    const path = projectPayoff(2_000_000, 0, parseApr('6.00'), 50_000, '2026-12-15');
    expect(path).toEqual({
      payments: 45,
      payoffDate: '2030-08-15',
      finalPayment: 37_035,
      totalInterest: 237_035,
    });
    expect(whatIf(loan).baseline).toMatchObject({
      payments: 45,
      finalPayment: 37_035,
      totalInterest: 237_035,
    });
  });

  it('refuses a payment that never pays the loan off', () => {
    expect(() => projectPayoff(2_000_000, 0, parseApr('6.00'), 10_000, '2026-12-15')).toThrow(
      expect.objectContaining({ field: 'payment' }),
    );
  });
});

describe('dueDateChangeCost', () => {
  it('moving the 15th to the 25th: 10 more days of interest, collected in a larger final payment', () => {
    const q = dueDateChangeCost({ ...loan, newDueDay: 25 });
    expect(q.newFirstDueDate).toBe('2026-12-25');
    expect(q.extraDays).toBe(10);
    // 20,000 × 6 % × 10 / 365 = 32.8767 → $32.88
    expect(q.interestForExtraDays).toBe(3_288);
    expect(q.proposed).toEqual({
      payments: 45,
      payoffDate: '2030-08-25',
      finalPayment: 41_128,
      totalInterest: 241_128,
    });
    // The accrued interest is paid first, so a little less principal is paid early: $40.93 in all.
    expect(q.extraInterest).toBe(4_093);
    expect(q.finalPaymentChange).toBe(4_093);
  });

  it('an earlier day moves to next month: the 15th to the 5th is 21 days later', () => {
    const q = dueDateChangeCost({ ...loan, newDueDay: 5 });
    expect(q.newFirstDueDate).toBe('2027-01-05');
    expect(q.extraDays).toBe(21);
    expect(q.interestForExtraDays).toBe(6_904);
    expect(q.proposed.finalPayment).toBe(45_631);
    expect(q.extraInterest).toBe(8_596);
  });

  it('refuses the current day and days outside 1-28', () => {
    for (const newDueDay of [15, 0, 29, 31, 2.5]) {
      expect(() => dueDateChangeCost({ ...loan, newDueDay })).toThrow(
        expect.objectContaining({ field: 'newDueDay' }),
      );
    }
  });
});

describe('extensionCost', () => {
  it('one payment moved to the end: a month of interest and the maturity a month later', () => {
    const q = extensionCost({ ...loan, payments: 1 });
    expect(q.newNextDueDate).toBe('2027-01-15');
    expect(q.interestWhileDeferred).toBe(10_000);
    expect(q.proposed).toEqual({
      payments: 45,
      payoffDate: '2030-09-15',
      finalPayment: 49_489,
      totalInterest: 249_489,
    });
    expect(q.extraInterest).toBe(12_454);
  });

  it('two payments: the loan needs one more payment', () => {
    const q = extensionCost({ ...loan, payments: 2 });
    expect(q.newNextDueDate).toBe('2027-02-15');
    expect(q.interestWhileDeferred).toBe(20_000);
    expect(q.proposed).toEqual({
      payments: 46,
      payoffDate: '2030-11-15',
      finalPayment: 12_003,
      totalInterest: 262_003,
    });
    expect(q.extraInterest).toBe(24_968);
    expect(q.finalPaymentChange).toBe(12_003 - 37_035);
  });

  it('allows 1 or 2 payments only', () => {
    for (const payments of [0, 3, 1.5]) {
      expect(() => extensionCost({ ...loan, payments })).toThrow(
        expect.objectContaining({ field: 'payments' }),
      );
    }
  });
});

// The demo loan after 14 of 60 payments: $22,590.40 at 5.99 %, $550.85 a month, 46 payments left,
// the last one ($551.01 on 15 September 2030, as disclosed) absorbing the rounding residue.
const maya = {
  principal: cents(2_259_040),
  apr: '5.99',
  payment: cents(55_085),
  nextDueDate: '2026-12-15',
  remainingPayments: 46,
};

describe('with the payments left on the contract', () => {
  it('the current path ends on the disclosed final payment', () => {
    const q = dueDateChangeCost({ ...maya, newDueDay: 25 });
    expect(q.current).toEqual({
      payments: 46,
      payoffDate: '2030-09-15',
      finalPayment: 55_101,
      totalInterest: 274_886,
    });
  });

  it('a due-date change keeps 46 payments; the last grows by the extra interest', () => {
    const q = dueDateChangeCost({ ...maya, newDueDay: 25 });
    // 22,590.40 × 5.99 % × 10 / 365 = 37.0733 → $37.07
    expect(q.interestForExtraDays).toBe(3_707);
    expect(q.proposed).toEqual({
      payments: 46,
      payoffDate: '2030-09-25',
      finalPayment: 59_737,
      totalInterest: 279_522,
    });
    expect(q.extraInterest).toBe(4_636);
    expect(q.finalPaymentChange).toBe(4_636);
  });

  it('extensions move the maturity a month per payment and raise the final payment', () => {
    const one = extensionCost({ ...maya, payments: 1 });
    // 22,590.40 × 5.99 % / 12 = 112.7637 → $112.76
    expect(one.interestWhileDeferred).toBe(11_276);
    expect(one.proposed).toEqual({
      payments: 46,
      payoffDate: '2030-10-15',
      finalPayment: 69_209,
      totalInterest: 288_994,
    });
    expect(one.extraInterest).toBe(14_108);
    const two = extensionCost({ ...maya, payments: 2 });
    expect(two.interestWhileDeferred).toBe(22_553);
    expect(two.proposed).toMatchObject({ payoffDate: '2030-11-15', finalPayment: 83_319 });
    expect(two.extraInterest).toBe(28_218);
  });
});
