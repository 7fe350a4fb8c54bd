import type { CodeMethod } from '@marque/contracts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { completeChallenge, findOpenStepUpChallenge, insertChallenge } from './mfa-repo.ts';
import { EMAIL_CODE_TTL_MS } from './one-time-code.ts';
import { findUserById, rotateSession, type UserRow } from './repo.ts';
import { proveSecondFactor } from './second-factor.ts';
import { sendChallengeEmailCode } from './send-email-code.ts';
import { hashSessionToken, newSessionToken } from './session-token.ts';

async function activeUser(deps: IdentityDeps, principal: Principal): Promise<UserRow> {
  const user = await findUserById(deps.db, principal.userId);
  if (user?.status !== 'active') throw new UnauthenticatedError();
  return user;
}

/**
 * Step-up: a fresh second factor inside a session. On success the session gets a new token (the
 * old cookie then answers 401, ASVS 7.2.4) and counts as freshly proved for 5 minutes.
 */
export async function stepUp(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  input: { method: CodeMethod; code: string },
): Promise<{ sessionToken: string }> {
  const user = await activeUser(deps, principal);
  const now = deps.now();
  const challenge =
    input.method === 'email'
      ? ((await findOpenStepUpChallenge(deps.db, principal.sessionId, now)) ?? null)
      : null;
  await proveSecondFactor(deps, ctx, {
    user,
    method: input.method,
    code: input.code,
    challenge,
    purpose: 'step_up',
    failStatus: 422,
  });
  if (challenge) await completeChallenge(deps.db, challenge.id, now);
  const sessionToken = newSessionToken();
  await rotateSession(deps.db, principal.sessionId, hashSessionToken(sessionToken), now);
  await audit(deps, ctx, {
    action: 'auth.step_up',
    outcome: 'success',
    actorUserId: user.id,
    details: { method: input.method },
  });
  return { sessionToken };
}

/** E-mails a step-up code bound to this session's step-up challenge. */
export async function sendStepUpEmailCode(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
): Promise<{ expiresInSeconds: number }> {
  const user = await activeUser(deps, principal);
  const now = deps.now();
  const challenge =
    (await findOpenStepUpChallenge(deps.db, principal.sessionId, now)) ??
    (await insertChallenge(deps.db, {
      tokenHash: null,
      userId: user.id,
      sessionId: principal.sessionId,
      purpose: 'step_up',
      createdAt: now,
      expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS),
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    }));
  return sendChallengeEmailCode(deps, ctx, user, challenge);
}
