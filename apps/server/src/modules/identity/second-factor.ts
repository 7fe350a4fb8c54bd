import type { CodeMethod, MfaMethod } from '@marque/contracts';
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
import { countPasskeys } from './passkey-repo.ts';
import { findRecoveryCode } from './recovery-codes.ts';
import type { UserRow } from './repo.ts';
import { matchTotp } from './totp.ts';

export const TOTP_AAD = 'totp_authenticators.secret';

/** Whether the user has a strong second factor: an authenticator app or a passkey. */
async function hasStrongFactor(db: IdentityDeps['db'], userId: number): Promise<boolean> {
  return Boolean(await findActiveTotp(db, userId)) || (await countPasskeys(db, userId)) > 0;
}

/**
 * The methods a user can use now, strongest first. E-mail is only a fallback beside TOTP or a
 * passkey (ASVS 6.6.1); recovery codes come with TOTP.
 */
export async function availableMethods(deps: Pick<IdentityDeps, 'db'>, userId: number): Promise<MfaMethod[]> {
  const methods: MfaMethod[] = [];
  if ((await countPasskeys(deps.db, userId)) > 0) methods.push('passkey');
  if (await findActiveTotp(deps.db, userId)) {
    methods.push('totp');
    if ((await unusedRecoveryCodes(deps.db, userId)).length > 0) methods.push('recovery_code');
  }
  if (methods.length > 0) methods.push('email');
  return methods;
}

async function check(
  deps: IdentityDeps,
  user: UserRow,
  method: CodeMethod,
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
  if (!(await hasStrongFactor(deps.db, user.id))) return false;
  return sameDigest(challenge.emailCodeHash, emailCodeDigest(deps.cipher, code, String(challenge.id)));
}

/** What a failed proof answers: a wrong code, or a passkey that did not verify. */
const WRONG_CODE = { code: 'invalid_code', detail: 'That code is not right or has expired.' };

/**
 * Runs one second-factor proof with the throttles around it: per account, per IP and globally, a
 * progressive delay after repeated failures, and a challenge that dies after 5 failures. Every
 * attempt is audited as auth.mfa.<method>; the 5th failure in a row alerts the owner. Codes and
 * passkeys both come through here, so they share one failure streak.
 */
export async function proveFactor(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: {
    user: UserRow;
    method: MfaMethod;
    check: () => Promise<boolean>;
    challenge: ChallengeRow | null;
    purpose: string;
    failStatus: 401 | 422;
    failure?: { code: string; detail: string };
  },
): Promise<void> {
  const subject = `user:${input.user.id}`;
  await deps.throttle.consume('code_verify', { account: subject, ip: ctx.ip });
  await deps.throttle.checkFailureDelay('code_verify', subject);
  const ok = await input.check();
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
        title: 'Several failed sign-in checks',
        body: `Someone failed the second sign-in step for your account ${streak} times in a row (wrong codes or passkeys).`,
      });
    }
    const failure = input.failure ?? WRONG_CODE;
    throw new AppError(input.failStatus, failure.code, failure.detail);
  }
  await deps.throttle.clearFailures('code_verify', subject);
  await audit(deps, ctx, { action, outcome: 'success', actorUserId: input.user.id, details });
}

/** A typed second factor (TOTP, recovery or e-mailed code), through proveFactor. */
export async function proveSecondFactor(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: {
    user: UserRow;
    method: CodeMethod;
    code: string;
    challenge: ChallengeRow | null;
    purpose: 'login' | 'step_up';
    failStatus: 401 | 422;
  },
): Promise<void> {
  await proveFactor(deps, ctx, {
    ...input,
    check: () => check(deps, input.user, input.method, input.code, input.challenge),
  });
  if (input.method === 'recovery_code') {
    const remaining = (await unusedRecoveryCodes(deps.db, input.user.id)).length;
    await sendSecurityAlert(deps, input.user, {
      kind: 'recovery_code_used',
      title: 'A recovery code was used',
      body: `A recovery code was used to confirm it was you. ${remaining} unused codes remain; create new ones in the security centre if you are running low.`,
    });
  }
}
