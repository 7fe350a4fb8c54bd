import { compareDates, type IsoDate } from '@marque/finance';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { bookAccrual } from './accrue-interest.ts';
import { installmentColumns, type LedgerContract } from './contract-state.ts';
import { type AppliedPayment, type PaymentPosting, writePaymentEntry } from './payment-entry.ts';
import { addDeltas, applyReadModel, type ReadModelDelta } from './post-entry.ts';
import { rewindAfter } from './replay-rewind.ts';

/** A payment posted with an effective date before later postings on the contract. */
export type BackdatedPayment = PaymentPosting;

const REAPPLIED = / \(re-applied after a payment dated \d{4}-\d{2}-\d{2}\)$/;

/**
 * A payment dated before the contract's accrued-through date, replayed the way Fineract
 * re-processes a loan's transactions in effective-date order: rewind (reverse the accruals
 * and payments after the start of the accrual span holding its date, see replay-rewind.ts),
 * accrue to its date and apply it (after anything already posted on that date), re-apply
 * each payment on its own date (accrual to that date, the waterfall on the
 * balances as they now stand), bringing back each later fee on its date and accruing again to
 * each date a reversed accrual ended on (so interest is rounded over the same spans as if the
 * payment had arrived on time, close-of-business runs included), up to the old accrued-through
 * date. Every step is a new entry booked today; nothing is updated.
 *
 * A re-applied payment is a new payment entry with the original's effective date, amount, cash
 * account and source (`payment:<publicId>`), `replaces_entry_id` pointing at the entry it
 * takes the place of, and its description suffixed "(re-applied after a payment dated D)".
 * Its `payments` row (the split copied for display and for a later return) is moved to the
 * new entry in the same transaction. The contract's balances, accrued-through date and
 * paid-to-date columns move once, at the end.
 */
export async function replayBackdated(
  tx: Db,
  contract: LedgerContract,
  payment: BackdatedPayment,
): Promise<AppliedPayment> {
  const rewound = await rewindAfter(tx, contract, payment.effectiveDate, payment.bookingDate, payment.source);
  let delta: ReadModelDelta = rewound.delta;
  let toward = -rewound.towardRemoved;
  const accrueTo = async (date: IsoDate) => {
    const accrued = await bookAccrual(tx, contract, date, payment.bookingDate, payment.source);
    delta = addDeltas(delta, accrued.delta);
  };

  // The backdated payment goes after whatever was already posted on its date.
  let applied: Awaited<ReturnType<typeof writePaymentEntry>> | null = null;
  const applyIt = async () => {
    await accrueTo(payment.effectiveDate);
    applied = await writePaymentEntry(tx, contract, payment);
    delta = addDeltas(delta, applied.delta);
    toward += applied.towardInstallments;
    return applied;
  };

  for (const event of rewound.later) {
    if (!applied && compareDates(event.effectiveDate, payment.effectiveDate) > 0) await applyIt();
    if (event.kind === 'fee') {
      contract.feesCents += event.amount;
      continue;
    }
    await accrueTo(event.effectiveDate);
    if (event.kind === 'accrual') continue;
    const again = await writePaymentEntry(tx, contract, {
      amount: event.amount,
      effectiveDate: event.effectiveDate,
      bookingDate: payment.bookingDate,
      principalOnly: event.principalOnly,
      receivedInto: event.receivedInto,
      source: event.source,
      description: `${event.description.replace(REAPPLIED, '')} (re-applied after a payment dated ${payment.effectiveDate})`,
      replacesEntryId: event.entryId,
    });
    delta = addDeltas(delta, again.delta);
    toward += again.towardInstallments;
    // The payments row (if the payment came through the payments module) follows its entry.
    // Raw SQL: the payments module depends on the ledger, not the other way round.
    await tx.execute(sql`
      update payments set entry_id = ${again.entryId}, split_fees_cents = ${again.split.fees},
             split_interest_cents = ${again.split.interest}, split_principal_cents = ${again.split.principal},
             split_unapplied_cents = ${again.split.unapplied}, toward_installments_cents = ${again.towardInstallments}
       where contract_id = ${contract.id} and entry_id = ${event.entryId}`);
  }
  const mine = applied ?? (await applyIt());
  await accrueTo(rewound.accruedThrough); // already there: the last reversed accrual ended on it

  await applyReadModel(tx, contract.id, delta, {
    ...installmentColumns(contract, toward, payment.bookingDate),
    interestAccruedThrough: rewound.accruedThrough,
  });
  return { entryId: mine.entryId, split: mine.split, towardInstallments: mine.towardInstallments };
}
