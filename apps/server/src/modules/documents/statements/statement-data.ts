import type { Transaction } from '@marque/contracts';
import { cents, compareDates, daysBetween, type IsoDate, perDiem } from '@marque/finance';

/** What a monthly statement says, in cents, computed from the ledger before anything is drawn. */
export interface StatementInput {
  statementDate: IsoDate;
  /** First day of the period; the period ends on the statement date. */
  periodStart: IsoDate;
  dueDate: IsoDate;
  contract: {
    type: 'loan' | 'lease';
    paymentCents: number;
    pastDueCents: number;
    daysPastDue: number;
    /** Principal (loans) or remaining lease balance, from the ledger read model. */
    balanceCents: number;
    feesCents: number;
    unappliedCents: number;
    apr: string | null;
    contractDate: IsoDate;
    maturityDate: IsoDate;
    mileageAllowancePerYear: number | null;
    excessMileageRateCents: number | null;
  };
  /** Owed (principal + interest + fees − credits) at the end of the day before the period. */
  openingBalanceCents: number;
  /** The period's transactions in the order they were booked; the statement lists them by date. */
  transactions: readonly Transaction[];
  interestPaidYtdCents: number;
  autopay: boolean;
}

export interface StatementLine {
  date: IsoDate;
  /** The ledger's description; for interest, see `interest`. */
  description: string;
  /**
   * Set on interest: the days it covers. Consecutive daily accruals are one line, as on a
   * lender's statement, not one line per close of business; the statement words it.
   */
  interest?: { from: IsoDate; to: IsoDate };
  /** Positive adds to what is owed; payments are negative. */
  amountCents: number;
  split: { principal: number; interest: number; fees: number; unapplied: number } | null;
}

export type StatementMessage = 'past_due' | 'autopay' | 'late_charge' | 'final_payment';

export interface StatementData {
  summary: {
    previousBalance: number;
    payments: number;
    interestCharged: number;
    feesCharged: number;
    otherActivity: number;
    newBalance: number;
  };
  amountDue: { current: number; pastDue: number; fees: number; credit: number; total: number };
  lines: StatementLine[];
  /** Payments of the period split into principal, interest and fees. */
  paymentTotals: { principal: number; interest: number; fees: number };
  interestPaidYtd: number;
  /** Daily interest in dollars to 4 decimals (loans only). */
  perDiem: string | null;
  lease: { allowancePerYear: number; milesAllowedToDate: number; excessRateCents: number } | null;
  messages: StatementMessage[];
}

const byDate = (a: Transaction, b: Transaction) =>
  compareDates(a.effectiveDate, b.effectiveDate) || a.postedDate.localeCompare(b.postedDate);

/** The accrual's span, from the ledger's "Interest <from> to <to>" (accrue-range.ts). */
const ACCRUAL_SPAN = /(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/;

/** The period's transactions by date, each run of interest accruals with nothing between them as one line. */
function linesOf(transactions: readonly Transaction[]): StatementLine[] {
  const lines: StatementLine[] = [];
  for (const t of [...transactions].sort(byDate)) {
    const previous = lines.at(-1);
    if (t.type === 'interest') {
      const span = ACCRUAL_SPAN.exec(t.description);
      const from = (span?.[1] ?? t.effectiveDate) as IsoDate;
      if (previous?.interest) {
        previous.amountCents += t.amount.amount;
        previous.date = t.effectiveDate;
        previous.interest.to = t.effectiveDate;
        previous.description = `Interest ${previous.interest.from} to ${t.effectiveDate}`;
        continue;
      }
      lines.push({
        date: t.effectiveDate,
        description: t.description,
        interest: { from, to: t.effectiveDate },
        amountCents: t.amount.amount,
        split: null,
      });
      continue;
    }
    lines.push({
      date: t.effectiveDate,
      description: t.description,
      amountCents: t.amount.amount,
      split: t.split
        ? {
            principal: t.split.principal.amount,
            interest: t.split.interest.amount,
            fees: t.split.fees.amount,
            unapplied: t.split.unapplied.amount,
          }
        : null,
    });
  }
  return lines;
}

/** The statement's numbers. Pure: the same ledger facts always give the same statement. */
export function statementData(input: StatementInput): StatementData {
  const { contract } = input;
  const lines = linesOf(input.transactions);
  const sumOf = (types: readonly Transaction['type'][]) =>
    input.transactions.filter((t) => types.includes(t.type)).reduce((s, t) => s + t.amount.amount, 0);
  const payments = sumOf(['payment', 'return']);
  const interestCharged = sumOf(['interest']);
  const feesCharged = sumOf(['fee']);
  const otherActivity = sumOf(['adjustment', 'opening_balance']);
  const newBalance = input.openingBalanceCents + payments + interestCharged + feesCharged + otherActivity;

  const paymentTotals = { principal: 0, interest: 0, fees: 0 };
  for (const t of input.transactions) {
    if (!t.split) continue;
    paymentTotals.principal += t.split.principal.amount;
    paymentTotals.interest += t.split.interest.amount;
    paymentTotals.fees += t.split.fees.amount;
  }

  // The last installment can be smaller than the regular payment: never bill more than is owed.
  const current = Math.min(contract.paymentCents, Math.max(0, newBalance - contract.pastDueCents));
  const credit = Math.max(0, contract.unappliedCents);
  const gross = current + contract.pastDueCents + contract.feesCents;
  const amountDue = {
    current,
    pastDue: contract.pastDueCents,
    fees: contract.feesCents,
    credit: Math.min(credit, gross),
    total: Math.max(0, gross - credit),
  };

  const messages: StatementMessage[] = [];
  if (contract.pastDueCents > 0) messages.push('past_due');
  if (input.autopay) messages.push('autopay');
  if (compareDates(input.dueDate, contract.maturityDate) >= 0) messages.push('final_payment');
  messages.push('late_charge');

  const lease =
    contract.type === 'lease' && contract.mileageAllowancePerYear !== null
      ? {
          allowancePerYear: contract.mileageAllowancePerYear,
          // Miles the lease allows from signing to the statement date, pro rata by day.
          milesAllowedToDate: Math.round(
            (contract.mileageAllowancePerYear * daysBetween(contract.contractDate, input.statementDate)) /
              365,
          ),
          excessRateCents: contract.excessMileageRateCents ?? 0,
        }
      : null;

  return {
    summary: {
      previousBalance: input.openingBalanceCents,
      payments,
      interestCharged,
      feesCharged,
      otherActivity,
      newBalance,
    },
    amountDue,
    lines,
    paymentTotals,
    interestPaidYtd: input.interestPaidYtdCents,
    perDiem:
      contract.type === 'loan' && contract.apr !== null
        ? perDiem({ principal: cents(contract.balanceCents), apr: contract.apr }).amount
        : null,
    lease,
    messages,
  };
}
