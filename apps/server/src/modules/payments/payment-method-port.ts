import type { Db } from '../../platform/db/client.ts';

/** A customer's payment method as payments need it. */
export interface UsablePaymentMethod {
  id: number;
  publicId: string;
  type: 'bank_account' | 'card';
  /** For display: "Checking ••6789", "Visa ••4242". */
  label: string;
  /** Cards: the processor's token. */
  processorToken: string | null;
}

/** Finds one of the customer's active payment methods; another customer's is indistinguishable from none. */
export type FindPaymentMethod = (
  db: Db,
  customerId: number,
  publicId: string,
) => Promise<UsablePaymentMethod | null>;
