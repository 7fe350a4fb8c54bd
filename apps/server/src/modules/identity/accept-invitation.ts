import { UnauthenticatedError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { insertChallenge } from './mfa-repo.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { findOpenInvitation, useInvitation } from './registration-repo.ts';
import { findUserById, updateUser } from './repo.ts';
import { hashOpaqueToken, newOpaqueToken, PRE_AUTH_MS } from './session-token.ts';

/**
 * The invited user chooses a password through the one-time link. The link proves the e-mail
 * address, but not a second factor: the answer is a pre-auth challenge for TOTP enrolment, so
 * the first session only exists after MFA (ASVS 6.3.4).
 */
export async function acceptInvitation(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { token: string; password: string },
): Promise<{ challengeToken: string }> {
  await deps.throttle.consume('login', { account: null, ip: ctx.ip });
  const now = deps.now();
  const invalid = () =>
    new UnauthenticatedError('invitation_invalid', 'This invitation link is not valid any more.');
  const invitation = await findOpenInvitation(deps.db, hashOpaqueToken(input.token), now);
  const user = invitation ? await findUserById(deps.db, invitation.userId) : undefined;
  if (!invitation || user?.status !== 'invited') {
    await audit(deps, ctx, { action: 'user.accept_invitation', outcome: 'failure' });
    throw invalid();
  }
  assertAcceptablePassword(input.password, {
    email: user.email,
    names: [user.displayName],
    brand: [deps.brandName],
  });
  if (!(await useInvitation(deps.db, invitation.id, now))) throw invalid();
  await updateUser(deps.db, user.id, {
    passwordHash: await hashPassword(input.password),
    passwordChangedAt: now,
    emailVerifiedAt: now,
    status: 'active',
  });
  const challengeToken = newOpaqueToken();
  await insertChallenge(deps.db, {
    tokenHash: hashOpaqueToken(challengeToken),
    userId: user.id,
    purpose: 'enrol',
    createdAt: now,
    expiresAt: new Date(now.getTime() + PRE_AUTH_MS),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  await audit(deps, ctx, { action: 'user.accept_invitation', outcome: 'success', actorUserId: user.id });
  return { challengeToken };
}
