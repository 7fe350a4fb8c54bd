import { amortizationSchedule } from './amortization.ts';
import { addMonths, type IsoDate } from './dates.ts';
import { parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { type LeaseInput, leasePayment } from './lease.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** The buy path: a retail installment contract. */
export interface BuyPath {
  readonly price: Cents;
  readonly downPayment: Cents;
  readonly apr: string;
  readonly termMonths: number;
  /** Sales tax rate on the price, percent, paid upfront. */
  readonly taxRate?: string;
  /** Upfront fees (title, registration, doc fee). */
  readonly fees?: Cents;
  /** Estimated vehicle value at the end of the horizon. */
  readonly valueAtHorizon: Cents;
}

/** Input of {@link buyVsLease}. */
export interface BuyVsLeaseInput {
  readonly buy: BuyPath;
  readonly lease: LeaseInput;
  /** Months compared; default the lease term. */
  readonly horizonMonths?: number;
  /** Used only to date the loan schedule; any date gives the same totals. */
  readonly startDate?: IsoDate;
}

/** Totals of one path over the horizon. */
export interface PathCost {
  /** Cash paid out over the horizon. */
  readonly paid: Cents;
  /** Vehicle value minus what is still owed on it at the horizon (0 for a returned lease). */
  readonly equity: Cents;
  /** paid − equity: the comparable cost. */
  readonly netCost: Cents;
}

export interface BuyVsLeaseResult {
  readonly horizonMonths: number;
  readonly buy: PathCost & { readonly monthlyPayment: Cents; readonly loanBalanceAtHorizon: Cents };
  readonly lease: PathCost & { readonly monthlyPayment: Cents };
  /** buy.netCost − lease.netCost: positive means leasing costs less. */
  readonly difference: Cents;
  readonly cheaper: 'buy' | 'lease' | 'same';
}

/** Total cost of buying and of leasing over the same horizon, with the buyer's equity at the end. */
export function buyVsLease(input: BuyVsLeaseInput): BuyVsLeaseResult {
  const lease = leasePayment(input.lease);
  const horizon = requireInt(input.horizonMonths ?? lease.term, 'horizonMonths', 1, 120);
  const b = input.buy;
  const price = requireAmount(b.price, 'buy.price', true);
  const down = requireAmount(b.downPayment, 'buy.downPayment');
  const fees = requireAmount(b.fees ?? 0, 'buy.fees');
  const rate = parseDecimal(b.taxRate ?? '0', 'buy.taxRate');
  const tax = mulDivRound(price, rate.units, 100 * pow10(rate.scale), 'half-up');
  if (down >= price)
    throw new FinanceInputError('invalid_input', 'must be less than the price', 'buy.downPayment');
  const start = input.startDate ?? '2026-01-01';
  const schedule = amortizationSchedule({
    amountFinanced: cents(price - down),
    apr: b.apr,
    termMonths: b.termMonths,
    contractDate: start,
    firstPaymentDate: addMonths(start, 1),
  });
  const made = schedule.rows.slice(0, horizon);
  const loanPaid = made.reduce((s, r) => s + r.payment, 0);
  const owed = made.length === schedule.rows.length ? 0 : (made[made.length - 1]?.balance ?? price - down);
  const buyPaid = down + tax + fees + loanPaid;
  const equity = requireAmount(b.valueAtHorizon, 'buy.valueAtHorizon') - owed;

  // Lease: due at signing covers month 1; then one payment a month while the lease runs; the
  // disposition fee when it is returned at the end inside the horizon.
  const months = Math.min(horizon, lease.term);
  const returned = horizon >= lease.term;
  const leasePaid =
    lease.amountDueAtSigning +
    lease.totalMonthlyPayment * (months - 1) +
    (returned ? (input.lease.dispositionFee ?? 0) : 0);
  const buyNet = buyPaid - equity;
  const diff = buyNet - leasePaid;
  return {
    horizonMonths: horizon,
    buy: {
      paid: cents(buyPaid),
      equity: cents(equity),
      netCost: cents(buyNet),
      monthlyPayment: schedule.payment,
      loanBalanceAtHorizon: cents(owed),
    },
    lease: {
      paid: cents(leasePaid),
      equity: cents(0),
      netCost: cents(leasePaid),
      monthlyPayment: lease.totalMonthlyPayment,
    },
    difference: cents(diff),
    cheaper: diff > 0 ? 'lease' : diff < 0 ? 'buy' : 'same',
  };
}
