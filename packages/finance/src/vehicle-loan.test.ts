import { describe, expect, it } from 'vitest';
import { FinanceInputError } from './errors.ts';
import { cents } from './money.ts';
import { vehicleLoanEstimate } from './vehicle-loan.ts';

// $35,000 car, $4,000 down, trade worth $8,000 with $3,000 owed, 7.25 % tax with trade credit,
// $499 doc fee, $325 title/registration, 6.49 % for 60 months. Figures checked with exact
// rational arithmetic outside this package (Python fractions).
const purchase = {
  vehiclePrice: cents(3_500_000),
  downPayment: cents(400_000),
  tradeInValue: cents(800_000),
  tradeInPayoff: cents(300_000),
  taxRate: '7.25',
  docFee: cents(49_900),
  titleRegistrationFee: cents(32_500),
  apr: '6.49',
  termMonths: 60,
};

describe('vehicleLoanEstimate', () => {
  it('finances price + tax on (price − trade) + fees − down − trade equity, to the cent', () => {
    const r = vehicleLoanEstimate(purchase);
    expect(r).toMatchObject({
      taxableAmount: 2_700_000,
      salesTax: 195_750, // 27,000 × 7.25 %
      fees: 82_400,
      netTradeIn: 500_000,
      amountFinanced: 2_878_150,
      monthlyPayment: 56_301,
      finalPayment: 56_291,
      numberOfPayments: 60,
      financeCharge: 499_900,
      totalOfPayments: 3_378_050,
      totalSalePrice: 3_378_050 + 400_000 + 500_000,
      annualPercentageRate: '6.49',
    });
    expect(r.balances).toHaveLength(61);
    expect(r.balances[0]).toEqual({ month: 0, balance: 2_878_150, principalPaid: 0, interestPaid: 0 });
    expect(r.balances[1]).toEqual({
      month: 1,
      balance: 2_837_415,
      principalPaid: 40_735,
      interestPaid: 15_566,
    });
    expect(r.balances[60]).toEqual({
      month: 60,
      balance: 0,
      principalPaid: 2_878_150,
      interestPaid: 499_900,
    });
  });

  it('taxes the full price when the state gives no trade-in credit', () => {
    const r = vehicleLoanEstimate({ ...purchase, taxBase: 'price' });
    expect(r.taxableAmount).toBe(3_500_000);
    expect(r.salesTax).toBe(253_750);
    expect(r.amountFinanced).toBe(2_936_150);
  });

  it('finances negative trade-in equity and leaves it out of the sale price', () => {
    const r = vehicleLoanEstimate({ ...purchase, tradeInPayoff: cents(1_000_000) });
    expect(r.netTradeIn).toBe(-200_000);
    expect(r.amountFinanced).toBe(2_878_150 + 700_000);
    expect(r.totalSalePrice).toBe(r.totalOfPayments + 400_000);
  });

  it('at 0 % the finance charge is zero and the payment is the amount ÷ term, half-up', () => {
    const r = vehicleLoanEstimate({ vehiclePrice: cents(1_000_000), apr: '0', termMonths: 36 });
    expect(r.monthlyPayment).toBe(27_778); // 277.777… → 277.78
    expect(r.finalPayment).toBe(1_000_000 - 27_778 * 35);
    expect(r.financeCharge).toBe(0);
    expect(r.annualPercentageRate).toBe('0.00');
  });

  it('names the field of bad input', () => {
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof FinanceInputError ? `${e.code}:${e.field}` : 'other';
      }
      return 'none';
    };
    expect(fieldOf(() => vehicleLoanEstimate({ ...purchase, termMonths: 97 }))).toBe(
      'invalid_input:termMonths',
    );
    expect(fieldOf(() => vehicleLoanEstimate({ ...purchase, downPayment: cents(4_000_000) }))).toBe(
      'nothing_to_finance:downPayment',
    );
    expect(fieldOf(() => vehicleLoanEstimate({ ...purchase, tradeInValue: cents(3_600_000) }))).toBe(
      'trade_in_above_price:tradeInValue',
    );
    expect(fieldOf(() => vehicleLoanEstimate({ ...purchase, taxRate: '101' }))).toBe('invalid_input:taxRate');
    expect(fieldOf(() => vehicleLoanEstimate({ ...purchase, vehiclePrice: cents(0) }))).toBe(
      'invalid_input:vehiclePrice',
    );
  });
});
