import { describe, expect, it } from 'vitest';
import { FinanceInputError } from './errors.ts';
import { leasePayment } from './lease.ts';
import { leaseEndOptions } from './lease-end-options.ts';
import { mileageProjection } from './lease-mileage.ts';
import { wearEstimate } from './lease-wear.ts';
import { cents } from './money.ts';

// Scenario: the demo lessee's contract (Arden Sport AWD, MSRP $42,500, 58 % residual, 36 months).
const contract = {
  grossCapCost: cents(4_120_000),
  capCostReduction: cents(250_000),
  msrp: cents(4_250_000),
  residualPercent: '58',
  term: 36,
  moneyFactor: '0.00210',
  taxRate: '7.75',
};

describe('lease centre scenario: the Reg M disclosure of a stored contract', () => {
  it('rebuilds every figure to the cent', () => {
    const r = leasePayment(contract);
    expect(r).toMatchObject({
      grossCapCost: 4_120_000,
      capCostReduction: 250_000,
      adjustedCapCost: 3_870_000,
      residual: 2_465_000, // 58 % of 42,500.00
      depreciation: 1_405_000,
      monthlyDepreciation: 39_028, // 14,050.00 / 36 = 390.2777… → 390.28
      monthlyRent: 13_304, // (38,700 + 24,650) × 0.0021 = 133.035 → 133.04 (half-up)
      baseMonthlyPayment: 52_332,
      totalOfBasePayments: 1_883_952,
      rentCharge: 478_952, // total of base payments − depreciation
      monthlyTax: 4_056, // 523.32 × 7.75 % = 40.5573 → 40.56
      totalMonthlyPayment: 56_388,
      amountDueAtSigning: 306_388,
      totalOfPayments: 2_279_968, // 3,063.88 + 35 × 563.88
      aprEquivalent: '5.04',
    });
  });
});

describe('mileageProjection', () => {
  const base = {
    startDate: '2024-09-15',
    startOdometer: 12,
    maturityDate: '2027-09-15',
    asOf: '2026-11-24',
    milesPerYear: 12_000,
    termMonths: 36,
    ratePerMile: cents(25),
  };

  it('projects linearly from the latest reading and prices the excess at the contract rate', () => {
    const p = mileageProjection({
      ...base,
      readings: [
        { date: '2026-11-20', odometer: 29_012 },
        { date: '2025-03-10', odometer: 7_012 },
        { date: '2026-12-01', odometer: 99_999 }, // after asOf: ignored
      ],
    });
    // 796 of 1,095 days elapsed: 36,000 × 796 / 1,095 = 26,169.86 → 26,169 earned.
    expect(p.milesDriven).toBe(29_000);
    expect(p.allowanceToDate).toBe(26_169);
    expect(p.milesOverAllowance).toBe(2_831);
    expect(p.allowanceAtMaturity).toBe(36_000);
    // 29,000 × 299 / 796 = 10,893.22 → 10,893 more miles.
    expect(p.projectedMilesAtMaturity).toBe(39_893);
    expect(p.projectedOdometerAtMaturity).toBe(39_905);
    expect(p.projectedExcessMiles).toBe(3_893);
    expect(p.projectedExcessCharge).toBe(97_325);
    expect(p.averageMilesPerMonth).toBe(1_109);
    expect(p.points).toEqual([
      { date: '2024-09-15', allowance: 0, actual: 0, projected: null },
      {
        date: '2025-03-10',
        allowance: 5_786, // 36,000 × 176 / 1,095 = 5,786.3
        actual: 7_000,
        projected: null,
      },
      { date: '2026-11-20', allowance: 26_169, actual: 29_000, projected: 29_000 },
      { date: '2027-09-15', allowance: 36_000, actual: null, projected: 39_893 },
    ]);
  });

  it('with no readings projects nothing and charges nothing', () => {
    const p = mileageProjection({ ...base, readings: [] });
    expect(p).toMatchObject({ milesDriven: 0, projectedMilesAtMaturity: 0, projectedExcessCharge: 0 });
  });

  it('under the allowance there is no charge', () => {
    const p = mileageProjection({ ...base, readings: [{ date: '2026-09-15', odometer: 20_012 }] });
    expect(p.projectedMilesAtMaturity).toBe(30_000); // 20,000 over 2 years → 10,000 in the last
    expect(p.projectedExcessCharge).toBe(0);
  });

  it('refuses a reading below the delivery odometer', () => {
    expect(() => mileageProjection({ ...base, readings: [{ date: '2025-01-01', odometer: 3 }] })).toThrow(
      FinanceInputError,
    );
  });
});

describe('wearEstimate', () => {
  it('prices each item at its standard charge', () => {
    const w = wearEstimate({ tire: 2, dent: 3, key: 1, scratch: 0 });
    expect(w.lines).toEqual([
      { item: 'tire', quantity: 2, unit: 22_500, amount: 45_000 },
      { item: 'dent', quantity: 3, unit: 15_000, amount: 45_000 },
      { item: 'key', quantity: 1, unit: 35_000, amount: 35_000 },
    ]);
    expect(w.total).toBe(125_000);
  });

  it('refuses unknown items and impossible counts', () => {
    expect(() => wearEstimate({ roof: 1 })).toThrow(/unknown wear item/);
    expect(() => wearEstimate({ windshield: 2 })).toThrow(FinanceInputError);
    expect(() => wearEstimate({ tire: -1 })).toThrow(FinanceInputError);
  });
});

describe('leaseEndOptions', () => {
  it('adds up return, buy (with estimated financing) and extend', () => {
    const o = leaseEndOptions({
      residual: cents(2_465_000),
      purchaseOptionFee: cents(30_000),
      taxRate: '7.75',
      dispositionFee: cents(39_500),
      excessMileageCharge: cents(97_325),
      wearCharge: cents(125_000),
      remainingBalance: cents(0),
      monthlyPayment: cents(56_388),
      financeApr: '6.49',
      financeTermMonths: 48,
    });
    expect(o.return).toEqual({
      dispositionFee: 39_500,
      excessMileage: 97_325,
      wear: 125_000,
      total: 261_825,
    });
    // 24,950.00 × 7.75 % = 1,933.625 → 1,933.63
    expect(o.buy).toMatchObject({ purchaseOptionPrice: 2_495_000, tax: 193_363, total: 2_688_363 });
    // 26,883.63 at 6.49 % over 48 months: P·i / (1 − (1 + i)^−48) = 637.4200 → 637.42.
    expect(o.buy.financing).toEqual({ apr: '6.49', termMonths: 48, monthlyPayment: 63_742 });
    expect(o.extend.monthlyPayment).toBe(56_388);
  });
});
