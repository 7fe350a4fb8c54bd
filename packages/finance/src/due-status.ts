import { addMonths, compareDates, daysBetween, type IsoDate } from './dates.ts';
import { FinanceInputError } from './errors.ts';
import { type Cents, cents } from './money.ts';
import { requireAmount } from './validate.ts';

/** Input of {@link dueStatus}. */
export interface DueStatusInput {
  readonly firstPaymentDate: IsoDate;
  readonly termMonths: number;
  /** The scheduled monthly payment. */
  readonly payment: Cents;
  /**
   * Everything credited toward installments since the contract began (regular payments,
   * net of returns; principal-only payments and fee payments excluded).
   */
  readonly paidTowardInstallments: Cents;
  readonly businessDate: IsoDate;
}

/** Where a contract stands against its payment schedule on a business date. */
export interface DueStatus {
  /** Installments paid in full. */
  readonly paymentsMade: number;
  /** Due date of the oldest installment not yet paid in full; null when all are paid. */
  readonly nextDueDate: IsoDate | null;
  /** Paid toward the installment due on `nextDueDate` (a partial payment). */
  readonly creditTowardNext: Cents;
  /** Installments due before the business date and still unpaid. */
  readonly pastDue: Cents;
  /** Days since `nextDueDate` when it has passed, else 0. */
  readonly daysPastDue: number;
  /** What to pay now to be current through the next due date on or after the business date. */
  readonly amountDue: Cents;
}

/**
 * The "paid-to-date" method auto lenders use: payments credited toward installments advance the
 * due date one installment at a time; a shortfall leaves the due date where it is and ages the
 * account. Derived only from totals, so a returned or replayed payment cannot leave it stale.
 */
export function dueStatus(input: DueStatusInput): DueStatus {
  const payment = requireAmount(input.payment, 'payment', true);
  if (!Number.isInteger(input.termMonths) || input.termMonths < 1) {
    throw new FinanceInputError('invalid_input', 'termMonths must be a positive whole number', 'termMonths');
  }
  const paid = requireAmount(input.paidTowardInstallments, 'paidTowardInstallments');
  const term = input.termMonths;
  const paymentsMade = Math.min(term, Math.floor(paid / payment));
  const allPaid = paymentsMade >= term;
  const nextDueDate = allPaid ? null : addMonths(input.firstPaymentDate, paymentsMade);
  const creditTowardNext = cents(allPaid ? 0 : paid - paymentsMade * payment);

  let dueByToday = 0;
  while (
    dueByToday < term &&
    compareDates(addMonths(input.firstPaymentDate, dueByToday), input.businessDate) < 0
  ) {
    dueByToday++;
  }
  const pastDue = cents(Math.max(0, Math.min(dueByToday * payment, term * payment) - paid));
  const daysPastDue =
    nextDueDate !== null && compareDates(nextDueDate, input.businessDate) < 0
      ? daysBetween(nextDueDate, input.businessDate)
      : 0;
  // Current through the next due date on or after today: past due plus that installment.
  const throughNext = Math.min(term, dueByToday + 1) * payment;
  const amountDue = cents(Math.max(0, throughNext - paid));
  return { paymentsMade, nextDueDate, creditTowardNext, pastDue, daysPastDue, amountDue };
}
