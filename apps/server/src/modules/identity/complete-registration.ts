import type { RecoveryCodes, TotpEnrolment } from '@marque/contracts';
import { ConflictError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { recordRegistrationConsents } from '../customers/index.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp.ts';
import { updateRegistration } from './registration-repo.ts';
import { requireRegistrationStep } from './registration-state.ts';
import { findUserById, type UserRow, updateUser } from './repo.ts';
import { type StartedSession, startSession } from './start-session.ts';

async function registrationUser(deps: IdentityDeps, userId: number | null): Promise<UserRow> {
  const user = userId ? await findUserById(deps.db, userId) : undefined;
  if (user?.status !== 'pending') throw new ConflictError('registration_step_required', 'Start again.');
  return user;
}

/** Registration step 4a: a TOTP secret for the authenticator app. */
export async function startRegistrationTotp(
  deps: IdentityDeps,
  token: string | undefined,
): Promise<TotpEnrolment> {
  const registration = await requireRegistrationStep(deps, token, 'email_verified');
  return startTotpEnrolment(deps, await registrationUser(deps, registration.userId));
}

/** Registration step 4b: the first code confirms the app; the ten recovery codes are shown once. */
export async function confirmRegistrationTotp(
  deps: IdentityDeps,
  ctx: RequestContext,
  token: string | undefined,
  code: string,
): Promise<RecoveryCodes> {
  const registration = await requireRegistrationStep(deps, token, 'email_verified');
  const user = await registrationUser(deps, registration.userId);
  const result = await confirmTotpEnrolment(deps, ctx, user, code);
  await updateRegistration(deps.db, registration.id, { totpConfirmedAt: deps.now() });
  return result;
}

/**
 * Registration step 5: E-SIGN consent and the GLBA privacy notice. The account becomes active
 * and, since the second factor was just proved, the customer is signed in.
 */
export async function completeRegistration(
  deps: IdentityDeps,
  ctx: RequestContext,
  token: string | undefined,
): Promise<StartedSession> {
  const registration = await requireRegistrationStep(deps, token, 'totp_confirmed');
  const user = await registrationUser(deps, registration.userId);
  const now = deps.now();
  await recordRegistrationConsents(deps.db, registration.customerId, now, ctx);
  await updateUser(deps.db, user.id, { status: 'active' });
  await updateRegistration(deps.db, registration.id, { completedAt: now });
  await audit(deps, ctx, {
    action: 'registration.complete',
    outcome: 'success',
    actorUserId: user.id,
    subjectCustomerId: registration.customerId,
  });
  return startSession(
    deps,
    ctx,
    { ...user, status: 'active' },
    { authMethod: 'registration', secondFactor: true },
  );
}
