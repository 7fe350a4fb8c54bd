import type { IsoDate } from '@marque/finance';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';
import { payments } from './payment-tables.ts';
import { type ChargeCard, postPayment } from './post-payment.ts';

/**
 * Posts the scheduled payments whose date has come (run before the ACH export and by close of
 * business). A card the issuer now declines, or a method removed meanwhile, fails that payment
 * with a notice to the customer; the others go on.
 */
export async function runScheduledPayments(
  db: Db,
  deps: { findPaymentMethod: FindPaymentMethod; chargeCard: ChargeCard; inbox: NotificationInbox },
  input: { businessDate: IsoDate; now: Date },
): Promise<{ posted: number; failed: number }> {
  const due = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, 'scheduled'), lte(payments.scheduledFor, input.businessDate)));
  const result = { posted: 0, failed: 0 };
  for (const { id } of due) {
    const failure = await inTransaction(db, async (tx) => {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.id, id), eq(payments.status, 'scheduled')))
        .for('update');
      if (!payment) return null;
      const method = await deps.findPaymentMethod(tx, payment.customerId, payment.paymentMethodPublicId);
      if (!method) return { payment, code: 'payment_method_removed' };
      try {
        await postPayment(tx, payment, {
          chargeCard: deps.chargeCard,
          processorToken: method.processorToken,
          businessDate: input.businessDate,
        });
        result.posted++;
        return null;
      } catch (error) {
        if (error instanceof AppError && error.code.startsWith('card_')) return { payment, code: error.code };
        throw error;
      }
    });
    if (!failure) continue;
    // Outside the failed posting's transaction, so the failure itself is recorded.
    await inTransaction(db, async (tx) => {
      await tx
        .update(payments)
        .set({ status: 'failed', returnCode: failure.code })
        .where(eq(payments.id, failure.payment.id));
      if (failure.payment.createdByUserId !== null) {
        await deps.inbox.add(tx, {
          userId: failure.payment.createdByUserId,
          kind: 'payment_failed',
          title: 'A scheduled payment could not be made',
          body: `Payment ${failure.payment.confirmationNumber} for ${failure.payment.scheduledFor} was not made (${failure.code.replaceAll('_', ' ')}). Please make a payment another way.`,
        });
      }
    });
    result.failed++;
  }
  return result;
}
