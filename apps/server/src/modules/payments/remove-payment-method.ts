import { inTransaction } from '../../platform/db/tx.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { recordMethodChange } from './methods-alerts.ts';
import type { PaymentMethodDeps } from './methods-deps.ts';
import { findLiveMethodOfCustomer, lockCustomer, markRemoved } from './methods-repo.ts';

/**
 * Removes (soft-deletes) one of the customer's payment methods. Another customer's ID, or one
 * already removed, answers 404 exactly like an ID that never existed (BOLA). A method that
 * autopay or a scheduled payment still uses cannot go (409, the code payments gives).
 */
export async function removePaymentMethod(
  deps: PaymentMethodDeps,
  ctx: RequestContext,
  principal: Principal & { customerId: number },
  paymentMethodId: string,
): Promise<void> {
  const row = await inTransaction(deps.db, async (tx) => {
    // Per-customer lock (exported for payments), so a removal and a new use of the method do not cross.
    await lockCustomer(tx, principal.customerId);
    const method = await findLiveMethodOfCustomer(tx, principal.customerId, paymentMethodId);
    if (!method) throw new NotFoundError('payment method');
    const blocked = await deps.blockRemoval?.(tx, method.id);
    if (blocked) {
      throw new ConflictError(
        blocked,
        'A scheduled payment or autopay uses this payment method. Change that first.',
      );
    }
    await markRemoved(tx, method.id, deps.now());
    return method;
  });
  await recordMethodChange(deps, ctx, principal, row, 'removed');
}
