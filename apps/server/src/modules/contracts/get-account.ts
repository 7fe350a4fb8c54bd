import type { AccountDetail } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { findContractOfCustomer } from './repo.ts';
import { toAccountDetail } from './to-account.ts';

/** One account of the signed-in customer. Someone else's account is indistinguishable from none: 404. */
export async function getAccount(
  deps: { db: Db },
  customerId: number,
  accountId: string,
): Promise<AccountDetail> {
  const row = await findContractOfCustomer(deps.db, customerId, accountId);
  if (!row) throw new NotFoundError('account');
  return toAccountDetail(row.contract, row.vehicle);
}
