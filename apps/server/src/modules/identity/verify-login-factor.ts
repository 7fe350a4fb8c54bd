import type { CodeMethod } from '@marque/contracts';
import type { RequestContext } from '../../platform/http/access.ts';
import type { IdentityDeps } from './deps.ts';
import { completeChallenge } from './mfa-repo.ts';
import { expiredChallenge, loadPreAuth } from './pre-auth.ts';
import { proveSecondFactor } from './second-factor.ts';
import { sendChallengeEmailCode } from './send-email-code.ts';
import { type StartedSession, startSession } from './start-session.ts';

/** The second step of sign-in: a TOTP, recovery or e-mailed code against the pre-auth challenge. */
export async function verifyLoginFactor(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { challengeToken: string | undefined; method: CodeMethod; code: string; rememberDevice: boolean },
): Promise<StartedSession> {
  const { challenge, user } = await loadPreAuth(deps, input.challengeToken, 'login');
  await proveSecondFactor(deps, ctx, {
    user,
    method: input.method,
    code: input.code,
    challenge,
    purpose: 'login',
    failStatus: 401,
  });
  // One challenge, one session: a replayed pre-auth cookie finds it closed.
  if (!(await completeChallenge(deps.db, challenge.id, deps.now()))) throw expiredChallenge();
  return startSession(deps, ctx, user, {
    authMethod: input.method,
    secondFactor: true,
    rememberDevice: input.rememberDevice,
  });
}

/** E-mails a sign-in code for the pre-auth challenge (the fallback beside TOTP). */
export async function sendLoginEmailCode(
  deps: IdentityDeps,
  ctx: RequestContext,
  challengeToken: string | undefined,
): Promise<{ expiresInSeconds: number }> {
  const { challenge, user } = await loadPreAuth(deps, challengeToken, 'login');
  return sendChallengeEmailCode(deps, ctx, user, challenge);
}
