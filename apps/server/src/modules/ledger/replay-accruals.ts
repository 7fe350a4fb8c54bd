import { compareDates, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ACCOUNTS, type AccountCode } from './accounts.ts';
import type { LedgerContract } from './contract-state.ts';
import { addDeltas, insertEntry, NO_DELTA, type ReadModelDelta } from './post-entry.ts';

/** Thrown (by applyPayment) when a backdated payment cannot be replayed; nothing is written. */
export class BackdatedPaymentError extends Error {
  constructor(detail = 'replay is required') {
    super(`The payment is dated before interest was last accrued; ${detail}.`);
    this.name = 'BackdatedPaymentError';
  }
}

interface AccrualRow {
  id: number;
  accrual_from: string;
  effective_date: string;
  interest: number;
}

/**
 * The first half of a backdated payment's replay (the way Fineract re-processes a loan): take
 * out, by reversing entries, every accrual whose span ends after `effectiveDate`, so interest
 * stands as it was accrued up to the start of the first of them. Answers the accrued-through
 * date before the replay and the read-model delta; updates `contract` in memory (interest and
 * accrued-through) so the caller can accrue to `effectiveDate`, apply the payment, and
 * re-accrue to the old accrued-through date on the reduced principal.
 *
 * Refused (BackdatedPaymentError, nothing written) when replaying accruals alone would not be
 * exact: a payment posted after `effectiveDate` (its split would change: a full re-application
 * of later payments is not built), or accruals after it that are not one unbroken chain of
 * spans up to the accrued-through date (an opening balance, interest on restored principal).
 */
export async function reverseAccrualsAfter(
  tx: Db,
  contract: LedgerContract,
  effectiveDate: IsoDate,
  bookingDate: IsoDate,
  source: string,
): Promise<{ accruedThrough: IsoDate; delta: ReadModelDelta }> {
  const accruedThrough = contract.interestAccruedThrough;
  if (!accruedThrough) throw new BackdatedPaymentError('the contract has no accrual to replay');
  const live = sql`not exists (select 1 from journal_entries r where r.reverses_entry_id = e.id)`;
  const later = await tx.execute(sql`
    select count(*)::int as n from journal_entries e
     where e.contract_id = ${contract.id} and e.kind = 'payment' and e.effective_date > ${effectiveDate}::date and ${live}`);
  if (Number((later as unknown as { rows: { n: number }[] }).rows[0]?.n) > 0) {
    throw new BackdatedPaymentError('a later payment would have to be re-applied');
  }
  const found = await tx.execute(sql`
    select e.id, e.accrual_from::text as accrual_from, e.effective_date::text as effective_date,
           coalesce((select sum(p.amount_cents) from postings p where p.entry_id = e.id and p.account = ${ACCOUNTS.interest}), 0)::bigint as interest
      from journal_entries e
     where e.contract_id = ${contract.id} and e.kind = 'accrual' and e.effective_date > ${effectiveDate}::date and ${live}
     order by e.effective_date, e.id`);
  const accruals = (found as unknown as { rows: AccrualRow[] }).rows;
  const first = accruals[0];
  // One unbroken chain (from, to], (to, ...], ... ending on the accrued-through date.
  const chained =
    first !== undefined &&
    first.accrual_from !== null &&
    compareDates(first.accrual_from, effectiveDate) <= 0 &&
    accruals.every((a, i) => i === 0 || a.accrual_from === accruals[i - 1]?.effective_date) &&
    accruals.at(-1)?.effective_date === accruedThrough;
  if (!chained) throw new BackdatedPaymentError('the accruals after it are not one chain');

  let delta = NO_DELTA;
  let interest = 0;
  for (const accrual of accruals) {
    const reversed = await insertEntry(tx, {
      contractId: contract.id,
      kind: 'reversal',
      effectiveDate: accrual.effective_date,
      bookingDate,
      description: `Replay for a payment dated ${effectiveDate}: interest ${accrual.accrual_from} to ${accrual.effective_date} taken out`,
      source,
      reversesEntryId: accrual.id,
      postings: [
        { account: ACCOUNTS.interest as AccountCode, amount: -Number(accrual.interest) },
        { account: ACCOUNTS.interestIncome as AccountCode, amount: Number(accrual.interest) },
      ],
    });
    if (reversed) delta = addDeltas(delta, reversed.delta);
    interest += Number(accrual.interest);
  }
  contract.interestCents -= interest;
  contract.interestAccruedThrough = first.accrual_from;
  return { accruedThrough, delta };
}
