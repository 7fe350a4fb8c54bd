import type { IsoDate } from '@marque/finance';
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { AppError } from '../../platform/errors.ts';
import type { NotificationInbox } from '../../platform/ports.ts';
import { chargeCard } from './charge-card.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';
import { payments } from './payment-tables.ts';
import { postPayment } from './post-payment.ts';
import type { CardProcessor } from './processor/card-processor.ts';

/**
 * Posts the scheduled payments whose date has come (run before the ACH export and by close of
 * business). A card the issuer now declines, or a method removed meanwhile, fails that payment
 * with a notice to the customer; the others go on.
 */
export async function runScheduledPayments(
  db: Db,
  deps: { findPaymentMethod: FindPaymentMethod; processor: CardProcessor; inbox: NotificationInbox },
  input: { businessDate: IsoDate; now: Date },
): Promise<{ posted: number; failed: number }> {
  const due = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.status, 'scheduled'), lte(payments.scheduledFor, input.businessDate)));
  const result = { posted: 0, failed: 0 };
  for (const { id } of due) {
    const [payment] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.id, id), eq(payments.status, 'scheduled')));
    if (!payment) continue;
    const failure = await postOne(db, deps, payment, input.businessDate);
    if (!failure) {
      result.posted++;
      continue;
    }
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

/** Charges a card (outside any transaction), then posts; answers the failure, if any. */
async function postOne(
  db: Db,
  deps: { findPaymentMethod: FindPaymentMethod; processor: CardProcessor },
  payment: typeof payments.$inferSelect,
  businessDate: IsoDate,
): Promise<{ payment: typeof payments.$inferSelect; code: string } | null> {
  const method = await deps.findPaymentMethod(db, payment.customerId, payment.paymentMethodPublicId);
  if (!method) return { payment, code: 'payment_method_removed' };
  let processorReference: string | null = null;
  if (payment.methodType === 'card') {
    try {
      processorReference = await chargeCard(deps.processor, {
        token: method.processorToken ?? '',
        amountCents: payment.amountCents,
        idempotencyKey: `payment:${payment.publicId}`,
        description: `Scheduled payment ${payment.confirmationNumber}`,
      });
    } catch (error) {
      if (error instanceof AppError) return { payment, code: error.code };
      throw error;
    }
  }
  await inTransaction(db, async (tx) => {
    const [still] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, payment.id), eq(payments.status, 'scheduled')))
      .for('update');
    if (still) await postPayment(tx, still, { businessDate, processorReference });
  });
  return null;
}
