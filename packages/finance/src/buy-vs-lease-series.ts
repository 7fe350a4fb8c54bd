import { amortizationSchedule } from './amortization.ts';
import { type BuyVsLeaseInput, type BuyVsLeaseResult, buyVsLease } from './buy-vs-lease.ts';
import { parseDecimal, pow10 } from './decimal.ts';
import { leasePayment } from './lease.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';

/** Where each path stands after `month` months (0 = the day both are signed). */
export interface BuyVsLeasePoint {
  readonly month: number;
  /** Cash paid for buying so far: down payment, tax, fees, then loan payments. */
  readonly buyPaid: Cents;
  /** Estimated vehicle value − loan balance. */
  readonly buyEquity: Cents;
  /** buyPaid − buyEquity. */
  readonly buyNetCost: Cents;
  /** Cash paid for leasing so far: due at signing, then monthly payments, the disposition fee at the end. */
  readonly leasePaid: Cents;
}

export interface BuyVsLeaseComparison extends BuyVsLeaseResult {
  readonly series: BuyVsLeasePoint[];
}

/**
 * {@link buyVsLease} with a month-by-month series for a chart. The vehicle's value is assumed
 * to fall in a straight line from the price to `valueAtHorizon` (rounded half-up per month), an
 * estimate for illustration; the last point equals the totals exactly.
 */
export function buyVsLeaseComparison(input: BuyVsLeaseInput): BuyVsLeaseComparison {
  const totals = buyVsLease(input);
  const horizon = totals.horizonMonths;
  const b = input.buy;
  const rate = parseDecimal(b.taxRate ?? '0', 'buy.taxRate');
  const upfront =
    b.downPayment + mulDivRound(b.price, rate.units, 100 * pow10(rate.scale), 'half-up') + (b.fees ?? 0);
  const schedule = amortizationSchedule({
    amountFinanced: cents(b.price - b.downPayment),
    apr: b.apr,
    termMonths: b.termMonths,
    contractDate: '2026-01-01',
    firstPaymentDate: '2026-02-01',
  });
  const lease = leasePayment(input.lease);
  const drop = b.price - b.valueAtHorizon;
  const series: BuyVsLeasePoint[] = [];
  let paid = upfront;
  let owed: number = schedule.amountFinanced;
  for (let k = 0; k <= horizon; k++) {
    const row = k > 0 ? schedule.rows[k - 1] : undefined;
    if (row !== undefined) {
      paid += row.payment;
      owed = row.balance;
    } else if (k > 0) owed = 0;
    const value = b.price - mulDivRound(drop, k, horizon, 'half-up');
    const leaseMonths = Math.max(1, Math.min(k, lease.term));
    const returned = k >= lease.term;
    const leasePaid =
      lease.amountDueAtSigning +
      lease.totalMonthlyPayment * (leaseMonths - 1) +
      (returned ? (input.lease.dispositionFee ?? 0) : 0);
    series.push({
      month: k,
      buyPaid: cents(paid),
      buyEquity: cents(value - owed),
      buyNetCost: cents(paid - value + owed),
      leasePaid: cents(leasePaid),
    });
  }
  return { ...totals, series };
}
