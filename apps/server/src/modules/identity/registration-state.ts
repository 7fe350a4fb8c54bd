import { ConflictError } from '../../platform/errors.ts';
import type { IdentityDeps } from './deps.ts';
import { findOpenRegistration, type RegistrationRow } from './registration-repo.ts';
import { hashOpaqueToken } from './session-token.ts';

export type RegistrationGate = 'identity_verified' | 'credentials' | 'email_verified' | 'totp_confirmed';

const STEP_NAMES: Record<RegistrationGate, string> = {
  identity_verified: 'Verify your identity first.',
  credentials: 'Choose your e-mail address and password first.',
  email_verified: 'Confirm your e-mail address first.',
  totp_confirmed: 'Set up your authenticator app first.',
};

/**
 * The registration behind the cookie, refusing the request unless every step before it has
 * passed (ASVS 2.3.1): a client cannot skip identity matching by calling a later step.
 */
export async function requireRegistrationStep(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  token: string | undefined,
  gate: RegistrationGate,
): Promise<RegistrationRow & { customerId: number }> {
  const registration =
    token && token.length <= 100
      ? await findOpenRegistration(deps.db, hashOpaqueToken(token), deps.now())
      : undefined;
  const passed: Record<RegistrationGate, boolean> = {
    identity_verified: Boolean(registration?.identityVerifiedAt && registration.customerId),
    credentials: Boolean(registration?.userId),
    email_verified: Boolean(registration?.emailVerifiedAt),
    totp_confirmed: Boolean(registration?.totpConfirmedAt),
  };
  const order: RegistrationGate[] = ['identity_verified', 'credentials', 'email_verified', 'totp_confirmed'];
  for (const step of order.slice(0, order.indexOf(gate) + 1)) {
    if (!passed[step]) throw new ConflictError('registration_step_required', STEP_NAMES[step]);
  }
  return registration as RegistrationRow & { customerId: number };
}
