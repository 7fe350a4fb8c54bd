import {
  addBusinessDays,
  addDays,
  addMonths,
  compareDates,
  federalReserveCalendar,
  type IsoDate,
} from '@marque/finance';
import type { ContractRow } from '../contracts/index.ts';
import type { autopayEnrollments } from './autopay-tables.ts';
import { paymentLimits } from './payment-limits.ts';

export type AutopayRow = typeof autopayEnrollments.$inferSelect;

export interface NextDraft {
  /** The due date this draft pays toward. */
  dueDate: IsoDate;
  /** When the debit is initiated. */
  date: IsoDate;
  amount: number;
  /** Paused for this cycle: the draft is skipped. */
  skipped: boolean;
}

/**
 * The next draft of an enrolment: for the oldest due date not drafted yet, N days before it
 * (never before today, so a late account is drafted at the next run), for the amount due or
 * the amount due plus the extra, never more than the payoff. Paid ahead: nothing is due, the
 * amount is 0 and the cycle passes without a debit.
 */
export function nextDraft(
  enrolment: AutopayRow,
  contract: ContractRow,
  businessDate: IsoDate,
): NextDraft | null {
  if (enrolment.status === 'suspended') return null;
  if (enrolment.status === 'stopped' && enrolment.finalDraftDate === null) return null;
  if (contract.status !== 'active' || contract.nextDueDate === null) return null;
  let dueDate = contract.nextDueDate;
  if (enrolment.lastDraftDueDate && compareDates(dueDate, enrolment.lastDraftDueDate) <= 0) {
    dueDate = addMonths(enrolment.lastDraftDueDate, 1);
  }
  if (compareDates(dueDate, contract.maturityDate) > 0) return null;
  const ideal = addDays(dueDate, -enrolment.draftDaysBeforeDue);
  const date = compareDates(ideal, businessDate) < 0 ? businessDate : ideal;
  const limits = paymentLimits(contract, businessDate);
  const extra = enrolment.amountRule === 'fixed_extra' && limits.amountDue > 0 ? enrolment.extraCents : 0;
  const wanted = limits.amountDue + extra;
  return {
    dueDate,
    date,
    amount: Math.min(wanted, limits.payoff),
    skipped: enrolment.status === 'paused' && enrolment.skipDueDate === dueDate,
  };
}

/**
 * Reg E: a stop must reach us three business days before a scheduled transfer to stop it.
 * Returns the draft date that still goes, or null when the stop is immediate.
 */
export function draftStillGoing(draft: NextDraft | null, businessDate: IsoDate): IsoDate | null {
  if (!draft || draft.skipped) return null;
  const year = Number(businessDate.slice(0, 4));
  const cutoff = addBusinessDays(businessDate, 3, federalReserveCalendar(year, year + 1));
  return compareDates(draft.date, cutoff) < 0 ? draft.date : null;
}
