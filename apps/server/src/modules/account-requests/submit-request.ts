import type { AccountRequest, NewAccountRequest } from '@marque/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { ConflictError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { ContractRow } from '../contracts/index.ts';
import { quoteRequest } from './quote-request.ts';
import { accountRequests } from './tables.ts';
import { toAccountRequest } from './to-request.ts';

/**
 * Files a request with the cost quoted now. It moves no money and changes no contract; one
 * pending request of each kind per account, so a double click cannot file two.
 */
export async function submitRequest(
  deps: { db: Db; now: () => Date },
  actor: { userId: number; customerId: number },
  contract: ContractRow,
  input: NewAccountRequest,
): Promise<AccountRequest> {
  const quote = quoteRequest(contract, input);
  return inTransaction(deps.db, async (tx) => {
    // Serialise requests of one account so the pending check below holds.
    await tx.execute(sqlLock(contract.id));
    const pending = await tx
      .select({ id: accountRequests.id })
      .from(accountRequests)
      .where(
        and(
          eq(accountRequests.contractId, contract.id),
          eq(accountRequests.kind, input.kind),
          eq(accountRequests.status, 'pending'),
        ),
      )
      .limit(1);
    if (pending.length)
      throw new ConflictError('request_pending', 'A request of this kind is already waiting for a decision.');
    const [row] = await tx
      .insert(accountRequests)
      .values({
        publicId: newId('req'),
        contractId: contract.id,
        customerId: actor.customerId,
        requestedByUserId: actor.userId,
        kind: input.kind,
        quote,
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('account request insert failed');
    return toAccountRequest(row, contract.publicId);
  });
}

function sqlLock(contractId: number) {
  return sql`select id from contracts where id = ${contractId} for update`;
}
