import type { RecoveryCodes, TotpEnrolment } from '@marque/contracts';
import type { RequestContext } from '../../platform/http/access.ts';
import type { IdentityDeps } from './deps.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp.ts';
import { completeChallenge } from './mfa-repo.ts';
import { expiredChallenge, loadPreAuth } from './pre-auth.ts';
import { type StartedSession, startSession } from './start-session.ts';

/**
 * A user without MFA (a newly invited staff or dealer user) enrols TOTP right after the
 * password, before any session exists: MFA is required before first use.
 */
export async function startEnrolmentAtLogin(
  deps: IdentityDeps,
  challengeToken: string | undefined,
): Promise<TotpEnrolment> {
  const { user } = await loadPreAuth(deps, challengeToken, 'enrol');
  return startTotpEnrolment(deps, user);
}

export async function confirmEnrolmentAtLogin(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { challengeToken: string | undefined; code: string },
): Promise<StartedSession & RecoveryCodes> {
  const { challenge, user } = await loadPreAuth(deps, input.challengeToken, 'enrol');
  const { recoveryCodes } = await confirmTotpEnrolment(deps, ctx, user, input.code);
  if (!(await completeChallenge(deps.db, challenge.id, deps.now()))) throw expiredChallenge();
  const started = await startSession(deps, ctx, user, { authMethod: 'totp', secondFactor: true });
  return { ...started, recoveryCodes };
}
