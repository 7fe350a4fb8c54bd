import type { BuyVsLeaseCalculatorRequest, BuyVsLeaseCalculatorResult } from '@marque/contracts';
import { buyVsLeaseComparison, cents, leaseQuoteInput } from '@marque/finance';
import type { z } from 'zod';
import { calculate, usd } from './finance-errors.ts';

type Input = z.output<typeof BuyVsLeaseCalculatorRequest>;

// The finance package's field names → this request's.
const FIELDS: Record<string, string> = {
  sellingPrice: 'vehiclePrice',
  term: 'leaseTermMonths',
  termMonths: 'loanTermMonths',
  upfrontFees: 'leaseFees',
  'buy.price': 'vehiclePrice',
  'buy.downPayment': 'downPayment',
  'buy.fees': 'buyFees',
  'buy.taxRate': 'taxRate',
  'buy.valueAtHorizon': 'valueAtHorizon',
  horizonMonths: 'leaseTermMonths',
};

/**
 * Buying with a loan against leasing the same vehicle over the lease term: cash paid, equity
 * at the end and net cost of each, with a month-by-month series. The value at the end defaults
 * to the lease residual (the lessor's own estimate of it).
 */
export function compareBuyVsLease(input: Input): BuyVsLeaseCalculatorResult {
  const r = calculate(() => {
    const lease = leaseQuoteInput({
      msrp: cents(input.msrp),
      sellingPrice: cents(input.vehiclePrice),
      capCostReduction: cents(input.capCostReduction),
      residualPercent: input.residualPercent,
      moneyFactor: input.moneyFactor,
      term: input.leaseTermMonths,
      taxRate: input.taxRate,
      acquisitionFee: cents(input.acquisitionFee),
      upfrontFees: cents(input.leaseFees),
      dispositionFee: cents(input.dispositionFee),
    });
    const valueAtHorizon = cents(input.valueAtHorizon ?? lease.residual ?? 0);
    const result = buyVsLeaseComparison({
      buy: {
        price: cents(input.vehiclePrice),
        downPayment: cents(input.downPayment),
        apr: input.apr,
        termMonths: input.loanTermMonths,
        taxRate: input.taxRate,
        fees: cents(input.buyFees),
        valueAtHorizon,
      },
      lease,
    });
    return { ...result, valueAtHorizon };
  }, FIELDS);
  return {
    horizonMonths: r.horizonMonths,
    valueAtHorizon: usd(r.valueAtHorizon),
    buy: {
      paid: usd(r.buy.paid),
      equity: usd(r.buy.equity),
      netCost: usd(r.buy.netCost),
      monthlyPayment: usd(r.buy.monthlyPayment),
      loanBalanceAtHorizon: usd(r.buy.loanBalanceAtHorizon),
    },
    lease: {
      paid: usd(r.lease.paid),
      equity: usd(r.lease.equity),
      netCost: usd(r.lease.netCost),
      monthlyPayment: usd(r.lease.monthlyPayment),
    },
    difference: usd(r.difference),
    savings: usd(Math.abs(r.difference)),
    cheaper: r.cheaper,
    series: r.series.map((p) => ({
      month: p.month,
      buyNetCost: usd(p.buyNetCost),
      buyPaid: usd(p.buyPaid),
      buyEquity: usd(p.buyEquity),
      leasePaid: usd(p.leasePaid),
    })),
  };
}
