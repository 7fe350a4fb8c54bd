import type { AccountList } from '@marque/contracts';
import type { Db } from '../../platform/db/client.ts';
import { findContractsOfCustomer } from './repo.ts';
import { toAccountSummary } from './to-account.ts';

/** The signed-in customer's contracts (as buyer, lessee or co-buyer). A person has few: no paging needed yet. */
export async function listAccounts(deps: { db: Db }, customerId: number): Promise<AccountList> {
  const rows = await findContractsOfCustomer(deps.db, customerId);
  return { data: rows.map((r) => toAccountSummary(r.contract, r.vehicle)), nextCursor: null };
}
