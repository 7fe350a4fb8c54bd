import { describe, expect, it } from 'vitest';
import { FinanceInputError } from './errors.ts';
import { leaseQuote } from './lease-quote.ts';
import { cents } from './money.ts';

// MSRP $42,000, sold at $39,500, $3,000 down, 58 % residual, MF 0.00250, 36 months, 7.25 %
// tax on the monthly payment, $895 acquisition fee capitalized, $450 title/registration.
const quote = {
  msrp: cents(4_200_000),
  sellingPrice: cents(3_950_000),
  capCostReduction: cents(300_000),
  residualPercent: '58',
  moneyFactor: '0.00250',
  term: 36,
  taxRate: '7.25',
  acquisitionFee: cents(89_500),
  upfrontFees: cents(45_000),
};

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof FinanceInputError ? `${e.code}:${e.field}` : 'other';
  }
  return 'none';
};

describe('leaseQuote', () => {
  it('computes the Regulation M figures to the cent', () => {
    const r = leaseQuote(quote);
    expect(r).toMatchObject({
      grossCapCost: 4_039_500, // 39,500 + 895
      adjustedCapCost: 3_739_500,
      residual: 2_436_000, // 58 % of 42,000
      depreciation: 1_303_500,
      monthlyDepreciation: 36_208, // 13,035 / 36 = 362.083…
      monthlyRent: 15_439, // (37,395 + 24,360) × 0.0025 = 154.3875
      baseMonthlyPayment: 51_647,
      rentCharge: 51_647 * 36 - 1_303_500,
      monthlyTax: 3_744, // 516.47 × 7.25 % = 37.444…
      totalMonthlyPayment: 55_391,
      amountDueAtSigning: 300_000 + 55_391 + 45_000,
      moneyFactor: '0.00250',
      aprEquivalent: '6.00',
      moneyFactorSource: 'money-factor',
      acquisitionFeeCapitalized: true,
    });
  });

  it('adds an acquisition fee paid at signing to the amount due instead', () => {
    const r = leaseQuote({ ...quote, capitalizeAcquisitionFee: false });
    expect(r.grossCapCost).toBe(3_950_000);
    expect(r.monthlyDepreciation).toBe(33_722); // 12,140 / 36 = 337.222…
    expect(r.monthlyRent).toBe(15_215); // (36,500 + 24,360) × 0.0025 = 152.15
    expect(r.amountDueAtSigning).toBe(300_000 + r.totalMonthlyPayment + 45_000 + 89_500);
  });

  it('converts an APR-equivalent to a money factor explicitly (÷ 2400, 6 decimals)', () => {
    const { moneyFactor: _, ...rest } = quote;
    const r = leaseQuote({ ...rest, aprEquivalent: '6.00' });
    expect(r.moneyFactor).toBe('0.002500');
    expect(r.moneyFactorSource).toBe('apr-equivalent');
    expect(r.baseMonthlyPayment).toBe(51_647);
    expect(leaseQuote({ ...rest, aprEquivalent: '4.9' }).moneyFactor).toBe('0.002042');
  });

  it('taxes the selling price upfront in upfront-price states', () => {
    const r = leaseQuote({ ...quote, taxMethod: 'upfront-price' });
    expect(r.upfrontTax).toBe(286_375); // 39,500 × 7.25 %
    expect(r.monthlyTax).toBe(0);
    expect(r.amountDueAtSigning).toBe(300_000 + 51_647 + 45_000 + 286_375);
  });

  it('rejects inconsistent inputs with a code and field', () => {
    expect(codeOf(() => leaseQuote({ ...quote, residualPercent: '95' }))).toBe(
      'residual_above_price:residualPercent',
    );
    expect(codeOf(() => leaseQuote({ ...quote, aprEquivalent: '6' }))).toBe('rate_required:moneyFactor');
    expect(codeOf(() => leaseQuote({ ...quote, residual: cents(2_000_000) }))).toBe(
      'residual_required:residual',
    );
    expect(codeOf(() => leaseQuote({ ...quote, capCostReduction: cents(1_700_000) }))).toBe(
      'cap_cost_reduction_too_large:capCostReduction',
    );
    expect(codeOf(() => leaseQuote({ ...quote, term: 72 }))).toBe('invalid_input:term');
    expect(codeOf(() => leaseQuote({ ...quote, taxRate: '120' }))).toBe('invalid_input:taxRate');
  });
});
