import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { EMAIL_CODE_MAX_ATTEMPTS } from './one-time-code.ts';
import { accountRecoveries, alertPreferences, emailChanges } from './self-service-tables.ts';
import {
  authChallenges,
  invitations,
  passkeyChallenges,
  passkeys,
  recoveryCodes,
  sessions,
  totpAuthenticators,
  trustedDevices,
} from './tables.ts';

export type RecoveryRow = typeof accountRecoveries.$inferSelect;
export type EmailChangeRow = typeof emailChanges.$inferSelect;

// ---- Account recovery ----------------------------------------------------------------------

/** A new attempt supersedes the user's earlier open ones: only the latest e-mailed code works. */
export async function insertRecovery(
  db: Db,
  values: Omit<typeof accountRecoveries.$inferInsert, 'id'>,
): Promise<void> {
  await db
    .update(accountRecoveries)
    .set({ usedAt: values.createdAt })
    .where(and(eq(accountRecoveries.userId, values.userId), isNull(accountRecoveries.usedAt)));
  await db.insert(accountRecoveries).values(values);
}

/** An attempt still open: not used, not expired, not burned by wrong codes. */
export async function findOpenRecovery(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<RecoveryRow | undefined> {
  const rows = await db
    .select()
    .from(accountRecoveries)
    .where(
      and(
        eq(accountRecoveries.tokenHash, tokenHash),
        isNull(accountRecoveries.usedAt),
        gt(accountRecoveries.expiresAt, now),
        lt(accountRecoveries.failedAttempts, EMAIL_CODE_MAX_ATTEMPTS),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function countRecoveryFailure(db: Db, id: number): Promise<void> {
  await db
    .update(accountRecoveries)
    .set({ failedAttempts: sql`${accountRecoveries.failedAttempts} + 1` })
    .where(eq(accountRecoveries.id, id));
}

export async function markRecoveryCodeVerified(db: Db, id: number, now: Date): Promise<void> {
  await db.update(accountRecoveries).set({ codeVerifiedAt: now }).where(eq(accountRecoveries.id, id));
}

/** Uses an attempt once, atomically; false when another request used it first. */
export async function useRecovery(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(accountRecoveries)
    .set({ usedAt: now })
    .where(and(eq(accountRecoveries.id, id), isNull(accountRecoveries.usedAt)))
    .returning({ id: accountRecoveries.id });
  return rows.length === 1;
}

// ---- Second factors and sign-in state ------------------------------------------------------

/**
 * Removes the authenticator and the recovery codes (the e-mail fallback needs an authenticator,
 * so it goes too): the next sign-in takes the enrolment path before any session exists.
 */
export async function removeSecondFactors(db: Db, userId: number): Promise<void> {
  // A lost device may hold the passkeys too: recovery re-enrols every second factor.
  await db.delete(passkeyChallenges).where(eq(passkeyChallenges.userId, userId));
  await db.delete(passkeys).where(eq(passkeys.userId, userId));
  await db.delete(totpAuthenticators).where(eq(totpAuthenticators.userId, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** Closes every open sign-in, enrolment or step-up challenge of a user. */
export async function closeOpenChallenges(db: Db, userId: number, now: Date): Promise<void> {
  await db
    .update(authChallenges)
    .set({ completedAt: now })
    .where(and(eq(authChallenges.userId, userId), isNull(authChallenges.completedAt)));
}

/** Retires a user's unused invitation links (a new one is about to be sent). */
export async function retireInvitations(db: Db, userId: number, now: Date): Promise<void> {
  await db
    .update(invitations)
    .set({ usedAt: now })
    .where(and(eq(invitations.userId, userId), isNull(invitations.usedAt)));
}

/**
 * Signs a user out everywhere: every session ends, remembered devices are forgotten and open
 * sign-in challenges close. Returns how many sessions ended.
 */
export async function signOutEverywhere(db: Db, userId: number, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  await db
    .update(trustedDevices)
    .set({ revokedAt: now })
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)));
  await closeOpenChallenges(db, userId, now);
  return ended.length;
}

/** Every live session of every user except one (the admin's own); returns how many ended. */
export async function revokeAllSessionsExcept(db: Db, keepSessionId: number, now: Date): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return rows.length;
}

// ---- E-mail change -------------------------------------------------------------------------

/** Starts a change; earlier open changes of the user end, so only the newest code works. */
export async function insertEmailChange(
  db: Db,
  values: { userId: number; newEmail: string; now: Date; expiresAt: Date },
): Promise<EmailChangeRow> {
  await db
    .update(emailChanges)
    .set({ completedAt: values.now })
    .where(and(eq(emailChanges.userId, values.userId), isNull(emailChanges.completedAt)));
  const [row] = await db
    .insert(emailChanges)
    .values({
      userId: values.userId,
      newEmail: values.newEmail,
      createdAt: values.now,
      expiresAt: values.expiresAt,
    })
    .returning();
  if (!row) throw new Error('email change insert failed');
  return row;
}

export async function setEmailChangeCode(db: Db, id: number, codeHash: string): Promise<void> {
  await db.update(emailChanges).set({ codeHash }).where(eq(emailChanges.id, id));
}

export async function findOpenEmailChange(db: Db, userId: number, now: Date) {
  const rows = await db
    .select()
    .from(emailChanges)
    .where(
      and(
        eq(emailChanges.userId, userId),
        isNull(emailChanges.completedAt),
        gt(emailChanges.expiresAt, now),
        lt(emailChanges.failedAttempts, EMAIL_CODE_MAX_ATTEMPTS),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function countEmailChangeFailure(db: Db, id: number): Promise<void> {
  await db
    .update(emailChanges)
    .set({ failedAttempts: sql`${emailChanges.failedAttempts} + 1` })
    .where(eq(emailChanges.id, id));
}

export async function completeEmailChange(db: Db, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(emailChanges)
    .set({ completedAt: now })
    .where(and(eq(emailChanges.id, id), isNull(emailChanges.completedAt)))
    .returning({ id: emailChanges.id });
  return rows.length === 1;
}

// ---- Alert preferences ---------------------------------------------------------------------

export async function listAlertPreferences(db: Db, userId: number, kind?: string) {
  return db
    .select({
      kind: alertPreferences.kind,
      channel: alertPreferences.channel,
      enabled: alertPreferences.enabled,
    })
    .from(alertPreferences)
    .where(and(eq(alertPreferences.userId, userId), kind ? eq(alertPreferences.kind, kind) : undefined));
}

export async function upsertAlertPreference(
  db: Db,
  values: { userId: number; kind: string; channel: 'email' | 'inbox' | 'sms'; enabled: boolean; now: Date },
): Promise<void> {
  await db
    .insert(alertPreferences)
    .values({
      userId: values.userId,
      kind: values.kind,
      channel: values.channel,
      enabled: values.enabled,
      updatedAt: values.now,
    })
    .onConflictDoUpdate({
      target: [alertPreferences.userId, alertPreferences.kind, alertPreferences.channel],
      set: { enabled: values.enabled, updatedAt: values.now },
    });
}
