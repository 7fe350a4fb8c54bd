import { addMonths, daysBetween, type IsoDate, parseYmd } from './dates.ts';
import { FinanceInputError } from './errors.ts';
import { interestForDays } from './interest.ts';
import { type MonthlyRate, parseApr } from './loan-payment.ts';
import { type Cents, cents } from './money.ts';
import { mulDivRound } from './rounding.ts';
import { requireAmount, requireInt } from './validate.ts';

/** Where a path of level payments ends. */
export interface PayoffPath {
  readonly payments: number;
  readonly payoffDate: IsoDate;
  readonly finalPayment: Cents;
  /** Interest paid along the path, the interest already accrued at its start included. */
  readonly totalInterest: Cents;
}

const MAX_PAYMENTS = 1200;

/**
 * Level payments from `firstDue` on a simple-interest loan: each month earns principal × APR/12
 * (half-up, like the schedule), payments go to interest first, and interest accrued before the
 * first payment (`accrued`) is paid first and earns nothing, because simple interest never
 * compounds.
 */
export function projectPayoff(
  principal: number,
  accrued: number,
  rate: MonthlyRate,
  payment: number,
  firstDue: IsoDate,
  last = Number.POSITIVE_INFINITY,
): PayoffPath {
  let balance = principal;
  let interestOwed = accrued;
  let interestTotal = accrued;
  for (let k = 1; k <= MAX_PAYMENTS; k++) {
    const interest = mulDivRound(balance, rate.num, rate.den, 'half-up');
    interestOwed += interest;
    interestTotal += interest;
    const owed = balance + interestOwed;
    const pay = k === last ? owed : Math.min(owed, payment);
    const toInterest = Math.min(pay, interestOwed);
    interestOwed -= toInterest;
    balance -= pay - toInterest;
    if (balance === 0 && interestOwed === 0) {
      return {
        payments: k,
        payoffDate: addMonths(firstDue, k - 1),
        finalPayment: cents(pay),
        totalInterest: cents(interestTotal),
      };
    }
  }
  throw new FinanceInputError('invalid_input', 'the payment does not pay the loan off', 'payment');
}

/** The loan as it stands, the common input of the request quotes. */
export interface LoanPosition {
  /** Principal balance now. */
  readonly principal: Cents;
  readonly apr: string;
  /** The scheduled monthly payment. */
  readonly payment: Cents;
  /** The next due date; later ones fall monthly on the same day. */
  readonly nextDueDate: IsoDate;
  /**
   * Payments left; the last pays whatever is owed, so moving a payment keeps their number and the
   * final payment absorbs the extra interest. Without it the path runs until paid.
   */
  readonly remainingPayments?: number;
}

/** The cost of a request: the current path against the one the request would create. */
export interface RequestCost {
  readonly current: PayoffPath;
  readonly proposed: PayoffPath;
  /** Interest paid over the life of the loan beyond the current path. */
  readonly extraInterest: Cents;
  /** Final payment after the request minus the current final payment. */
  readonly finalPaymentChange: Cents;
}

function lastOf(input: LoanPosition): number {
  return input.remainingPayments === undefined
    ? Number.POSITIVE_INFINITY
    : requireInt(input.remainingPayments, 'remainingPayments', 1, MAX_PAYMENTS);
}

function cost(current: PayoffPath, proposed: PayoffPath): RequestCost {
  return {
    current,
    proposed,
    extraInterest: cents(proposed.totalInterest - current.totalInterest),
    finalPaymentChange: cents(proposed.finalPayment - current.finalPayment),
  };
}

/** The due days a borrower may choose: 1 to 28, so every month has the day. */
export const DUE_DAY_MIN = 1;
export const DUE_DAY_MAX = 28;

/** Input of {@link dueDateChangeCost}. */
export interface DueDateChangeInput extends LoanPosition {
  /** The new day of the month, 1…28, different from the current one. */
  readonly newDueDay: number;
}

/** A due-date change quote. */
export interface DueDateChangeCost extends RequestCost {
  /** The next payment falls due here instead of on `nextDueDate`. */
  readonly newFirstDueDate: IsoDate;
  /** Days the next payment moves later (1…30). */
  readonly extraDays: number;
  /** Simple interest that keeps accruing over the extra days (actual/365, half-up). */
  readonly interestForExtraDays: Cents;
}

/**
 * Moving the due day: the next payment falls due on the first `newDueDay` after the current next
 * due date (a due date only ever moves later, so no payment is skipped or doubled), interest keeps
 * accruing on the principal for the extra days, and the payment amount stays the same, so that
 * interest is collected at the end: a larger (or one more) final payment.
 */
export function dueDateChangeCost(input: DueDateChangeInput): DueDateChangeCost {
  const principal = requireAmount(input.principal, 'principal', true);
  const payment = requireAmount(input.payment, 'payment', true);
  const rate = parseApr(input.apr);
  const day = requireInt(input.newDueDay, 'newDueDay', DUE_DAY_MIN, DUE_DAY_MAX);
  const next = parseYmd(input.nextDueDate, 'nextDueDate');
  if (day === next.d) throw new FinanceInputError('invalid_input', 'is already the due day', 'newDueDay');
  const sameMonth = `${input.nextDueDate.slice(0, 8)}${String(day).padStart(2, '0')}`;
  const newFirstDueDate = day > next.d ? sameMonth : addMonths(sameMonth, 1);
  const extraDays = daysBetween(input.nextDueDate, newFirstDueDate);
  const { interest } = interestForDays({ principal, apr: input.apr, days: extraDays });
  const last = lastOf(input);
  const current = projectPayoff(principal, 0, rate, payment, input.nextDueDate, last);
  const proposed = projectPayoff(principal, interest, rate, payment, newFirstDueDate, last);
  return { ...cost(current, proposed), newFirstDueDate, extraDays, interestForExtraDays: interest };
}

/** At most this many payments may be moved to the end of the loan at once. */
export const MAX_DEFERRED_PAYMENTS = 2;

/** Input of {@link extensionCost}. */
export interface ExtensionInput extends LoanPosition {
  /** Payments to move to the end: 1 or 2. */
  readonly payments: number;
}

/** A payment-extension (deferral) quote. */
export interface ExtensionCost extends RequestCost {
  /** The first payment due after the deferral. */
  readonly newNextDueDate: IsoDate;
  /** Interest that accrues on the principal over the deferred months. */
  readonly interestWhileDeferred: Cents;
}

/**
 * Deferring 1 or 2 payments to the end: nothing is due for those months, interest keeps accruing
 * on the principal (principal × APR/12 a month, half-up), payments resume at the same amount, and
 * the maturity moves out. The new maturity date is `proposed.payoffDate`.
 */
export function extensionCost(input: ExtensionInput): ExtensionCost {
  const principal = requireAmount(input.principal, 'principal', true);
  const payment = requireAmount(input.payment, 'payment', true);
  const rate = parseApr(input.apr);
  const n = requireInt(input.payments, 'payments', 1, MAX_DEFERRED_PAYMENTS);
  parseYmd(input.nextDueDate, 'nextDueDate');
  const interestWhileDeferred = cents(mulDivRound(principal, rate.num * n, rate.den, 'half-up'));
  const newNextDueDate = addMonths(input.nextDueDate, n);
  const last = lastOf(input);
  const current = projectPayoff(principal, 0, rate, payment, input.nextDueDate, last);
  const proposed = projectPayoff(principal, interestWhileDeferred, rate, payment, newNextDueDate, last);
  return { ...cost(current, proposed), newNextDueDate, interestWhileDeferred };
}
