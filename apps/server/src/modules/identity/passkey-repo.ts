import { and, asc, count, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import { passkeyChallenges, passkeys } from './tables.ts';

export type PasskeyRow = typeof passkeys.$inferSelect;
export type PasskeyChallengeRow = typeof passkeyChallenges.$inferSelect;
export type PasskeyChallengePurpose = PasskeyChallengeRow['purpose'];

// ---- Passkeys -------------------------------------------------------------------------------

export async function listPasskeys(db: Db, userId: number): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.id));
}

export async function countPasskeys(db: Db, userId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

export async function findPasskeyByCredentialId(db: Db, credentialId: string) {
  const rows = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId)).limit(1);
  return rows[0];
}

/** The owner's passkey with this public ID; another user's answers like a missing one (BOLA). */
export async function findOwnPasskey(db: Db, userId: number, publicId: string) {
  const rows = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.publicId, publicId), eq(passkeys.userId, userId)))
    .limit(1);
  return rows[0];
}

export async function insertPasskey(
  db: Db,
  values: Omit<typeof passkeys.$inferInsert, 'id' | 'publicId'>,
): Promise<PasskeyRow> {
  const [row] = await db
    .insert(passkeys)
    .values({ ...values, publicId: newId('pk') })
    .returning();
  if (!row) throw new Error('passkey insert failed');
  return row;
}

/**
 * Records a use: the new counter only if the stored one is still what verification saw (or the
 * authenticator does not count, 0 → 0), so two concurrent uses of one assertion cannot both pass.
 */
export async function recordPasskeyUse(
  db: Db,
  id: number,
  seenCount: number,
  newCount: number,
  backedUp: boolean,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(passkeys)
    .set({ signCount: newCount, backedUp, lastUsedAt: now })
    .where(
      and(
        eq(passkeys.id, id),
        eq(passkeys.signCount, seenCount),
        or(eq(passkeys.signCount, 0), lt(passkeys.signCount, newCount)),
      ),
    )
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function renamePasskey(db: Db, id: number, name: string): Promise<PasskeyRow | undefined> {
  const [row] = await db.update(passkeys).set({ name }).where(eq(passkeys.id, id)).returning();
  return row;
}

export async function deletePasskey(db: Db, id: number): Promise<void> {
  await db.delete(passkeys).where(eq(passkeys.id, id));
}

// ---- Challenges -----------------------------------------------------------------------------

export async function insertPasskeyChallenge(
  db: Db,
  values: Omit<typeof passkeyChallenges.$inferInsert, 'id' | 'usedAt'>,
): Promise<void> {
  // Expired challenges are worthless: clear them out as new ones are issued.
  await db.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, values.createdAt));
  await db.insert(passkeyChallenges).values(values);
}

/** Where a challenge must have been issued for the request that answers it. */
export type ChallengeBinding =
  | { purpose: 'sign_in'; tokenHash: string }
  | { purpose: 'second_factor'; authChallengeId: number }
  | { purpose: 'register'; sessionId: number };

function bindingCondition(binding: ChallengeBinding) {
  switch (binding.purpose) {
    case 'sign_in':
      return eq(passkeyChallenges.tokenHash, binding.tokenHash);
    case 'second_factor':
      return eq(passkeyChallenges.authChallengeId, binding.authChallengeId);
    case 'register':
      return eq(passkeyChallenges.sessionId, binding.sessionId);
  }
}

/**
 * Takes a challenge for one verification, atomically: it must be ours, bound to this browser or
 * step, unused and unexpired. It is spent whether or not the answer then verifies, so a
 * response can never be tried twice (replay).
 */
export async function takePasskeyChallenge(
  db: Db,
  challenge: string,
  binding: ChallengeBinding,
  now: Date,
): Promise<PasskeyChallengeRow | undefined> {
  const [row] = await db
    .update(passkeyChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(passkeyChallenges.challenge, challenge),
        eq(passkeyChallenges.purpose, binding.purpose),
        bindingCondition(binding),
        isNull(passkeyChallenges.usedAt),
        gt(passkeyChallenges.expiresAt, now),
      ),
    )
    .returning();
  return row;
}
