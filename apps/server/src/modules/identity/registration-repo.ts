import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { invitations, registrations } from './tables.ts';

export type RegistrationRow = typeof registrations.$inferSelect;

export async function insertRegistration(
  db: Db,
  values: { tokenHash: string; now: Date; expiresAt: Date; customerId: number },
): Promise<void> {
  await db.insert(registrations).values({
    tokenHash: values.tokenHash,
    createdAt: values.now,
    expiresAt: values.expiresAt,
    customerId: values.customerId,
    identityVerifiedAt: values.now,
  });
}

/** A registration still in progress: not completed and not expired. */
export async function findOpenRegistration(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.tokenHash, tokenHash),
        isNull(registrations.completedAt),
        gt(registrations.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function updateRegistration(
  db: Db,
  id: number,
  values: Partial<typeof registrations.$inferInsert>,
): Promise<void> {
  await db.update(registrations).set(values).where(eq(registrations.id, id));
}

export async function countRegistrationCodeFailure(db: Db, id: number): Promise<number> {
  const [row] = await db
    .update(registrations)
    .set({ emailCodeAttempts: sql`${registrations.emailCodeAttempts} + 1` })
    .where(eq(registrations.id, id))
    .returning({ attempts: registrations.emailCodeAttempts });
  return row?.attempts ?? 0;
}

export async function insertInvitation(
  db: Db,
  values: { userId: number; tokenHash: string; createdByUserId: number; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(invitations).values({
    userId: values.userId,
    tokenHash: values.tokenHash,
    createdByUserId: values.createdByUserId,
    createdAt: values.now,
    expiresAt: values.expiresAt,
  });
}

export async function findOpenInvitation(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select()
    .from(invitations)
    .where(
      and(eq(invitations.tokenHash, tokenHash), isNull(invitations.usedAt), gt(invitations.expiresAt, now)),
    )
    .limit(1);
  return rows[0];
}

/** Uses an invitation once; false when it was used already (a second click, a replay). */
export async function useInvitation(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.usedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}
