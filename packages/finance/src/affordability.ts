import { amortizationSchedule } from './amortization.ts';
import { parseDecimal, pow10 } from './decimal.ts';
import { FinanceInputError } from './errors.ts';
import { levelPayment, parseApr, REGULAR_FIRST_PERIOD } from './loan-payment.ts';
import { type Cents, cents } from './money.ts';
import { divRound, mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';
import { MAX_VEHICLE_LOAN_MONTHS } from './vehicle-loan.ts';

/** Input of {@link affordability}; amounts in cents. */
export interface AffordabilityInput {
  /** The most the buyer wants to pay a month, > 0. */
  readonly monthlyBudget: Cents;
  readonly downPayment?: Cents;
  readonly termMonths: number;
  readonly apr: string;
  /** Sales tax on the price, percent; financed. */
  readonly taxRate?: string;
  /** Fees financed with the car (doc, title, registration). */
  readonly fees?: Cents;
  /** Gross monthly income; only for the payment-to-income hint. */
  readonly monthlyIncome?: Cents;
}

/**
 * Payment as a share of gross income: up to 10 % is the usual comfortable guideline for a car
 * payment, up to 15 % a stretch, above that a risk to the rest of the budget.
 */
export type PaymentToIncomeBand = 'comfortable' | 'stretch' | 'high';

export interface AffordabilityResult {
  /** The highest vehicle price whose payment stays within the budget, to the cent. */
  readonly vehiclePrice: Cents;
  readonly salesTax: Cents;
  readonly fees: Cents;
  readonly downPayment: Cents;
  readonly amountFinanced: Cents;
  /** The level payment at that price: at most the budget. */
  readonly monthlyPayment: Cents;
  readonly financeCharge: Cents;
  readonly totalOfPayments: Cents;
  /** Budget ÷ income in percent to 1 decimal, half-up; null without income. */
  readonly paymentToIncomePercent: string | null;
  readonly paymentToIncomeBand: PaymentToIncomeBand | null;
}

/**
 * The most a buyer can pay for a vehicle given a monthly budget: the largest price P (cents)
 * whose financed amount P + tax(P) + fees − down has a level payment ≤ the budget. The
 * payment is monotonic in P, so a binary search over whole cents with the exact payment
 * function finds P exactly (no inverse formula, whose rounding could overshoot by a cent).
 */
export function affordability(input: AffordabilityInput): AffordabilityResult {
  const budget = requireAmount(input.monthlyBudget, 'monthlyBudget', true);
  const down = requireAmount(input.downPayment ?? 0, 'downPayment');
  const fees = requireAmount(input.fees ?? 0, 'fees');
  const n = requireInt(input.termMonths, 'termMonths', 1, MAX_VEHICLE_LOAN_MONTHS);
  const rate = parseApr(input.apr);
  const tax = parseDecimal(input.taxRate ?? '0', 'taxRate');
  if (tax.units / pow10(tax.scale) > 100)
    throw new FinanceInputError('invalid_input', 'taxRate is above 100', 'taxRate');
  const taxOf = (p: number) => mulDivRound(p, tax.units, 100 * pow10(tax.scale), 'half-up');
  const financedAt = (p: number) => p + taxOf(p) + fees - down;
  const paymentAt = (p: number) => {
    const f = financedAt(p);
    return f <= 0 ? 0 : levelPayment(f, rate, n, REGULAR_FIRST_PERIOD);
  };
  if (paymentAt(0) > budget) {
    throw new FinanceInputError(
      'budget_too_low',
      'the budget does not cover the fees that would be financed',
      'monthlyBudget',
    );
  }
  // With a non-negative rate the payment is at least financed / n, so P ≤ budget·n + down.
  let lo = 0;
  let hi = budget * n + down + 1;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (paymentAt(mid) <= budget) lo = mid;
    else hi = mid;
  }
  const price = lo;
  const financed = Math.max(0, financedAt(price));
  const payment = paymentAt(price);
  // Exact totals from the schedule (its final payment absorbs the rounding residue).
  const schedule =
    financed > 0
      ? amortizationSchedule({
          amountFinanced: cents(financed),
          apr: input.apr,
          termMonths: n,
          contractDate: '2026-01-01',
          firstPaymentDate: '2026-02-01',
        })
      : null;
  const total = schedule?.totalOfPayments ?? 0;
  let ratio: string | null = null;
  let band: PaymentToIncomeBand | null = null;
  if (input.monthlyIncome !== undefined) {
    const income = requireAmount(input.monthlyIncome, 'monthlyIncome', true);
    const tenths = divRound(budget * 1000, income, 'half-up');
    ratio = `${Math.floor(tenths / 10)}.${tenths % 10}`;
    band = tenths <= 100 ? 'comfortable' : tenths <= 150 ? 'stretch' : 'high';
  }
  return {
    vehiclePrice: cents(price),
    salesTax: cents(taxOf(price)),
    fees,
    downPayment: down,
    amountFinanced: cents(financed),
    monthlyPayment: cents(payment),
    financeCharge: schedule?.financeCharge ?? cents(0),
    totalOfPayments: cents(total),
    paymentToIncomePercent: ratio,
    paymentToIncomeBand: band,
  };
}
