import type { RecoveryCodes, TotpEnrolment } from '@marque/contracts';
import { ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import {
  confirmTotp,
  findPendingTotp,
  insertTotp,
  replaceRecoveryCodes,
  revokeTrustedDevices,
} from './mfa-repo.ts';
import { newRecoveryCodes } from './recovery-codes.ts';
import type { UserRow } from './repo.ts';
import { TOTP_AAD } from './second-factor.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';

/**
 * Starts a TOTP enrolment: a new CSPRNG seed, stored encrypted as pending, shown once for the
 * authenticator app. The current authenticator keeps working until the new one is confirmed.
 */
export async function startTotpEnrolment(deps: IdentityDeps, user: UserRow): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  await insertTotp(deps.db, {
    userId: user.id,
    secretEnc: deps.cipher.encrypt(secret, TOTP_AAD),
    now: deps.now(),
    confirmed: false,
  });
  return { secret, otpauthUri: totpUri(deps.brandName, user.email, secret) };
}

/**
 * Confirms the pending enrolment with a code from the app, replaces any previous authenticator,
 * forgets remembered devices, and issues ten new recovery codes (returned once).
 */
export async function confirmTotpEnrolment(
  deps: IdentityDeps,
  ctx: RequestContext,
  user: UserRow,
  code: string,
): Promise<RecoveryCodes> {
  const pending = await findPendingTotp(deps.db, user.id);
  const now = deps.now();
  await deps.throttle.consume('code_verify', { account: `user:${user.id}`, ip: ctx.ip });
  const step = pending
    ? await matchTotp(deps.cipher.decrypt(pending.secretEnc, TOTP_AAD), code, now, null)
    : null;
  if (!pending || step === null) {
    await audit(deps, ctx, { action: 'mfa.totp.enrol', outcome: 'failure', actorUserId: user.id });
    throw ValidationError.field(
      'code',
      'invalid_code',
      'That code is not right. Check the time on your phone.',
    );
  }
  await confirmTotp(deps.db, pending.id, user.id, step, now);
  const { codes, hashes } = await newRecoveryCodes();
  await replaceRecoveryCodes(deps.db, user.id, hashes, now);
  await revokeTrustedDevices(deps.db, user.id, now);
  await audit(deps, ctx, { action: 'mfa.totp.enrol', outcome: 'success', actorUserId: user.id });
  return { recoveryCodes: codes };
}
