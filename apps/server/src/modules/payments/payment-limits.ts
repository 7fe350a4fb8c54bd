import { addDays, cents, compareDates, dueStatus, type IsoDate, payoffQuote } from '@marque/finance';
import type { ContractRow } from '../contracts/index.ts';

/** Payments may be scheduled up to this many days after the next due date. */
export const SCHEDULE_WINDOW_DAYS = 30;

export interface PaymentLimits {
  amountDue: number;
  pastDue: number;
  /** The most one payment may be: everything owed as of the business date. */
  payoff: number;
  nextDueDate: IsoDate | null;
  earliestDate: IsoDate;
  latestDate: IsoDate;
  principalOnlyAllowed: boolean;
}

/** What is owed on `date`: a loan's payoff with interest to that day; a lease's payments still to come and fees. */
export function owedOn(contract: ContractRow, date: IsoDate): number {
  if (contract.type === 'lease' || contract.apr === null) return contract.balanceCents + contract.feesCents;
  const accruedThrough = contract.interestAccruedThrough ?? contract.contractDate;
  return payoffQuote({
    principal: cents(contract.balanceCents),
    accruedInterest: cents(contract.interestCents),
    unpaidFees: cents(contract.feesCents),
    apr: contract.apr,
    interestAccruedThrough: accruedThrough,
    goodThrough: compareDates(date, accruedThrough) < 0 ? accruedThrough : date,
  }).payoff;
}

export function paymentLimits(contract: ContractRow, businessDate: IsoDate): PaymentLimits {
  const status = dueStatus({
    firstPaymentDate: contract.firstPaymentDate,
    termMonths: contract.termMonths,
    payment: cents(contract.paymentCents),
    paidTowardInstallments: cents(contract.paidTowardInstallmentsCents),
    businessDate,
  });
  const payoff = owedOn(contract, businessDate);
  const anchor =
    status.nextDueDate && compareDates(status.nextDueDate, businessDate) > 0
      ? status.nextDueDate
      : businessDate;
  return {
    amountDue: Math.min(status.amountDue + contract.feesCents, payoff),
    pastDue: Math.min(status.pastDue + contract.feesCents, payoff),
    payoff,
    nextDueDate: status.nextDueDate,
    earliestDate: businessDate,
    latestDate: addDays(anchor, SCHEDULE_WINDOW_DAYS),
    principalOnlyAllowed: contract.type === 'loan' && status.pastDue === 0 && contract.feesCents === 0,
  };
}
