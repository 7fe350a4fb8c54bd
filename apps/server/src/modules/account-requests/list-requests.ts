import type { AccountRequestList } from '@marque/contracts';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import type { ContractRow } from '../contracts/index.ts';
import { accountRequests } from './tables.ts';
import { toAccountRequest } from './to-request.ts';

/** An account's requests, newest first, with their status. */
export async function listRequests(db: Db, contract: ContractRow): Promise<AccountRequestList> {
  const rows = await db
    .select()
    .from(accountRequests)
    .where(eq(accountRequests.contractId, contract.id))
    .orderBy(desc(accountRequests.createdAt), desc(accountRequests.id))
    .limit(100);
  return { data: rows.map((r) => toAccountRequest(r, contract.publicId)) };
}
