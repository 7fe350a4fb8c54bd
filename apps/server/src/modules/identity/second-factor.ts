import type { MfaMethod } from '@marque/contracts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { FREE_FAILURES } from '../../platform/throttle/throttle.ts';
import { sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';
import {
  type ChallengeRow,
  claimTotpStep,
  completeChallenge,
  countChallengeFailure,
  findActiveTotp,
  unusedRecoveryCodes,
  useRecoveryCode,
} from './mfa-repo.ts';
import { EMAIL_CODE_MAX_ATTEMPTS, emailCodeDigest, sameDigest } from './one-time-code.ts';
import { findRecoveryCode } from './recovery-codes.ts';
import type { UserRow } from './repo.ts';
import { matchTotp } from './totp.ts';

export const TOTP_AAD = 'totp_authenticators.secret';

/** The methods a user can use now. E-mail is only a fallback beside TOTP (ASVS 6.6.1). */
export async function availableMethods(deps: Pick<IdentityDeps, 'db'>, userId: number): Promise<MfaMethod[]> {
  const totp = await findActiveTotp(deps.db, userId);
  if (!totp) return [];
  const methods: MfaMethod[] = ['totp'];
  if ((await unusedRecoveryCodes(deps.db, userId)).length > 0) methods.push('recovery_code');
  methods.push('email');
  return methods;
}

async function check(
  deps: IdentityDeps,
  user: UserRow,
  method: MfaMethod,
  code: string,
  challenge: ChallengeRow | null,
): Promise<boolean> {
  const now = deps.now();
  if (method === 'totp') {
    const totp = await findActiveTotp(deps.db, user.id);
    if (!totp) return false;
    const secret = deps.cipher.decrypt(totp.secretEnc, TOTP_AAD);
    const step = await matchTotp(secret, code, now, totp.lastTimeStep);
    return step !== null && (await claimTotpStep(deps.db, totp.id, step));
  }
  if (method === 'recovery_code') {
    const id = await findRecoveryCode(await unusedRecoveryCodes(deps.db, user.id), code);
    return id !== null && (await useRecoveryCode(deps.db, id, now));
  }
  // E-mail: the code must belong to this challenge and still be fresh.
  if (!challenge?.emailCodeHash || !challenge.emailCodeExpiresAt) return false;
  if (challenge.emailCodeExpiresAt.getTime() <= now.getTime()) return false;
  if (!(await findActiveTotp(deps.db, user.id))) return false;
  return sameDigest(challenge.emailCodeHash, emailCodeDigest(deps.cipher, code, String(challenge.id)));
}

/**
 * Checks a second factor with the throttles around it: per account, per IP and globally, a
 * progressive delay after repeated failures, and a challenge that dies after 5 wrong codes.
 * Every attempt is audited; the 5th failure in a row alerts the owner.
 */
export async function proveSecondFactor(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: {
    user: UserRow;
    method: MfaMethod;
    code: string;
    challenge: ChallengeRow | null;
    purpose: 'login' | 'step_up';
    failStatus: 401 | 422;
  },
): Promise<void> {
  const subject = `user:${input.user.id}`;
  await deps.throttle.consume('code_verify', { account: subject, ip: ctx.ip });
  await deps.throttle.checkFailureDelay('code_verify', subject);
  const ok = await check(deps, input.user, input.method, input.code, input.challenge);
  const action = `auth.mfa.${input.method}`;
  const details = { purpose: input.purpose };
  if (!ok) {
    const streak = await deps.throttle.recordFailure('code_verify', subject);
    if (input.challenge) {
      const failures = await countChallengeFailure(deps.db, input.challenge.id);
      if (failures >= EMAIL_CODE_MAX_ATTEMPTS)
        await completeChallenge(deps.db, input.challenge.id, deps.now());
    }
    await audit(deps, ctx, { action, outcome: 'failure', actorUserId: input.user.id, details });
    if (streak === FREE_FAILURES) {
      await sendSecurityAlert(deps, input.user, {
        kind: 'too_many_failures',
        title: 'Several wrong sign-in codes',
        body: `Someone entered ${streak} wrong verification codes for your account in a row.`,
      });
    }
    throw new AppError(input.failStatus, 'invalid_code', 'That code is not right or has expired.');
  }
  await deps.throttle.clearFailures('code_verify', subject);
  await audit(deps, ctx, { action, outcome: 'success', actorUserId: input.user.id, details });
  if (input.method === 'recovery_code') {
    const remaining = (await unusedRecoveryCodes(deps.db, input.user.id)).length;
    await sendSecurityAlert(deps, input.user, {
      kind: 'recovery_code_used',
      title: 'A recovery code was used',
      body: `A recovery code was used to confirm it was you. ${remaining} unused codes remain; create new ones in the security centre if you are running low.`,
    });
  }
}
