import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.ts';
import { inTransaction } from '../../platform/db/tx.ts';
import { customers } from '../customers/tables.ts';
import { users } from '../identity/index.ts';
import { type ChainedFields, chainHash, GENESIS_HASH } from './chain.ts';
import { auditEvents } from './tables.ts';

/** Advisory lock key that serialises appends to the chain across processes ("maud"). */
export const AUDIT_CHAIN_LOCK = 0x6d61_7564;

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * Append one event to the chain inside the caller's transaction (a savepoint when `db` is
 * already one). The transaction-scoped advisory lock makes concurrent writers, in this or any
 * other process, take turns between "read the last hash" and "insert", so the chain never
 * forks; the lock is held until the caller's transaction ends.
 */
export async function appendAuditEvent(db: Db, fields: ChainedFields): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK}::bigint)`);
    const last = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    await tx.insert(auditEvents).values({ ...fields, prevHash, hash: chainHash(fields, prevHash) });
  });
}

/** A batch of the chain in order, after the event with id `afterId` (0: from the start). */
export function chainBatch(db: Db, afterId: number, size: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.id, afterId))
    .orderBy(asc(auditEvents.id))
    .limit(size);
}

export interface AuditFilter {
  action?: string | undefined;
  actorUserId?: number | undefined;
  from?: Date | undefined;
  /** Exclusive upper bound. */
  to?: Date | undefined;
  /** Only events older than this one (cursor pagination, newest first). */
  beforeId?: number | undefined;
}

const actor = alias(users, 'actor');
const subjectUser = alias(users, 'subject_user');

/** Events newest first, with the public IDs of the people they name. */
export async function findAuditEvents(db: Db, filter: AuditFilter, limit: number) {
  const where: SQL[] = [];
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.actorUserId !== undefined) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  if (filter.beforeId !== undefined) where.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select({
      event: auditEvents,
      actorPublicId: actor.publicId,
      actorEmail: actor.email,
      subjectUserPublicId: subjectUser.publicId,
      subjectCustomerPublicId: customers.publicId,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorUserId))
    .leftJoin(subjectUser, eq(subjectUser.id, auditEvents.subjectUserId))
    .leftJoin(customers, eq(customers.id, auditEvents.subjectCustomerId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

/** The internal id of the event a cursor (its hash) names. */
export async function findAuditEventIdByHash(db: Db, hash: string): Promise<number | undefined> {
  const rows = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(eq(auditEvents.hash, hash))
    .limit(1);
  return rows[0]?.id;
}

export async function findUserIdByPublicId(db: Db, publicId: string): Promise<number | undefined> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.publicId, publicId)).limit(1);
  return rows[0]?.id;
}
