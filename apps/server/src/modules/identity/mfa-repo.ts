import { and, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { authChallenges, recoveryCodes, totpAuthenticators, trustedDevices } from './tables.ts';

export type ChallengeRow = typeof authChallenges.$inferSelect;
export type TrustedDeviceRow = typeof trustedDevices.$inferSelect;

// ---- TOTP ----------------------------------------------------------------------------------

export async function findActiveTotp(db: Db, userId: number) {
  const rows = await db
    .select()
    .from(totpAuthenticators)
    .where(and(eq(totpAuthenticators.userId, userId), isNotNull(totpAuthenticators.confirmedAt)))
    .orderBy(desc(totpAuthenticators.confirmedAt))
    .limit(1);
  return rows[0];
}

export async function findPendingTotp(db: Db, userId: number) {
  const rows = await db
    .select()
    .from(totpAuthenticators)
    .where(and(eq(totpAuthenticators.userId, userId), isNull(totpAuthenticators.confirmedAt)))
    .orderBy(desc(totpAuthenticators.id))
    .limit(1);
  return rows[0];
}

export async function insertTotp(
  db: Db,
  values: { userId: number; secretEnc: string; now: Date; confirmed: boolean },
): Promise<void> {
  // One enrolment in progress at a time.
  await db
    .delete(totpAuthenticators)
    .where(and(eq(totpAuthenticators.userId, values.userId), isNull(totpAuthenticators.confirmedAt)));
  await db.insert(totpAuthenticators).values({
    userId: values.userId,
    secretEnc: values.secretEnc,
    createdAt: values.now,
    confirmedAt: values.confirmed ? values.now : null,
  });
}

/** Confirms an enrolment and retires the user's other authenticators. */
export async function confirmTotp(db: Db, id: number, userId: number, timeStep: number, now: Date) {
  await db
    .update(totpAuthenticators)
    .set({ confirmedAt: now, lastTimeStep: timeStep })
    .where(eq(totpAuthenticators.id, id));
  await db
    .delete(totpAuthenticators)
    .where(and(eq(totpAuthenticators.userId, userId), ne(totpAuthenticators.id, id)));
}

/**
 * Claims a time step: succeeds only if no code of this or a later step was accepted before,
 * atomically, so two concurrent requests with one code cannot both pass.
 */
export async function claimTotpStep(db: Db, id: number, timeStep: number): Promise<boolean> {
  const rows = await db
    .update(totpAuthenticators)
    .set({ lastTimeStep: timeStep })
    .where(
      and(
        eq(totpAuthenticators.id, id),
        or(isNull(totpAuthenticators.lastTimeStep), lt(totpAuthenticators.lastTimeStep, timeStep)),
      ),
    )
    .returning({ id: totpAuthenticators.id });
  return rows.length === 1;
}

// ---- Recovery codes ------------------------------------------------------------------------

export async function unusedRecoveryCodes(db: Db, userId: number) {
  return db
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash, createdAt: recoveryCodes.createdAt })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}

export async function replaceRecoveryCodes(db: Db, userId: number, hashes: string[], now: Date) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

export async function useRecoveryCode(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.id, id), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

// ---- Challenges ----------------------------------------------------------------------------

export async function insertChallenge(
  db: Db,
  values: Omit<typeof authChallenges.$inferInsert, 'id'>,
): Promise<ChallengeRow> {
  const [row] = await db.insert(authChallenges).values(values).returning();
  if (!row) throw new Error('challenge insert failed');
  return row;
}

/** A pre-auth challenge that is still open: not completed, not expired, not burned by failures. */
export async function findOpenChallenge(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select()
    .from(authChallenges)
    .where(
      and(
        eq(authChallenges.tokenHash, tokenHash),
        isNull(authChallenges.completedAt),
        gt(authChallenges.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function findOpenStepUpChallenge(db: Db, sessionId: number, now: Date) {
  const rows = await db
    .select()
    .from(authChallenges)
    .where(
      and(
        eq(authChallenges.sessionId, sessionId),
        eq(authChallenges.purpose, 'step_up'),
        isNull(authChallenges.completedAt),
        gt(authChallenges.expiresAt, now),
      ),
    )
    .orderBy(desc(authChallenges.id))
    .limit(1);
  return rows[0];
}

export async function setChallengeEmailCode(db: Db, id: number, codeHash: string, expiresAt: Date) {
  await db
    .update(authChallenges)
    .set({ emailCodeHash: codeHash, emailCodeExpiresAt: expiresAt })
    .where(eq(authChallenges.id, id));
}

export async function countChallengeFailure(db: Db, id: number): Promise<number> {
  const [row] = await db
    .update(authChallenges)
    .set({ failedAttempts: sql`${authChallenges.failedAttempts} + 1` })
    .where(eq(authChallenges.id, id))
    .returning({ failedAttempts: authChallenges.failedAttempts });
  return row?.failedAttempts ?? 0;
}

/** Closes a challenge once; false when another request closed it first. */
export async function completeChallenge(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(authChallenges)
    .set({ completedAt: now })
    .where(and(eq(authChallenges.id, id), isNull(authChallenges.completedAt)))
    .returning({ id: authChallenges.id });
  return rows.length === 1;
}

// ---- Trusted devices -----------------------------------------------------------------------

export async function insertTrustedDevice(
  db: Db,
  values: { userId: number; tokenHash: string; now: Date; expiresAt: Date; userAgent: string | null },
): Promise<void> {
  await db.insert(trustedDevices).values({
    publicId: newId('dev'),
    userId: values.userId,
    tokenHash: values.tokenHash,
    createdAt: values.now,
    expiresAt: values.expiresAt,
    userAgent: values.userAgent,
  });
}

export async function findLiveTrustedDevice(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select()
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.tokenHash, tokenHash),
        isNull(trustedDevices.revokedAt),
        gt(trustedDevices.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function listTrustedDevices(db: Db, userId: number, now: Date) {
  return db
    .select()
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.userId, userId),
        isNull(trustedDevices.revokedAt),
        gt(trustedDevices.expiresAt, now),
      ),
    )
    .orderBy(desc(trustedDevices.createdAt));
}

/** Forget every remembered device (after a password or MFA change, or on request). */
export async function revokeTrustedDevices(db: Db, userId: number, now: Date): Promise<void> {
  await db
    .update(trustedDevices)
    .set({ revokedAt: now })
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)));
}
