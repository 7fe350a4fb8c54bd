import { UnauthenticatedError } from '../../platform/errors.ts';
import type { IdentityDeps } from './deps.ts';
import { type ChallengeRow, findOpenChallenge } from './mfa-repo.ts';
import { findUserById, type UserRow } from './repo.ts';
import { hashOpaqueToken } from './session-token.ts';

export const expiredChallenge = () =>
  new UnauthenticatedError('mfa_challenge_expired', 'Your sign-in has expired. Enter your password again.');

/** The open pre-auth challenge behind the pre-auth cookie, and its (still active) user. */
export async function loadPreAuth(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  token: string | undefined,
  purpose: 'login' | 'enrol',
): Promise<{ challenge: ChallengeRow; user: UserRow }> {
  if (!token || token.length > 100) throw expiredChallenge();
  const challenge = await findOpenChallenge(deps.db, hashOpaqueToken(token), deps.now());
  if (!challenge || challenge.purpose !== purpose) throw expiredChallenge();
  const user = await findUserById(deps.db, challenge.userId);
  if (user?.status !== 'active') throw expiredChallenge();
  return { challenge, user };
}
