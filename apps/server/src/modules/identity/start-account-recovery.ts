import type { RecoveryStartRequest } from '@marque/contracts';
import type { RequestContext } from '../../platform/http/access.ts';
import type { IdentityMatcher } from '../customers/index.ts';
import { accountSubject, audit, type IdentityDeps } from './deps.ts';
import { emailCodeDigest, newEmailCode } from './one-time-code.ts';
import { findUserByEmail } from './repo.ts';
import { insertRecovery } from './self-service-repo.ts';
import { hashOpaqueToken, newOpaqueToken } from './session-token.ts';

/** How long a recovery attempt (its e-mailed code, then the new password) stays open. */
export const RECOVERY_MS = 15 * 60 * 1000;

export interface RecoveryStart {
  attemptToken: string;
  /** The e-mail with the code, still being sent (null when nothing matched): see the route. */
  delivery: Promise<void> | null;
}

/**
 * "Forgot password / lost my authenticator" for customers. The person gives their sign-in
 * e-mail and the identity facts of registration (never SSN alone, ASVS 6.4.2). A code is
 * e-mailed only when the facts match a customer AND the address is that customer's verified
 * sign-in address; every other case gets the same answer after the same work (ASVS 6.3.8):
 * one throttle check keyed by the claimed address, one identity match, one user lookup, one
 * code digest, and an attempt token either way (a throwaway one when nothing matched). The
 * mail is sent after the answer, so its delivery time cannot tell either.
 *
 * Staff and dealer users have no identity record: they never match and ask their administrator.
 */
export async function startAccountRecovery(
  deps: IdentityDeps & { matchIdentity: IdentityMatcher },
  ctx: RequestContext,
  input: Omit<RecoveryStartRequest, 'lostAuthenticator'> & { lostAuthenticator: boolean },
): Promise<RecoveryStart> {
  await deps.throttle.consume('identity', { account: accountSubject(deps, input.email), ip: ctx.ip });
  const customerId = await deps.matchIdentity(deps.db, input.identity);
  const user = await findUserByEmail(deps.db, input.email);
  const now = deps.now();
  const attemptToken = newOpaqueToken();
  const tokenHash = hashOpaqueToken(attemptToken);
  const code = newEmailCode();
  const codeHash = emailCodeDigest(deps.cipher, code, `recovery:${tokenHash}`);
  const eligible =
    customerId !== null &&
    user !== undefined &&
    user.customerId === customerId &&
    user.role === 'customer' &&
    user.status === 'active' &&
    user.emailVerifiedAt !== null;
  await audit(deps, ctx, {
    action: 'account_recovery.start',
    outcome: eligible ? 'success' : 'failure',
    actorUserId: null,
    subjectUserId: eligible ? user.id : null,
    subjectCustomerId: customerId,
    details: {
      reason: eligible ? null : customerId === null ? 'identity_not_matched' : 'email_not_matched',
      lostAuthenticator: input.lostAuthenticator,
    },
  });
  if (!eligible) return { attemptToken, delivery: null };

  await insertRecovery(deps.db, {
    userId: user.id,
    tokenHash,
    codeHash,
    lostAuthenticator: input.lostAuthenticator,
    createdAt: now,
    expiresAt: new Date(now.getTime() + RECOVERY_MS),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  const delivery = deps.mailer.send({
    to: user.email,
    subject: `${deps.brandName} account recovery code`,
    text:
      `Your ${deps.brandName} account recovery code is ${code}. It works once, for 15 minutes, on the ` +
      'page where you asked for it. We will never ask you for it by phone.\n\n' +
      'If you did not ask to recover your account, ignore this message: nothing has changed, ' +
      'and your password still works.',
    category: 'account_recovery',
  });
  return { attemptToken, delivery };
}
