import type { PaymentList } from '@marque/contracts';
import type { IsoDate } from '@marque/finance';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { findContractOfCustomer } from '../contracts/index.ts';
import { payments } from './payment-tables.ts';
import { toPayment } from './to-payment.ts';

const PAGE = 50;

/** The account's payments, newest first, with a cursor. */
export async function listPayments(
  db: Db,
  input: { customerId: number; accountId: string; businessDate: IsoDate; cursor?: string; limit?: number },
): Promise<PaymentList> {
  const owned = await findContractOfCustomer(db, input.customerId, input.accountId);
  if (!owned) throw new NotFoundError('account');
  const limit = input.limit ?? PAGE;
  const ofAccount = eq(payments.contractId, owned.contract.id);
  let before: number | null = null;
  if (input.cursor !== undefined) {
    const [after] = await db
      .select({ id: payments.id })
      .from(payments)
      .where(and(ofAccount, eq(payments.publicId, input.cursor)));
    if (!after)
      throw ValidationError.field(
        'cursor',
        'invalid_cursor',
        'Not a cursor from a previous page of this list.',
      );
    before = after.id;
  }
  const rows = await db
    .select()
    .from(payments)
    .where(and(ofAccount, before === null ? undefined : lt(payments.id, before)))
    .orderBy(desc(payments.id))
    .limit(limit + 1);
  const pageRows = rows.slice(0, limit);
  return {
    data: pageRows.map((r) => toPayment(r, owned.contract.publicId, input.businessDate)),
    nextCursor: rows.length > limit ? (pageRows.at(-1)?.publicId ?? null) : null,
  };
}
