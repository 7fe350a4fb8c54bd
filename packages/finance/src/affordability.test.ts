import { describe, expect, it } from 'vitest';
import { affordability } from './affordability.ts';
import { FinanceInputError } from './errors.ts';
import { loanPayment } from './loan-payment.ts';
import { cents } from './money.ts';

const base = {
  monthlyBudget: cents(55_000),
  downPayment: cents(300_000),
  termMonths: 60,
  apr: '6.49',
  taxRate: '7.25',
  fees: cents(82_400),
};

describe('affordability', () => {
  it('finds the highest price whose payment stays within the budget, to the cent', () => {
    const r = affordability(base);
    expect(r).toMatchObject({
      vehiclePrice: 2_824_499,
      salesTax: 204_776, // 28,244.99 × 7.25 % = 2,047.76…
      amountFinanced: 2_811_675,
      monthlyPayment: 55_000,
      financeCharge: 488_358,
      totalOfPayments: 3_300_033,
      paymentToIncomePercent: null,
      paymentToIncomeBand: null,
    });
    // One cent more and the payment goes over the budget.
    const financedPlusOne = 2_824_500 + 204_776 + 82_400 - 300_000;
    expect(loanPayment({ amountFinanced: cents(financedPlusOne), apr: '6.49', termMonths: 60 })).toBe(55_001);
  });

  it('gives a payment-to-income hint when income is given', () => {
    expect(affordability({ ...base, monthlyIncome: cents(600_000) })).toMatchObject({
      paymentToIncomePercent: '9.2',
      paymentToIncomeBand: 'comfortable',
    });
    expect(affordability({ ...base, monthlyIncome: cents(400_000) }).paymentToIncomeBand).toBe('stretch');
    expect(affordability({ ...base, monthlyIncome: cents(300_000) })).toMatchObject({
      paymentToIncomePercent: '18.3',
      paymentToIncomeBand: 'high',
    });
  });

  it('at 0 % without tax the price is budget × term + down − fees', () => {
    const r = affordability({
      monthlyBudget: cents(40_000),
      termMonths: 48,
      apr: '0',
      downPayment: cents(100_000),
    });
    expect(r.vehiclePrice).toBe(40_000 * 48 + 100_000);
    expect(r.financeCharge).toBe(0);
  });

  it('says the budget is too low when it cannot even carry the financed fees', () => {
    try {
      affordability({ monthlyBudget: cents(100), termMonths: 12, apr: '5', fees: cents(500_000) });
      expect.fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(FinanceInputError);
      expect((e as FinanceInputError).code).toBe('budget_too_low');
      expect((e as FinanceInputError).field).toBe('monthlyBudget');
    }
  });
});
