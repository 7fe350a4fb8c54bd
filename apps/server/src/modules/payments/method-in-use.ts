import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { autopayEnrollments } from './autopay-tables.ts';
import { payments } from './payment-tables.ts';

/**
 * A payment method that live autopay or a scheduled payment will draw on cannot be removed:
 * the customer changes those first, so nothing fails silently on its date.
 */
export async function paymentMethodInUse(db: Db, paymentMethodId: number): Promise<string | null> {
  const [autopay] = await db
    .select({ id: autopayEnrollments.id })
    .from(autopayEnrollments)
    .where(
      and(
        eq(autopayEnrollments.paymentMethodId, paymentMethodId),
        inArray(autopayEnrollments.status, ['active', 'paused']),
      ),
    )
    .limit(1);
  if (autopay) return 'payment_method_used_by_autopay';
  const [scheduled] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.paymentMethodId, paymentMethodId), eq(payments.status, 'scheduled')))
    .limit(1);
  return scheduled ? 'payment_method_used_by_scheduled_payment' : null;
}
