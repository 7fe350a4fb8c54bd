import { findLiveMethodOfCustomer } from './methods-repo.ts';
import { describeMethod } from './methods-view.ts';
import type { FindPaymentMethod } from './payment-method-port.ts';

/** Payments' view of a customer's live payment method. */
export const findPaymentMethod: FindPaymentMethod = async (db, customerId, publicId) => {
  const row = await findLiveMethodOfCustomer(db, customerId, publicId);
  if (!row) return null;
  return {
    id: row.id,
    publicId: row.publicId,
    type: row.kind,
    label: describeMethod(row),
    processorToken: row.processorToken,
  };
};
