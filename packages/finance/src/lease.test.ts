import { describe, expect, it } from 'vitest';
import { FinanceInputError } from './errors.ts';
import { leasePayment } from './lease.ts';
import { cents } from './money.ts';
import { aprEquivalentFromMoneyFactor, moneyFactorFromAprEquivalent } from './rates.ts';

const example = {
  grossCapCost: cents(2_270_000),
  capCostReduction: cents(270_000),
  residual: cents(800_000),
  term: 48,
  moneyFactor: '0.00400',
};

describe('leasePayment', () => {
  it('computes the Regulation M figures of the issue example', () => {
    const r = leasePayment(example);
    expect(r).toMatchObject({
      adjustedCapCost: 2_000_000,
      depreciation: 1_200_000,
      monthlyDepreciation: 25_000,
      monthlyRent: 11_200,
      rentCharge: 537_600,
      baseMonthlyPayment: 36_200,
      totalOfBasePayments: 1_737_600,
      monthlyTax: 0,
      totalMonthlyPayment: 36_200,
      aprEquivalent: '9.60',
      purchaseOptionPrice: 800_000,
    });
    // Due at signing: cap cost reduction + first payment; total: that + 47 more payments.
    expect(r.amountDueAtSigning).toBe(270_000 + 36_200);
    expect(r.totalOfPayments).toBe(270_000 + 36_200 * 48);
  });

  it('taxes the monthly payment (and optionally the cap cost reduction)', () => {
    const r = leasePayment({ ...example, taxRate: '7.25', taxCapCostReduction: true, fees: cents(45_000) });
    expect(r.monthlyTax).toBe(2_625); // 362.00 × 7.25 % = 26.245 → 26.25
    expect(r.totalMonthlyPayment).toBe(38_825);
    expect(r.capCostReductionTax).toBe(19_575);
    expect(r.amountDueAtSigning).toBe(270_000 + 38_825 + 45_000 + 19_575);
  });

  it('taxes the sum of payments upfront', () => {
    const r = leasePayment({ ...example, taxRate: '6.25', taxMethod: 'upfront-payments' });
    expect(r.monthlyTax).toBe(0);
    expect(r.upfrontTax).toBe(125_475); // (17,376 + 2,700) × 6.25 % = 1,254.75
    expect(r.amountDueAtSigning).toBe(270_000 + 36_200 + 125_475);
  });

  it('taxes the full price upfront, paid or capitalized', () => {
    const paid = leasePayment({
      ...example,
      taxRate: '6.25',
      taxMethod: 'upfront-price',
      taxablePrice: cents(2_500_000),
    });
    expect(paid.upfrontTax).toBe(156_250);
    expect(paid.baseMonthlyPayment).toBe(36_200);
    const rolled = leasePayment({
      ...example,
      taxRate: '6.25',
      taxMethod: 'upfront-price',
      taxablePrice: cents(2_500_000),
      capitalizeUpfrontTax: true,
    });
    expect(rolled.grossCapCost).toBe(2_270_000 + 156_250);
    expect(rolled.adjustedCapCost).toBe(2_156_250);
    expect(rolled.amountDueAtSigning).toBe(270_000 + rolled.totalMonthlyPayment);
  });

  it('derives the residual from MSRP and a percent', () => {
    const r = leasePayment({
      ...example,
      residual: undefined,
      msrp: cents(2_500_000),
      residualPercent: '58.5',
    });
    expect(r.residual).toBe(1_462_500);
  });

  it('includes the disposition fee and excludes the refundable deposit from the total of payments', () => {
    const r = leasePayment({ ...example, securityDeposit: cents(40_000), dispositionFee: cents(39_500) });
    expect(r.amountDueAtSigning).toBe(270_000 + 36_200 + 40_000);
    expect(r.totalOfPayments).toBe(270_000 + 36_200 * 48 + 39_500);
  });

  it('rejects impossible leases with the field name', () => {
    expect(() => leasePayment({ ...example, term: 0 })).toThrow(expect.objectContaining({ field: 'term' }));
    expect(() => leasePayment({ ...example, residual: cents(2_100_000) })).toThrow(
      expect.objectContaining({ field: 'residual' }),
    );
    expect(() => leasePayment({ ...example, moneyFactor: '0.004.1' })).toThrow(FinanceInputError);
    expect(() => leasePayment({ ...example, residual: undefined })).toThrow(
      expect.objectContaining({ field: 'residual' }),
    );
  });
});

describe('money factor ↔ lease rate equivalent', () => {
  it('multiplies and divides by 2400 exactly', () => {
    expect(aprEquivalentFromMoneyFactor('0.00400')).toBe('9.60');
    expect(aprEquivalentFromMoneyFactor('0.00125')).toBe('3.00');
    expect(aprEquivalentFromMoneyFactor('0.00213')).toBe('5.112');
    expect(moneyFactorFromAprEquivalent('9.60')).toBe('0.004000');
    expect(moneyFactorFromAprEquivalent('5', 5)).toBe('0.00208');
  });
});
