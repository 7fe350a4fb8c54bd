import type { MfaMethod } from '@marque/contracts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { FREE_FAILURES } from '../../platform/throttle/throttle.ts';
import { sendSecurityAlert } from './alerts.ts';
import { accountSubject, audit, type IdentityDeps } from './deps.ts';
import { findLiveTrustedDevice, insertChallenge } from './mfa-repo.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import { findUserByEmail } from './repo.ts';
import { availableMethods } from './second-factor.ts';
import { hashOpaqueToken, newOpaqueToken, PRE_AUTH_MS } from './session-token.ts';
import { startSession } from './start-session.ts';

export interface LogInInput {
  email: string;
  password: string;
  /** The "remember this device" cookie, if the browser sent one. */
  deviceToken: string | null;
}

export type PasswordStepResult =
  | { status: 'authenticated'; sessionToken: string }
  | { status: 'mfa_required'; methods: MfaMethod[]; challengeToken: string }
  | { status: 'mfa_enrolment_required'; challengeToken: string };

const INVALID = () =>
  new UnauthenticatedError('invalid_credentials', 'The e-mail address or password is not right.');

/**
 * The password step. Unknown e-mail, wrong password and inactive user get the same answer after
 * the same argon2 work (ASVS 6.3.8). A right password opens a 10-minute pre-auth challenge that
 * only the MFA endpoints accept (ASVS 6.3.3); only a remembered device skips it.
 */
export async function logIn(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: LogInInput,
): Promise<PasswordStepResult> {
  const now = deps.now();
  const subject = accountSubject(deps, input.email);
  await deps.throttle.consume('login', { account: subject, ip: ctx.ip });
  const user = await findUserByEmail(deps.db, input.email);
  const device = input.deviceToken
    ? await findLiveTrustedDevice(deps.db, hashOpaqueToken(input.deviceToken), now)
    : undefined;
  const rememberedHere = Boolean(user && device && device.userId === user.id);
  // The owner's remembered browser is exempt from the failure delay, so an attacker hammering
  // the account cannot keep its owner out (ASVS 6.3.1).
  if (!rememberedHere) await deps.throttle.checkFailureDelay('login', subject);

  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || user.status !== 'active') {
    const streak = await deps.throttle.recordFailure('login', subject);
    await audit(deps, ctx, {
      action: 'auth.login',
      outcome: 'failure',
      actorUserId: user?.id ?? null,
      details: { reason: !user ? 'unknown_account' : !ok ? 'wrong_password' : `user_${user.status}` },
    });
    if (user && user.status === 'active' && streak === FREE_FAILURES) {
      await sendSecurityAlert(deps, user, {
        kind: 'too_many_failures',
        title: 'Several failed sign-in attempts',
        body: `Someone tried to sign in to your account with a wrong password ${streak} times in a row. Further attempts are slowed down.`,
      });
    }
    throw INVALID();
  }
  await deps.throttle.clearFailures('login', subject);
  await audit(deps, ctx, { action: 'auth.password', outcome: 'success', actorUserId: user.id });

  const methods = await availableMethods(deps, user.id);
  if (methods.length > 0 && rememberedHere) {
    const { sessionToken } = await startSession(deps, ctx, user, {
      authMethod: 'remembered_device',
      secondFactor: false,
    });
    return { status: 'authenticated', sessionToken };
  }
  const challengeToken = newOpaqueToken();
  await insertChallenge(deps.db, {
    tokenHash: hashOpaqueToken(challengeToken),
    userId: user.id,
    purpose: methods.length > 0 ? 'login' : 'enrol',
    createdAt: now,
    expiresAt: new Date(now.getTime() + PRE_AUTH_MS),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  return methods.length > 0
    ? { status: 'mfa_required', methods, challengeToken }
    : { status: 'mfa_enrolment_required', challengeToken };
}
