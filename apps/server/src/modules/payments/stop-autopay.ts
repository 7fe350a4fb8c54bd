import type { Autopay } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { findContractOfCustomer } from '../contracts/index.ts';
import { draftStillGoing, nextDraft } from './autopay-schedule.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import { toAutopay } from './to-autopay.ts';

/**
 * Stops automatic payments. Reg E lets a stop that arrives less than three business days before
 * a draft leave that draft in place; the answer says so (`finalDraftDate`), and the customer can
 * still cancel that one payment once it is scheduled if the bank allows.
 */
export async function stopAutopay(
  tx: Db,
  deps: { inbox: NotificationInbox; brandName: string },
  input: { userId: number; customerId: number; accountId: string; businessDate: IsoDate; now: Date },
): Promise<Autopay> {
  const owned = await findContractOfCustomer(tx, input.customerId, input.accountId);
  if (!owned) throw new NotFoundError('account');
  const [row] = await tx
    .select()
    .from(autopayEnrollments)
    .where(eq(autopayEnrollments.contractId, owned.contract.id))
    .for('update');
  if (!row || row.status === 'stopped') throw new NotFoundError('autopay enrolment');
  const finalDraftDate = draftStillGoing(
    nextDraft(row, owned.contract, input.businessDate),
    input.businessDate,
  );
  const [stopped] = await tx
    .update(autopayEnrollments)
    .set({ status: 'stopped', finalDraftDate, skipDueDate: null, updatedAt: input.now })
    .where(eq(autopayEnrollments.id, row.id))
    .returning();
  if (!stopped) throw new Error('autopay stop returned nothing');
  await deps.inbox.add(tx, {
    userId: input.userId,
    kind: 'autopay_stopped',
    title: 'Automatic payments stopped',
    body: finalDraftDate
      ? `The draft already scheduled for ${finalDraftDate} is less than three business days away and will still be made; nothing after it.`
      : 'No further drafts will be made. Remember to pay each month.',
  });
  return toAutopay(stopped, owned.contract, input.businessDate, deps.brandName);
}
