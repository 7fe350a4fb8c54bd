import type { RecoveryCompleted } from '@marque/contracts';
import { BusinessRuleError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { findCustomerNames } from '../customers/index.ts';
import { sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { emailCodeDigest, sameDigest } from './one-time-code.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import { findUserById, updateUser } from './repo.ts';
import {
  countRecoveryFailure,
  findOpenRecovery,
  markRecoveryCodeVerified,
  removeSecondFactors,
  signOutEverywhere,
  useRecovery,
} from './self-service-repo.ts';
import { hashOpaqueToken } from './session-token.ts';

const invalidCode = () =>
  new BusinessRuleError('invalid_code', 'That code is not right or has expired. Start again for a new one.');
const expired = () =>
  new BusinessRuleError(
    'recovery_expired',
    'This recovery has expired or was used already. Start again to get a new code.',
  );

/**
 * Recovery, second step: the code e-mailed to the verified address. It is bound to its attempt,
 * expires with it (15 minutes) and five wrong codes end the attempt. An unknown or throwaway
 * attempt token gets the same answer as a wrong code.
 */
export async function verifyRecoveryCode(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { attemptToken: string; code: string },
): Promise<{ status: 'code_verified' }> {
  const tokenHash = hashOpaqueToken(input.attemptToken);
  await deps.throttle.consume('code_verify', { account: `recovery:${tokenHash}`, ip: ctx.ip });
  const now = deps.now();
  const attempt = await findOpenRecovery(deps.db, tokenHash, now);
  const digest = emailCodeDigest(deps.cipher, input.code, `recovery:${tokenHash}`);
  if (!attempt || !sameDigest(attempt.codeHash, digest)) {
    if (attempt) await countRecoveryFailure(deps.db, attempt.id);
    await audit(deps, ctx, {
      action: 'account_recovery.verify_code',
      outcome: 'failure',
      subjectUserId: attempt?.userId ?? null,
    });
    throw invalidCode();
  }
  await markRecoveryCodeVerified(deps.db, attempt.id, now);
  await audit(deps, ctx, {
    action: 'account_recovery.verify_code',
    outcome: 'success',
    subjectUserId: attempt.userId,
  });
  return { status: 'code_verified' };
}

/**
 * Recovery, last step: a new password (the sign-up policy), then every session ends and
 * remembered devices are forgotten (ASVS 7.4.3). When the customer lost their authenticator it
 * is removed with its recovery codes, so the next sign-in enrols a new one before any session
 * exists: recovery never skips MFA (ASVS 6.3.4/6.4.3) and never signs anyone in by itself.
 */
export async function completeAccountRecovery(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { attemptToken: string; newPassword: string },
): Promise<RecoveryCompleted> {
  const now = deps.now();
  const attempt = await findOpenRecovery(deps.db, hashOpaqueToken(input.attemptToken), now);
  const user = attempt?.codeVerifiedAt ? await findUserById(deps.db, attempt.userId) : undefined;
  if (!attempt || user?.status !== 'active') throw expired();
  const names = user.customerId ? await findCustomerNames(deps.db, user.customerId) : undefined;
  assertAcceptablePassword(
    input.newPassword,
    {
      email: user.email,
      names: [user.displayName, names?.firstName, names?.lastName],
      brand: [deps.brandName],
    },
    'newPassword',
  );
  const passwordHash = await hashPassword(input.newPassword);
  if (!(await useRecovery(deps.db, attempt.id, now))) throw expired();

  await updateUser(deps.db, user.id, { passwordHash, passwordChangedAt: now });
  const sessionsEnded = await signOutEverywhere(deps.db, user.id, now);
  if (attempt.lostAuthenticator) await removeSecondFactors(deps.db, user.id);
  await audit(deps, ctx, {
    action: 'account_recovery.complete',
    outcome: 'success',
    actorUserId: user.id,
    details: { sessionsEnded, authenticatorRemoved: attempt.lostAuthenticator },
  });
  await sendSecurityAlert(deps, user, {
    kind: 'account_recovered',
    title: 'Your account was recovered',
    body:
      `Your identity was confirmed again and a new password was set at ${now.toISOString()}. ` +
      'Every device was signed out and remembered devices were forgotten.' +
      (attempt.lostAuthenticator
        ? ' Your authenticator app and recovery codes were removed: you will set up a new authenticator when you next sign in.'
        : ''),
  });
  return { status: 'recovered', mfaEnrolmentRequired: attempt.lostAuthenticator };
}
