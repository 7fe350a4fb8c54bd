import { cents, compareDates, formatMoney, type IsoDate } from '@marque/finance';
import { newId } from '../../platform/ids.ts';
import type { ContractRow } from '../contracts/index.ts';
import {
  ACCOUNTS,
  accrualEntry,
  addDeltas,
  deltaOf,
  entryLines,
  installmentColumns,
  type NewEntry,
  type NewPosting,
  NO_DELTA,
  paymentEntryOf,
  splitPayment,
} from '../ledger/index.ts';
import { type AutopayRow, type NextDraft, nextDraft } from './autopay-schedule.ts';
import { newConfirmationNumber } from './confirmation-number.ts';

/** An enrolment whose draft is due, with its contract as read (locked) in the same transaction. */
export interface DueEnrolment {
  enrolment: AutopayRow;
  contract: ContractRow;
}

/** One journal entry to write; `k` orders them (an accrual before its payment) and keys the lines. */
export interface PlannedEntry extends NewEntry {
  k: number;
  lines: NewPosting[];
}

/**
 * Everything a partition's drafts write, computed in memory from the rows read: the rows of a
 * handful of multi-row statements (draft-autopay-range.ts). The money is computed exactly as
 * `applyPayment` computes it (accrual to the business date, then the waterfall split), from
 * the same ledger functions.
 */
export interface DraftPlan {
  entries: PlannedEntry[];
  payments: {
    entryK: number;
    publicId: string;
    confirmationNumber: string;
    contractId: number;
    customerId: number;
    paymentMethodId: number;
    paymentMethodPublicId: string;
    methodLabel: string;
    amount: number;
    fees: number;
    interest: number;
    principal: number;
    unapplied: number;
    toward: number;
  }[];
  /** Read-model moves: balance deltas plus the paid-to-date columns (one row per contract). */
  contracts: {
    id: number;
    balance: number;
    interest: number;
    fees: number;
    unapplied: number;
    accruedThrough: IsoDate | null;
    paid: number | undefined;
    paymentsMade: number | undefined;
    nextDueDate: IsoDate | null | undefined;
    pastDue: number | undefined;
    daysPastDue: number | undefined;
  }[];
  /** Every enrolment whose cycle passed (drafted or skipped): its new last drafted due date. */
  enrolments: { id: number; dueDate: IsoDate }[];
  notices: { publicId: string; userId: number; title: string; body: string }[];
  /**
   * Accrued past the business date (a rerun of an earlier date): the payment must replay
   * accruals, which only the locking path does, so these few are posted one at a time.
   */
  backdated: (DueEnrolment & { draft: NextDraft })[];
  skipped: number;
}

/** The in-portal notice of a draft, the same words the per-enrolment path always wrote. */
export function draftNotice(
  enrolment: Pick<AutopayRow, 'userId' | 'methodLabel'>,
  draft: { amount: number; dueDate: IsoDate },
  confirmationNumber: string,
): DraftPlan['notices'][number] {
  return {
    publicId: newId('ntf'),
    userId: enrolment.userId,
    title: `Automatic payment of $${formatMoney(cents(draft.amount))} initiated`,
    body: `Confirmation number ${confirmationNumber}, from ${enrolment.methodLabel}, for the payment due ${draft.dueDate}.`,
  };
}

/** The drafts of the business date among `due` (the `nextDraft` rule decides; the SQL only prefilters). */
export function planDrafts(
  due: readonly DueEnrolment[],
  businessDate: IsoDate,
  /** Where confirmation numbers come from (a batch checked against the table, or random). */
  nextConfirmation: () => string = newConfirmationNumber,
): DraftPlan {
  const plan: DraftPlan = {
    entries: [],
    payments: [],
    contracts: [],
    enrolments: [],
    notices: [],
    backdated: [],
    skipped: 0,
  };
  for (const { enrolment, contract } of due) {
    const draft = nextDraft(enrolment, contract, businessDate);
    if (!draft || compareDates(draft.date, businessDate) > 0) continue;
    plan.enrolments.push({ id: enrolment.id, dueDate: draft.dueDate });
    if (draft.skipped || draft.amount === 0) {
      plan.skipped++;
      continue;
    }
    if (contract.interestAccruedThrough && compareDates(businessDate, contract.interestAccruedThrough) < 0) {
      plan.backdated.push({ enrolment, contract, draft });
      continue;
    }
    planPayment(plan, enrolment, contract, draft, businessDate, nextConfirmation());
  }
  return plan;
}

function planPayment(
  plan: DraftPlan,
  enrolment: AutopayRow,
  seen: ContractRow,
  draft: NextDraft,
  businessDate: IsoDate,
  confirmationNumber: string,
): void {
  const publicId = newId('pay');
  const source = `payment:${publicId}`;
  const contract = { ...seen };
  let delta = NO_DELTA;
  const accrual = accrualEntry(contract, businessDate, businessDate, source);
  if (accrual) {
    // As bookAccrual: the accrued-through date moves even when the interest rounds to zero.
    contract.interestAccruedThrough = businessDate;
    contract.interestCents += accrual.interest;
    const lines = entryLines(accrual.entry);
    if (lines) {
      plan.entries.push({ ...accrual.entry, k: plan.entries.length, lines });
      delta = deltaOf(lines);
    }
  }
  const split = splitPayment(contract, draft.amount, false);
  const entry = paymentEntryOf(
    contract.id,
    {
      amount: draft.amount,
      effectiveDate: businessDate,
      bookingDate: businessDate,
      principalOnly: false,
      receivedInto: ACCOUNTS.cashInTransit,
      source,
      description: `Payment ${confirmationNumber}`,
    },
    split,
  );
  const lines = entryLines(entry);
  if (lines === null) throw new Error('a payment must move money');
  const entryK = plan.entries.length;
  plan.entries.push({ ...entry, k: entryK, lines });
  delta = addDeltas(delta, deltaOf(lines));
  const toward = split.interest + split.principal;
  const columns = installmentColumns(seen, toward, businessDate);
  plan.contracts.push({
    id: contract.id,
    ...delta,
    accruedThrough: contract.interestAccruedThrough,
    paid: columns.paidTowardInstallmentsCents,
    paymentsMade: columns.paymentsMade,
    nextDueDate: columns.nextDueDate,
    pastDue: columns.pastDueCents,
    daysPastDue: columns.daysPastDue,
  });
  plan.payments.push({
    entryK,
    publicId,
    confirmationNumber,
    contractId: contract.id,
    customerId: enrolment.customerId,
    paymentMethodId: enrolment.paymentMethodId,
    paymentMethodPublicId: enrolment.paymentMethodPublicId,
    methodLabel: enrolment.methodLabel,
    amount: draft.amount,
    fees: split.fees,
    interest: split.interest,
    principal: split.principal,
    unapplied: split.unapplied,
    toward,
  });
  plan.notices.push(draftNotice(enrolment, draft, confirmationNumber));
}
