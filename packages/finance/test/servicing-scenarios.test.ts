import { describe, expect, it } from 'vitest';
import {
  assessFee,
  cents,
  lateFee,
  loanPayment,
  payoffQuote,
  postPayment,
  type SimpleInterestState,
  whatIf,
} from '../src/index.ts';

// A $10,000 simple-interest contract at 8.00 % for 12 months, signed 2026-01-15, due on the
// 15th. Interest accrues actual/365 on the principal between postings, rounded once per span;
// payments go to fees, then interest, then principal. Expected figures were computed
// independently with exact rational arithmetic (Python `fractions`).
const terms = { apr: '8' };
const payment = loanPayment({ amountFinanced: cents(1_000_000), apr: '8', termMonths: 12 });
const start: SimpleInterestState = {
  principal: cents(1_000_000),
  accruedInterest: cents(0),
  accruedThrough: '2026-01-15',
  fees: cents(0),
};
const rule = { percent: '5', min: cents(1500), max: cents(2500), graceDays: 10 };

describe('scenario: late payment', () => {
  it('charges the extra days of interest and a late fee paid first from the next payment', () => {
    expect(payment).toBe(86_988);
    // Payment 1 on time: 31 days on $10,000 = 67.95 interest.
    const p1 = postPayment(start, { date: '2026-02-15', amount: payment }, terms);
    expect(p1.allocation.applied).toMatchObject({ interest: 6_795, principal: 80_193 });
    expect(p1.state.principal).toBe(919_807);

    // Payment 2 due 2026-03-15 is still unpaid on 2026-03-26, the first day after grace.
    expect(lateFee({ rule, installment: payment, dueDate: '2026-03-15', asOf: '2026-03-25' }).fee).toBe(0);
    const fee = lateFee({ rule, installment: payment, dueDate: '2026-03-15', asOf: '2026-03-26' });
    expect(fee).toEqual({ fee: 2_500, assessable: true, assessableFrom: '2026-03-26' });
    const withFee = assessFee(p1.state, fee.fee);

    // Paid on 2026-04-02: 46 days of interest (92.74); the fee is paid first.
    const p2 = postPayment(withFee, { date: '2026-04-02', amount: payment }, terms);
    expect(p2.allocation.applied).toMatchObject({ pastDueFees: 2_500, interest: 9_274, principal: 75_214 });
    expect(p2.state).toEqual({
      principal: 844_593,
      accruedInterest: 0,
      accruedThrough: '2026-04-02',
      fees: 0,
    });

    // Payment 3 on time 13 days later: little interest, more principal.
    const p3 = postPayment(p2.state, { date: '2026-04-15', amount: payment }, terms);
    expect(p3.allocation.applied).toMatchObject({ interest: 2_407, principal: 84_581 });
    expect(p3.state.principal).toBe(760_012);
  });
});

describe('scenario: payoff mid-cycle', () => {
  it('quotes principal + interest through the good-through date + fees, with the per diem', () => {
    const p1 = postPayment(start, { date: '2026-02-15', amount: payment }, terms);
    const p2 = postPayment(assessFee(p1.state, cents(2_500)), { date: '2026-04-02', amount: payment }, terms);
    const p3 = postPayment(p2.state, { date: '2026-04-15', amount: payment }, terms);
    const q = payoffQuote({
      principal: p3.state.principal,
      apr: '8',
      interestAccruedThrough: p3.state.accruedThrough,
      accruedInterest: p3.state.accruedInterest,
      unpaidFees: p3.state.fees,
      goodThrough: '2026-04-30',
    });
    // 15 days × 7,600.12 × 8 % / 365 = 24.9867… → 24.99
    expect(q).toMatchObject({ payoff: 762_511, principal: 760_012, interest: 2_499, fees: 0, days: 15 });
    expect(q.perDiem.amount).toBe('1.6658');
    // Paying the quote on that date clears the account exactly.
    const paid = postPayment(p3.state, { date: '2026-04-30', amount: q.payoff }, terms);
    expect(paid.state).toMatchObject({ principal: 0, accruedInterest: 0, fees: 0 });
    expect(paid.allocation.unapplied).toBe(0);
  });
});

describe('scenario: prepayment', () => {
  it('sends an extra $1,000 to principal and shortens the loan', () => {
    const p1 = postPayment(start, { date: '2026-02-15', amount: payment }, terms);
    const p2 = postPayment(p1.state, { date: '2026-03-15', amount: cents(payment + 100_000) }, terms);
    // 28 days on 9,198.07 = 56.45 interest; everything else reduces principal.
    expect(p2.allocation.applied).toMatchObject({ interest: 5_645, principal: 181_343 });
    expect(p2.state.principal).toBe(738_464);

    const w = whatIf({
      principal: p1.state.principal,
      apr: '8',
      payment,
      nextDueDate: '2026-03-15',
      extraPayment: cents(100_000),
    });
    // The late-ish first period left $1.43 for a 12th payment on the current path; the extra
    // $1,000 ends the loan two payments earlier and saves $74.46 of interest.
    expect(w.baseline).toMatchObject({
      payments: 12,
      finalPayment: 143,
      totalInterest: 37_204,
      payoffDate: '2027-02-15',
    });
    expect(w.scenario).toMatchObject({
      payments: 10,
      finalPayment: 66_673,
      totalInterest: 29_758,
      payoffDate: '2026-12-15',
    });
    expect(w.paymentsSaved).toBe(2);
    expect(w.interestSaved).toBe(7_446);
  });
});
