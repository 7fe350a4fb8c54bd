import { UnauthenticatedError, ValidationError } from '../../platform/errors.ts';
import { hasRecentStepUp, type Principal, type RequestContext } from '../../platform/http/access.ts';
import { sendSecurityAlert } from './alerts.ts';
import { accountSubject, audit, type IdentityDeps } from './deps.ts';
import { revokeTrustedDevices } from './mfa-repo.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { findUserById, listLiveSessions, updateUser } from './repo.ts';

/**
 * Changes the password (ASVS 6.2.3): the current password is required unless the session
 * proved a second factor in the last 5 minutes. The new one passes the same policy as at
 * sign-up; remembered devices are forgotten; the owner is alerted and offered to sign out
 * everywhere else (the answer counts the other sessions).
 */
export async function changePassword(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  input: { currentPassword?: string | undefined; newPassword: string },
): Promise<{ status: 'password_changed'; otherSessions: number }> {
  const user = await findUserById(deps.db, principal.userId);
  if (!user?.passwordHash) throw new UnauthenticatedError();
  const now = deps.now();
  if (!hasRecentStepUp(principal, now)) {
    const subject = accountSubject(deps, user.email);
    await deps.throttle.checkFailureDelay('login', subject);
    if (!input.currentPassword || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      await deps.throttle.recordFailure('login', subject);
      await audit(deps, ctx, { action: 'password.change', outcome: 'failure', actorUserId: user.id });
      throw ValidationError.field(
        'currentPassword',
        'incorrect',
        'Enter your current password, or confirm with your authenticator app first.',
      );
    }
  }
  assertAcceptablePassword(
    input.newPassword,
    { email: user.email, names: [user.displayName], brand: [deps.brandName] },
    'newPassword',
  );
  await updateUser(deps.db, user.id, {
    passwordHash: await hashPassword(input.newPassword),
    passwordChangedAt: now,
  });
  await revokeTrustedDevices(deps.db, user.id, now);
  await audit(deps, ctx, { action: 'password.change', outcome: 'success', actorUserId: user.id });
  await sendSecurityAlert(deps, user, {
    kind: 'password_changed',
    title: 'Your password was changed',
    body: `The password of your account was changed at ${now.toISOString()}.`,
  });
  const sessions = await listLiveSessions(deps.db, user.id, now);
  return {
    status: 'password_changed',
    otherSessions: sessions.filter((s) => s.id !== principal.sessionId).length,
  };
}
