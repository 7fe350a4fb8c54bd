import { describe, expect, it } from 'vitest';
import { buyVsLeaseComparison } from './buy-vs-lease-series.ts';
import { leaseQuoteInput } from './lease-quote.ts';
import { cents } from './money.ts';

const input = {
  buy: {
    price: cents(3_950_000),
    downPayment: cents(300_000),
    apr: '6.49',
    termMonths: 60,
    taxRate: '7.25',
    fees: cents(82_400),
    valueAtHorizon: cents(2_436_000),
  },
  lease: leaseQuoteInput({
    msrp: cents(4_200_000),
    sellingPrice: cents(3_950_000),
    capCostReduction: cents(300_000),
    residualPercent: '58',
    moneyFactor: '0.00250',
    term: 36,
    taxRate: '7.25',
    acquisitionFee: cents(89_500),
    upfrontFees: cents(45_000),
    dispositionFee: cents(39_500),
  }),
};

describe('buyVsLeaseComparison', () => {
  it('totals both paths over the lease term, to the cent', () => {
    const r = buyVsLeaseComparison(input);
    expect(r.horizonMonths).toBe(36);
    // Buy: 3,000 down + 2,863.75 tax + 824 fees + 36 × 713.99.
    expect(r.buy).toEqual({
      paid: 300_000 + 286_375 + 82_400 + 36 * 71_399,
      equity: 2_436_000 - 1_602_990,
      netCost: 2_406_129,
      monthlyPayment: 71_399,
      loanBalanceAtHorizon: 1_602_990,
    });
    // Lease: 4,003.91 at signing + 35 × 553.91 + 395 disposition.
    expect(r.lease.paid).toBe(400_391 + 35 * 55_391 + 39_500);
    expect(r.difference).toBe(27_553);
    expect(r.cheaper).toBe('lease');
  });

  it('has a point per month whose last one equals the totals', () => {
    const r = buyVsLeaseComparison(input);
    expect(r.series).toHaveLength(37);
    expect(r.series[0]).toEqual({
      month: 0,
      buyPaid: 668_775,
      buyEquity: 300_000, // the down payment: value = price, owed = price − down
      buyNetCost: 368_775,
      leasePaid: 400_391,
    });
    // Month 1: one loan payment; value down 1/36 of 15,140 (420.56 half-up); lease still at signing.
    expect(r.series[1]).toEqual({
      month: 1,
      buyPaid: 668_775 + 71_399,
      buyEquity: 3_950_000 - 42_056 - (3_650_000 - (71_399 - 19_740)),
      buyNetCost: 430_571,
      leasePaid: 400_391,
    });
    const last = r.series[36];
    expect(last?.buyPaid).toBe(r.buy.paid);
    expect(last?.buyEquity).toBe(r.buy.equity);
    expect(last?.buyNetCost).toBe(r.buy.netCost);
    expect(last?.leasePaid).toBe(r.lease.paid);
  });
});
