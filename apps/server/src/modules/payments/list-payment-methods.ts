import type { PaymentMethodList } from '@marque/contracts';
import type { PaymentMethodDeps } from './methods-deps.ts';
import { listLiveMethods } from './methods-repo.ts';
import { toPaymentMethod } from './methods-view.ts';

/** The signed-in customer's payment methods, masked. At most 10: no paging needed. */
export async function listPaymentMethods(
  deps: Pick<PaymentMethodDeps, 'db' | 'now'>,
  customerId: number,
): Promise<PaymentMethodList> {
  const now = deps.now();
  const rows = await listLiveMethods(deps.db, customerId);
  return { data: rows.map((row) => toPaymentMethod(row, now)), nextCursor: null };
}
