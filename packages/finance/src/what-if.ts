import { addMonthsYmd, type IsoDate, parseYmd } from './dates.ts';
import { FinanceInputError } from './errors.ts';
import { type MonthlyRate, parseApr } from './loan-payment.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Input of {@link whatIf}. */
export interface WhatIfInput {
  /** Principal balance now, just after the last payment. */
  readonly principal: Cents;
  readonly apr: string;
  /** The current scheduled payment. */
  readonly payment: Cents;
  /** The next due date; later ones fall monthly on the same day. */
  readonly nextDueDate: IsoDate;
  /** A one-time extra principal payment made now. */
  readonly extraPayment?: Cents;
  /** A new regular payment amount (e.g. rounding up to $500). */
  readonly newPayment?: Cents;
  /** An extra amount added to every future payment. */
  readonly extraMonthly?: Cents;
  /**
   * Payments left on the contract. The last one pays whatever is owed (as the disclosed
   * schedule's final payment absorbs the rounding residue); without it the path runs until paid.
   */
  readonly remainingPayments?: number;
}

/** A projected payoff path. */
export interface Projection {
  readonly payments: number;
  readonly payoffDate: IsoDate;
  readonly finalPayment: Cents;
  readonly totalInterest: Cents;
  readonly totalPaid: Cents;
}

/** Baseline against scenario. */
export interface WhatIfResult {
  readonly baseline: Projection;
  readonly scenario: Projection;
  readonly interestSaved: Cents;
  readonly paymentsSaved: number;
}

const MAX_PAYMENTS = 1200;

// Monthly actuarial projection (balance × APR/12 each period, half-up), like the schedule.
function project(
  balance: number,
  rate: MonthlyRate,
  payment: number,
  due: IsoDate,
  field: string,
  last = Number.POSITIVE_INFINITY,
): Projection {
  const { y, m, d } = parseYmd(due, 'nextDueDate');
  let interestTotal = 0;
  let paid = 0;
  for (let k = 1; k <= MAX_PAYMENTS; k++) {
    const interest = mulDivRound(balance, rate.num, rate.den, 'half-up');
    if (k === 1 && payment <= interest && balance > 0) {
      throw new FinanceInputError('invalid_input', 'payment does not cover the monthly interest', field);
    }
    const owed = balance + interest;
    const pay = k === last ? owed : Math.min(owed, payment);
    interestTotal += interest;
    paid += pay;
    balance = owed - pay;
    if (balance === 0) {
      return {
        payments: k,
        payoffDate: addMonthsYmd(y, m, d, k - 1, 'clamp'),
        finalPayment: cents(pay),
        totalInterest: cents(interestTotal),
        totalPaid: cents(paid),
      };
    }
  }
  throw new FinanceInputError('invalid_input', `does not pay off within ${MAX_PAYMENTS} payments`, field);
}

/**
 * What-if on a loan: an extra payment now and/or a new payment amount → new payoff date and
 * interest saved, against the current path.
 */
export function whatIf(input: WhatIfInput): WhatIfResult {
  const principal = requireAmount(input.principal, 'principal', true);
  const rate = parseApr(input.apr);
  const payment = requireAmount(input.payment, 'payment', true);
  const extra = requireAmount(input.extraPayment ?? 0, 'extraPayment');
  if (extra > principal)
    throw new FinanceInputError('invalid_input', 'exceeds the principal', 'extraPayment');
  const newPayment =
    requireAmount(input.newPayment ?? payment, 'newPayment', true) +
    requireAmount(input.extraMonthly ?? 0, 'extraMonthly');
  const last =
    input.remainingPayments === undefined
      ? Number.POSITIVE_INFINITY
      : requireInt(input.remainingPayments, 'remainingPayments', 1, MAX_PAYMENTS);
  const baseline = project(principal, rate, payment, input.nextDueDate, 'payment', last);
  const scenario =
    principal - extra === 0
      ? {
          payments: 0,
          payoffDate: input.nextDueDate,
          finalPayment: cents(0),
          totalInterest: cents(0),
          totalPaid: cents(0),
        }
      : project(principal - extra, rate, newPayment, input.nextDueDate, 'newPayment', last);
  return {
    baseline,
    scenario,
    interestSaved: cents(baseline.totalInterest - scenario.totalInterest),
    paymentsSaved: baseline.payments - scenario.payments,
  };
}
