import type { IsoDate } from '@marque/finance';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { findContractOfCustomer } from '../contracts/index.ts';
import { payments } from './payment-tables.ts';

/**
 * Cancels a scheduled payment. The cut-off is the end of the day before its date: once its
 * date is the business date it is being sent and can no longer be stopped here.
 */
export async function cancelPayment(
  db: Db,
  input: { customerId: number; accountId: string; paymentId: string; businessDate: IsoDate; now: Date },
): Promise<void> {
  const owned = await findContractOfCustomer(db, input.customerId, input.accountId);
  if (!owned) throw new NotFoundError('payment');
  const ofThisAccount = and(
    eq(payments.publicId, input.paymentId),
    eq(payments.contractId, owned.contract.id),
  );
  const canceled = await db
    .update(payments)
    .set({ status: 'canceled', canceledAt: input.now })
    .where(
      and(ofThisAccount, eq(payments.status, 'scheduled'), gt(payments.scheduledFor, input.businessDate)),
    )
    .returning({ id: payments.id });
  if (canceled.length > 0) return;
  const [exists] = await db.select({ id: payments.id }).from(payments).where(ofThisAccount);
  if (!exists) throw new NotFoundError('payment');
  throw new ConflictError(
    'payment_not_cancellable',
    'This payment has already been sent and can no longer be cancelled.',
  );
}
