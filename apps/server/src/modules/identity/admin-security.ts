import type { UserSummary } from '@marque/contracts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { type Principal, type RequestContext, requireRecentStepUp } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { issueInvitation } from './invite-user.ts';
import { toUserSummary } from './manage-users.ts';
import { findUserByPublicId, updateUser } from './repo.ts';
import { removeSecondFactors, revokeAllSessionsExcept, signOutEverywhere } from './self-service-repo.ts';

/**
 * Incident response (ASVS 7.4.5): an admin ends every session of every user but their own,
 * after a fresh step-up. Remembered devices stay: they still need the password.
 */
export async function revokeAllSessions(
  deps: IdentityDeps,
  ctx: RequestContext,
  admin: Principal,
): Promise<{ revoked: number }> {
  const now = deps.now();
  requireRecentStepUp(admin, now);
  const revoked = await revokeAllSessionsExcept(deps.db, admin.sessionId, now);
  await audit(deps, ctx, {
    action: 'session.revoke_all',
    outcome: 'success',
    actorUserId: admin.userId,
    details: { revoked },
  });
  return { revoked };
}

/**
 * A staff or dealer user lost their password or authenticator: they cannot self-recover (no
 * identity record to prove), so an admin resets them after a fresh step-up. Password, second
 * factors, sessions and remembered devices go; the user is `invited` again and gets a new
 * one-time setup link (72 hours) that ends in authenticator enrolment before any session.
 * Customers recover themselves by identity re-verification instead.
 */
export async function resetUserAccess(
  deps: IdentityDeps,
  ctx: RequestContext,
  admin: Principal,
  publicId: string,
): Promise<UserSummary> {
  const now = deps.now();
  requireRecentStepUp(admin, now);
  const user = await findUserByPublicId(deps.db, publicId);
  if (!user) throw new NotFoundError('user');
  if (user.id === admin.userId) {
    throw new ConflictError('cannot_reset_self', 'Use your own security centre to change your sign-in.');
  }
  if (user.role === 'customer') {
    throw new ConflictError(
      'customer_self_recovery',
      'Customers recover their access themselves ("Forgot password?" on the sign-in page).',
    );
  }
  if (user.status === 'disabled') {
    throw new ConflictError('user_disabled', 'Enable this user before resetting their access.');
  }
  await updateUser(deps.db, user.id, { status: 'invited', passwordHash: null });
  await removeSecondFactors(deps.db, user.id);
  const revoked = await signOutEverywhere(deps.db, user.id, now);
  await issueInvitation(deps, admin, user, 'reset');
  await audit(deps, ctx, {
    action: 'user.reset_access',
    outcome: 'success',
    actorUserId: admin.userId,
    subjectUserId: user.id,
    details: { sessionsRevoked: revoked },
  });
  return toUserSummary({ ...user, status: 'invited' });
}
