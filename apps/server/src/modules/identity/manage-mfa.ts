import type { RecoveryCodes, TotpEnrolment } from '@marque/contracts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { type Principal, type RequestContext, requireRecentStepUp } from '../../platform/http/access.ts';
import { sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp.ts';
import { replaceRecoveryCodes } from './mfa-repo.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import { findUserById, type UserRow } from './repo.ts';

// Security-centre changes to MFA: each needs a second factor proved in the last 5 minutes
// (ASVS 7.5.1) and alerts the owner by e-mail and in the inbox.

export async function steppedUpUser(deps: IdentityDeps, principal: Principal): Promise<UserRow> {
  requireRecentStepUp(principal, deps.now());
  const user = await findUserById(deps.db, principal.userId);
  if (!user) throw new UnauthenticatedError();
  return user;
}

export const MFA_CHANGED = {
  kind: 'mfa_changed' as const,
  title: 'Your two-step verification changed',
};

/** Re-enrolment, first half: a new secret to scan. The old authenticator works until confirmed. */
export async function startTotpChange(deps: IdentityDeps, principal: Principal): Promise<TotpEnrolment> {
  return startTotpEnrolment(deps, await steppedUpUser(deps, principal));
}

export async function confirmTotpChange(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  code: string,
): Promise<RecoveryCodes> {
  const user = await steppedUpUser(deps, principal);
  const result = await confirmTotpEnrolment(deps, ctx, user, code);
  await sendSecurityAlert(deps, user, {
    ...MFA_CHANGED,
    body: 'A new authenticator app was set up for your account, and new recovery codes were created.',
  });
  return result;
}

/** Ten new recovery codes (shown once); the old ones stop working. */
export async function regenerateRecoveryCodes(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
): Promise<RecoveryCodes> {
  const user = await steppedUpUser(deps, principal);
  const { codes, hashes } = await newRecoveryCodes();
  await replaceRecoveryCodes(deps.db, user.id, hashes, deps.now());
  await audit(deps, ctx, {
    action: 'mfa.recovery_codes.regenerate',
    outcome: 'success',
    actorUserId: user.id,
  });
  await sendSecurityAlert(deps, user, {
    ...MFA_CHANGED,
    body: 'New recovery codes were created for your account; the previous ones no longer work.',
  });
  return { recoveryCodes: codes };
}
