import type { AccountRequestDecision, OpsAccountRequest, OpsAccountRequestList } from '@marque/contracts';
import { cents, formatMoney } from '@marque/finance';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { maskAccountNumber } from '../../platform/ids.ts';
import type { AuditEvent, AuditLog, NotificationInbox } from '../../platform/ports.ts';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { accountRequests } from './tables.ts';
import { toAccountRequest } from './to-request.ts';

type Status = OpsAccountRequest['status'];

function selectWithAccount(db: Db) {
  return db
    .select({
      request: accountRequests,
      accountId: contracts.publicId,
      accountNumber: contracts.accountNumber,
      firstName: customers.firstName,
      lastName: customers.lastName,
    })
    .from(accountRequests)
    .innerJoin(contracts, eq(contracts.id, accountRequests.contractId))
    .innerJoin(customers, eq(customers.id, accountRequests.customerId));
}

type Joined = Awaited<ReturnType<ReturnType<typeof selectWithAccount>['limit']>>[number];

function toOps(r: Joined): OpsAccountRequest {
  return {
    ...toAccountRequest(r.request, r.accountId),
    accountNumber: maskAccountNumber(r.accountNumber),
    customerName: `${r.firstName} ${r.lastName}`,
  };
}

/** The ops queue: requests by status (all when none given), oldest first so the queue is fair. */
export async function listOpsRequests(db: Db, status: Status | undefined): Promise<OpsAccountRequestList> {
  const q = selectWithAccount(db);
  const rows = await (status ? q.where(eq(accountRequests.status, status)) : q)
    .orderBy(asc(accountRequests.createdAt), asc(accountRequests.id))
    .limit(200);
  return { data: rows.map(toOps) };
}

const KIND_TEXT = { due_date_change: 'due-date change', extension: 'payment extension' } as const;

/**
 * An agent approves or denies a pending request, audited, and the customer gets an inbox notice.
 * An approval is recorded for servicing to apply (the contract and ledger are not changed here).
 */
export async function decideRequest(
  deps: { db: Db; audit: AuditLog; inbox: NotificationInbox; now: () => Date },
  context: Pick<AuditEvent, 'actorUserId' | 'ip' | 'userAgent' | 'requestId'>,
  requestId: string,
  decision: AccountRequestDecision,
): Promise<OpsAccountRequest> {
  return inTransaction(deps.db, async (tx) => {
    const [found] = await selectWithAccount(tx)
      .where(eq(accountRequests.publicId, requestId))
      .limit(1)
      .for('update', {
        of: accountRequests,
      });
    if (!found) throw new NotFoundError('request');
    if (found.request.status !== 'pending')
      throw new ConflictError('already_decided', 'This request has already been decided.');
    const status = decision.decision === 'approve' ? 'approved' : 'denied';
    const note = decision.note.trim();
    const [updated] = await tx
      .update(accountRequests)
      .set({
        status,
        decidedAt: deps.now(),
        decidedByUserId: context.actorUserId ?? null,
        decisionNote: note || null,
      })
      .where(eq(accountRequests.id, found.request.id))
      .returning();
    if (!updated) throw new Error('account request update failed');
    await deps.audit.record(tx, {
      ...context,
      action: `account_request.${decision.decision}`,
      outcome: 'success',
      subjectCustomerId: found.request.customerId,
      details: { requestId, kind: found.request.kind },
    });
    const q = found.request.quote;
    const what = KIND_TEXT[found.request.kind];
    const title =
      status === 'approved' ? `Your ${what} request was approved` : `Your ${what} request was declined`;
    const body =
      status === 'approved'
        ? `Your next payment will be due ${q.newNextDueDate}; the final payment becomes $${formatMoney(cents(q.newFinalPayment.amount))} on ${q.newMaturityDate}. Servicing applies the change within 2 business days.${note ? ` Note: ${note}` : ''}`
        : `Your payments stay as they are.${note ? ` Note: ${note}` : ''}`;
    await deps.inbox.add(tx, {
      userId: found.request.requestedByUserId,
      kind: 'account_request_decided',
      title,
      body,
    });
    return toOps({ ...found, request: updated });
  });
}
