import type { Role } from '@marque/contracts';
import { and, desc, eq, gt, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { sessions, users } from './tables.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type SessionRow = typeof sessions.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: number): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function findUserByPublicId(db: Db, publicId: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.publicId, publicId)).limit(1);
  return rows[0];
}

export async function findUserOfCustomer(db: Db, customerId: number): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.customerId, customerId)).limit(1);
  return rows[0];
}

export async function insertUser(db: Db, values: Omit<NewUser, 'publicId'>): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...values, publicId: newId('usr') })
    .returning();
  if (!row) throw new Error('user insert failed');
  return row;
}

export async function updateUser(db: Db, userId: number, values: Partial<NewUser>): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, userId));
}

/** Users in creation order after `afterId`, optionally only some roles and one status. */
export async function listUsers(
  db: Db,
  limit: number,
  afterId: number | null,
  filter: { roles?: readonly Role[] | undefined; status?: UserRow['status'] | undefined } = {},
): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(
        afterId === null ? undefined : gt(users.id, afterId),
        filter.roles?.length ? inArray(users.role, [...filter.roles]) : undefined,
        filter.status ? eq(users.status, filter.status) : undefined,
      ),
    )
    .orderBy(users.id)
    .limit(limit);
}

export async function insertSession(
  db: Db,
  values: {
    userId: number;
    tokenHash: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    authMethod: string;
    secondFactorAt: Date | null;
  },
): Promise<string> {
  const publicId = newId('ses');
  await db.insert(sessions).values({
    publicId,
    userId: values.userId,
    tokenHash: values.tokenHash,
    createdAt: values.now,
    lastSeenAt: values.now,
    expiresAt: values.expiresAt,
    ip: values.ip,
    userAgent: values.userAgent?.slice(0, 400) ?? null,
    authMethod: values.authMethod,
    secondFactorAt: values.secondFactorAt,
  });
  return publicId;
}

export async function findLiveSession(db: Db, tokenHash: string) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)))
    .limit(1);
  return rows[0];
}

export async function touchSession(db: Db, sessionId: number, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** Step-up: a new token for the same session (the old one stops working) and a fresh proof time. */
export async function rotateSession(db: Db, sessionId: number, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ tokenHash, secondFactorAt: now, lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Revokes one of the user's sessions by its public id; ownership is part of the query (BOLA). */
export async function revokeSessionOfUser(db: Db, userId: number, publicId: string, now: Date) {
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
}

/** Every live session of a user except `keepSessionId` (null: all of them). */
export async function revokeSessionsOfUser(
  db: Db,
  userId: number,
  now: Date,
  keepSessionId: number | null,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId === null ? undefined : ne(sessions.id, keepSessionId),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/** Live (not revoked, not expired) sessions, newest first; idle ones are filtered by the caller. */
export async function listLiveSessions(db: Db, userId: number, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(100);
}

/** The latest sign-ins (each session is one), revoked or not: the security centre's history. */
export async function recentSessions(db: Db, userId: number, limit: number): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt))
    .limit(limit);
}

export async function hasSessionFromAgent(
  db: Db,
  userId: number,
  userAgent: string | null,
): Promise<boolean> {
  if (!userAgent) return false;
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.userAgent, userAgent.slice(0, 400))))
    .limit(1);
  return rows.length > 0;
}

export async function recordLogin(db: Db, userId: number, now: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}
