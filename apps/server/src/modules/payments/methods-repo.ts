import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { customers } from '../customers/index.ts';
import { paymentMethods } from './tables.ts';

export type PaymentMethodRow = typeof paymentMethods.$inferSelect;
export type NewPaymentMethod = typeof paymentMethods.$inferInsert;

const live = isNull(paymentMethods.removedAt);

/**
 * Serialises the adds of one customer (a row lock on the customer), so the limit and the
 * duplicate checks cannot be raced by a double submit.
 */
export async function lockCustomer(tx: Db, customerId: number): Promise<void> {
  await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for('update');
}

export async function countLiveMethods(db: Db, customerId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(paymentMethods)
    .where(and(eq(paymentMethods.customerId, customerId), live));
  return row?.n ?? 0;
}

export async function findLiveBankAccount(
  db: Db,
  customerId: number,
  routingNumber: string,
  accountNumberBidx: string,
): Promise<PaymentMethodRow | undefined> {
  const rows = await db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.customerId, customerId),
        eq(paymentMethods.kind, 'bank_account'),
        eq(paymentMethods.routingNumber, routingNumber),
        eq(paymentMethods.accountNumberBidx, accountNumberBidx),
        live,
      ),
    )
    .limit(1);
  return rows[0];
}

/** A live card with this token (any customer's), or with this fingerprint (this customer's). */
export async function findLiveCard(
  db: Db,
  match: { customerId: number; processor: string; token: string; fingerprint: string | null },
): Promise<PaymentMethodRow | undefined> {
  const byToken = await db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.kind, 'card'),
        eq(paymentMethods.processor, match.processor),
        eq(paymentMethods.processorToken, match.token),
        live,
      ),
    )
    .limit(1);
  if (byToken[0] || match.fingerprint === null) return byToken[0];
  const byFingerprint = await db
    .select()
    .from(paymentMethods)
    .where(
      and(
        eq(paymentMethods.customerId, match.customerId),
        eq(paymentMethods.kind, 'card'),
        eq(paymentMethods.processor, match.processor),
        eq(paymentMethods.cardFingerprint, match.fingerprint),
        live,
      ),
    )
    .limit(1);
  return byFingerprint[0];
}

export async function insertPaymentMethod(db: Db, values: NewPaymentMethod): Promise<PaymentMethodRow> {
  const [row] = await db.insert(paymentMethods).values(values).returning();
  if (!row) throw new Error('payment method insert failed');
  return row;
}

/** The customer's live methods, oldest first (the order they were added). */
export async function listLiveMethods(db: Db, customerId: number): Promise<PaymentMethodRow[]> {
  return db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.customerId, customerId), live))
    .orderBy(asc(paymentMethods.createdAt), asc(paymentMethods.id));
}

/** One live method, only if it belongs to the customer: ownership is part of the query. */
export async function findLiveMethodOfCustomer(
  db: Db,
  customerId: number,
  publicId: string,
): Promise<PaymentMethodRow | undefined> {
  const rows = await db
    .select()
    .from(paymentMethods)
    .where(and(eq(paymentMethods.publicId, publicId), eq(paymentMethods.customerId, customerId), live))
    .limit(1);
  return rows[0];
}

/** Soft delete; answers whether this call removed it (false: already gone). */
export async function markRemoved(db: Db, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(paymentMethods)
    .set({ removedAt: at })
    .where(and(eq(paymentMethods.id, id), live))
    .returning({ id: paymentMethods.id });
  return rows.length > 0;
}
