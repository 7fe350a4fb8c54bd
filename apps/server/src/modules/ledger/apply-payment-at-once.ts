import { compareDates } from '@marque/finance';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { accrualEntry } from './accrue-interest.ts';
import type { PaymentToApply } from './apply-payment.ts';
import { installmentColumns, type LedgerContract } from './contract-state.ts';
import { type AppliedPayment, paymentEntryOf, splitPayment, towardInstallmentsOf } from './payment-entry.ts';
import {
  addDeltas,
  deltaOf,
  entryInsertSql,
  entryLines,
  linesSql,
  NO_DELTA,
  UnbalancedEntryError,
} from './post-entry.ts';

/**
 * The hot path of `applyPayment` (a customer paying today): the same accrual entry, payment
 * entry, split and contract columns, computed from the contract as the caller read it moments
 * ago, and written in ONE statement instead of five (lock, accrual, payment entry, update).
 * The statement's contract UPDATE is a compare-and-set on every ledger-owned column the
 * computation used; when another posting got there first it matches no row, writes nothing
 * and answers null, and the caller takes the locking path. Same entries either way.
 */
export async function applyPaymentAtOnce(
  tx: Db,
  seen: LedgerContract,
  payment: PaymentToApply,
): Promise<AppliedPayment | null> {
  if (seen.interestAccruedThrough && compareDates(payment.effectiveDate, seen.interestAccruedThrough) < 0) {
    return null; // backdated: the locking path decides (and refuses or replays)
  }
  const contract = { ...seen };
  const accrual = accrualEntry(contract, payment.effectiveDate, payment.bookingDate, payment.source);
  const accrualLines = accrual ? entryLines(accrual.entry) : null;
  if (accrual) {
    contract.interestAccruedThrough = payment.effectiveDate;
    contract.interestCents += accrual.interest;
  }
  const split = splitPayment(contract, payment.amount, payment.principalOnly);
  const entry = paymentEntryOf(contract.id, payment, split);
  const lines = entryLines(entry);
  if (lines === null) throw new UnbalancedEntryError('a payment must move money');
  const towardInstallments = towardInstallmentsOf(split, payment.principalOnly);
  const delta = addDeltas(accrualLines ? deltaOf(accrualLines) : NO_DELTA, deltaOf(lines));
  const columns = installmentColumns(seen, towardInstallments, payment.bookingDate);
  const accruedThrough = contract.interestAccruedThrough;

  const writes: SQL[] = [
    sql`c as (
      update contracts set
        balance_cents = balance_cents + ${delta.balance}::bigint,
        interest_cents = interest_cents + ${delta.interest}::bigint,
        fees_cents = fees_cents + ${delta.fees}::bigint,
        unapplied_cents = unapplied_cents + ${delta.unapplied}::bigint,
        interest_accrued_through = ${accruedThrough}::date,
        paid_toward_installments_cents = ${columns.paidTowardInstallmentsCents}::bigint,
        payments_made = ${columns.paymentsMade}::int,
        next_due_date = ${columns.nextDueDate}::date,
        past_due_cents = ${columns.pastDueCents}::bigint,
        days_past_due = ${columns.daysPastDue}::int
      where id = ${seen.id}::bigint
        and balance_cents = ${seen.balanceCents}::bigint and interest_cents = ${seen.interestCents}::bigint
        and fees_cents = ${seen.feesCents}::bigint and unapplied_cents = ${seen.unappliedCents}::bigint
        and paid_toward_installments_cents = ${seen.paidTowardInstallmentsCents}::bigint
        and interest_accrued_through is not distinct from ${seen.interestAccruedThrough}::date
        and apr is not distinct from ${seen.apr}::numeric and status = ${seen.status}
        and payment_cents = ${seen.paymentCents}::bigint and term_months = ${seen.termMonths}::int
        and first_payment_date = ${seen.firstPaymentDate}::date
      returning id)`,
  ];
  if (accrual && accrualLines) {
    writes.push(
      sql`a as (${entryInsertSql(accrual.entry, 'c')})`,
      sql`al as (insert into postings (entry_id, contract_id, account, amount_cents)
        select a.id, ${contract.id}::bigint, v.account, v.amount from a, (values ${linesSql(accrualLines)}) as v(account, amount))`,
    );
  }
  writes.push(
    // Reading from the accrual CTE makes the accrual entry take the earlier id, as before.
    sql`p as (${entryInsertSql(entry, accrualLines ? 'a' : 'c')})`,
    sql`pl as (insert into postings (entry_id, contract_id, account, amount_cents)
      select p.id, ${contract.id}::bigint, v.account, v.amount from p, (values ${linesSql(lines)}) as v(account, amount))`,
  );
  const result = await tx.execute(sql`with ${sql.join(writes, sql`, `)} select id from p`);
  const id = Number((result as unknown as { rows: { id: number }[] }).rows[0]?.id);
  if (!Number.isSafeInteger(id)) return null; // the contract moved since it was read
  return { entryId: id, split, towardInstallments };
}
