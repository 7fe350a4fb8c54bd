import { describe, expect, it } from 'vitest';
import { buyVsLease } from './buy-vs-lease.ts';
import { leasePayment } from './lease.ts';
import {
  earlyTerminationEstimate,
  excessMileageCharge,
  leaseImplicitRate,
  purchaseOption,
} from './lease-end.ts';
import { cents } from './money.ts';

const lease = leasePayment({
  grossCapCost: cents(2_270_000),
  capCostReduction: cents(270_000),
  residual: cents(800_000),
  term: 48,
  moneyFactor: '0.00400',
  dispositionFee: cents(39_500),
});

describe('lease end', () => {
  it('charges excess miles beyond the allowance', () => {
    expect(
      excessMileageCharge({
        milesPerYear: 12_000,
        termMonths: 36,
        milesDriven: 40_000,
        ratePerMile: cents(25),
      }),
    ).toEqual({
      allowedMiles: 36_000,
      excessMiles: 4_000,
      charge: 100_000,
    });
    expect(
      excessMileageCharge({
        milesPerYear: 10_000,
        termMonths: 39,
        purchasedMiles: 3_000,
        milesDriven: 30_000,
        ratePerMile: cents(20),
      }),
    ).toMatchObject({ allowedMiles: 35_500, excessMiles: 0, charge: 0 });
  });

  it('prices the purchase option with tax', () => {
    expect(
      purchaseOption({ residual: cents(800_000), purchaseOptionFee: cents(30_000), taxRate: '6' }),
    ).toEqual({
      price: 830_000,
      tax: 49_800,
      total: 879_800,
    });
  });

  it('estimates early termination from the actuarial lease balance', () => {
    // The implicit rate of a money-factor lease is close to MF × 2 per month.
    const r = leaseImplicitRate(lease.adjustedCapCost, lease.baseMonthlyPayment, lease.residual, lease.term);
    expect(r * 12 * 100).toBeGreaterThan(9.2);
    expect(r * 12 * 100).toBeLessThan(10.0);
    const end = earlyTerminationEstimate({ lease, paymentsMade: 48, vehicleValue: cents(800_000) });
    expect(end.adjustedLeaseBalance).toBe(800_000);
    const early = earlyTerminationEstimate({
      lease,
      paymentsMade: 24,
      vehicleValue: cents(1_200_000),
      earlyTerminationFee: cents(20_000),
      dispositionFee: cents(39_500),
    });
    expect(early.adjustedLeaseBalance).toBeGreaterThan(1_200_000);
    expect(early.adjustedLeaseBalance).toBeLessThan(1_500_000);
    expect(early.total).toBe(early.deficiency + 59_500);
    const first = earlyTerminationEstimate({ lease, paymentsMade: 1, vehicleValue: cents(0) });
    // A month after signing: (adjusted cap cost − first payment) plus a month of rent.
    expect(
      Math.abs(first.adjustedLeaseBalance - Math.round((2_000_000 - 36_200) * (1 + r))),
    ).toBeLessThanOrEqual(1);
  });
});

describe('buyVsLease', () => {
  it('compares both paths over the lease term with the buyer’s equity', () => {
    const r = buyVsLease({
      lease: {
        grossCapCost: cents(2_270_000),
        capCostReduction: cents(270_000),
        residual: cents(800_000),
        term: 48,
        moneyFactor: '0.00400',
        dispositionFee: cents(39_500),
      },
      buy: {
        price: cents(2_270_000),
        downPayment: cents(270_000),
        apr: '6.9',
        termMonths: 60,
        valueAtHorizon: cents(900_000),
      },
    });
    expect(r.horizonMonths).toBe(48);
    expect(r.lease.paid).toBe(270_000 + 36_200 * 48 + 39_500);
    expect(r.buy.monthlyPayment).toBe(39_508);
    expect(r.buy.paid).toBe(270_000 + 39_508 * 48);
    expect(r.buy.equity).toBe(900_000 - r.buy.loanBalanceAtHorizon);
    expect(r.difference).toBe(r.buy.netCost - r.lease.netCost);
    expect(r.cheaper).toBe(r.difference > 0 ? 'lease' : 'buy');
  });
});
