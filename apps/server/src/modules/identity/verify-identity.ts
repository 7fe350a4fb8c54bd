import type { IdentityVerificationRequest } from '@marque/contracts';
import { BusinessRuleError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import type { IdentityMatcher } from '../customers/index.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { insertRegistration } from './registration-repo.ts';
import { hashOpaqueToken, newOpaqueToken, REGISTRATION_MS } from './session-token.ts';

/**
 * Registration step 1: the person proves who they are against the lender's records. Only a
 * passed match opens a registration (its token goes into the registration cookie). A failed
 * match gets one answer whatever failed and whether or not a record exists (ASVS 6.3.8), and
 * matching is rate-limited per person, per IP and globally (ASVS 2.4.1).
 */
export async function verifyIdentity(
  deps: IdentityDeps & { matchIdentity: IdentityMatcher },
  ctx: RequestContext,
  claim: IdentityVerificationRequest,
): Promise<{ registrationToken: string }> {
  const person = deps.cipher.blindIndex(`${claim.lastName}|${claim.dateOfBirth}`, 'throttle_identity');
  await deps.throttle.consume('identity', { account: person, ip: ctx.ip });
  const customerId = await deps.matchIdentity(deps.db, claim);
  await audit(deps, ctx, {
    action: 'registration.verify_identity',
    outcome: customerId === null ? 'failure' : 'success',
    subjectCustomerId: customerId,
    details: { method: claim.ssn ? 'ssn' : claim.accountNumber ? 'ssn_last4_account' : 'ssn_last4_vin' },
  });
  if (customerId === null) {
    throw new BusinessRuleError(
      'identity_not_verified',
      'We could not verify your identity with these details. Check them against your contract and try again.',
    );
  }
  const registrationToken = newOpaqueToken();
  const now = deps.now();
  await insertRegistration(deps.db, {
    tokenHash: hashOpaqueToken(registrationToken),
    now,
    expiresAt: new Date(now.getTime() + REGISTRATION_MS),
    customerId,
  });
  return { registrationToken };
}
