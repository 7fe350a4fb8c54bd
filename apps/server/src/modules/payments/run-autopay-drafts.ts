import { cents, compareDates, formatMoney, type IsoDate } from '@marque/finance';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { contracts } from '../contracts/index.ts';
import { nextDraft } from './autopay-schedule.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import { insertPayment } from './insert-payment.ts';
import { postPayment } from './post-payment.ts';

export interface DraftRun {
  drafted: number;
  skipped: number;
}

/**
 * Initiates the autopay drafts due on the business date: each becomes an `autopay` payment,
 * posted at once as a pending bank debit (the ACH export then carries it as PPD). One draft
 * per due date; a paused cycle is skipped once and the enrolment resumes. Each enrolment is
 * its own transaction, so one bad contract never holds up the others.
 */
export async function runAutopayDrafts(
  db: Db,
  deps: { inbox: NotificationInbox },
  input: { businessDate: IsoDate; now: Date },
): Promise<DraftRun> {
  const candidates = await db
    .select({ id: autopayEnrollments.id })
    .from(autopayEnrollments)
    .where(
      or(
        inArray(autopayEnrollments.status, ['active', 'paused']),
        and(eq(autopayEnrollments.status, 'stopped'), isNotNull(autopayEnrollments.finalDraftDate)),
      ),
    );
  const run: DraftRun = { drafted: 0, skipped: 0 };
  for (const { id } of candidates) {
    await inTransaction(db, async (tx) => {
      const [row] = await tx
        .select()
        .from(autopayEnrollments)
        .where(eq(autopayEnrollments.id, id))
        .for('update');
      const [contract] = row ? await tx.select().from(contracts).where(eq(contracts.id, row.contractId)) : [];
      if (!row || !contract) return;
      const draft = nextDraft(row, contract, input.businessDate);
      if (!draft || compareDates(draft.date, input.businessDate) > 0) return;
      const done = {
        lastDraftDueDate: draft.dueDate,
        updatedAt: input.now,
        ...(row.status === 'paused' ? { status: 'active' as const, skipDueDate: null } : {}),
        ...(row.status === 'stopped' ? { finalDraftDate: null } : {}),
      };
      if (draft.skipped || draft.amount === 0) {
        await tx.update(autopayEnrollments).set(done).where(eq(autopayEnrollments.id, row.id));
        run.skipped++;
        return;
      }
      const payment = await insertPayment(tx, {
        contractId: contract.id,
        customerId: row.customerId,
        method: {
          id: row.paymentMethodId,
          publicId: row.paymentMethodPublicId,
          type: 'bank_account',
          label: row.methodLabel,
        },
        amountCents: draft.amount,
        principalOnly: false,
        channel: 'autopay',
        scheduledFor: input.businessDate,
        createdByUserId: null,
        now: input.now,
      });
      await postPayment(tx, payment, { businessDate: input.businessDate, processorReference: null });
      await tx.update(autopayEnrollments).set(done).where(eq(autopayEnrollments.id, row.id));
      await deps.inbox.add(tx, {
        userId: row.userId,
        kind: 'payment_received',
        title: `Automatic payment of $${formatMoney(cents(draft.amount))} initiated`,
        body: `Confirmation number ${payment.confirmationNumber}, from ${row.methodLabel}, for the payment due ${draft.dueDate}.`,
      });
      run.drafted++;
    });
  }
  return run;
}
