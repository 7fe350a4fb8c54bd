import { MAX_PAYMENT_METHODS } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { BusinessRuleError } from '../../platform/errors.ts';
import { countLiveMethods, lockCustomer } from './methods-repo.ts';

/**
 * Inside the add's transaction: takes the customer's lock (so the checks that follow cannot be
 * raced) and refuses an eleventh method.
 */
export async function lockAndCheckRoom(tx: Db, customerId: number): Promise<void> {
  await lockCustomer(tx, customerId);
  if ((await countLiveMethods(tx, customerId)) >= MAX_PAYMENT_METHODS) {
    throw new BusinessRuleError(
      'payment_method_limit',
      `You can keep up to ${MAX_PAYMENT_METHODS} payment methods. Remove one you no longer use first.`,
    );
  }
}
