import type {
  AddPasskeyRequest,
  PasskeyCreationOptions,
  PasskeyList,
  PasskeySummary,
} from '@marque/contracts';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { MFA_CHANGED, steppedUpUser } from './manage-mfa.ts';
import { findActiveTotp } from './mfa-repo.ts';
import {
  deletePasskey,
  findOwnPasskey,
  findPasskeyByCredentialId,
  insertPasskey,
  listPasskeys,
  type PasskeyRow,
  renamePasskey,
} from './passkey-repo.ts';
import {
  descriptorsOf,
  PASSKEY_ALGORITHMS,
  PASSKEY_PROMPT_TIMEOUT_MS,
  relyingParty,
  rememberChallenge,
  takeChallengeOf,
  userHandleOf,
} from './relying-party.ts';
import type { UserRow } from './repo.ts';

// The security centre's passkeys. Adding and removing one changes how the account signs in, so
// both need a second factor proved in the last 5 minutes (ASVS 7.5.1) and alert the owner.

/** Enough for every device a person owns; a cap keeps the sign-in options small. */
export const MAX_PASSKEYS = 10;

function summary(p: PasskeyRow): PasskeySummary {
  return {
    id: p.publicId,
    name: p.name,
    createdAt: p.createdAt.toISOString(),
    lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
    backedUp: p.backedUp,
  };
}

/** An added or removed passkey: audited, and the owner alerted by e-mail and in the inbox. */
async function recordChange(
  deps: IdentityDeps,
  ctx: RequestContext,
  user: UserRow,
  action: 'mfa.passkey.add' | 'mfa.passkey.remove',
  passkey: PasskeyRow,
  alertBody: string,
): Promise<void> {
  await audit(deps, ctx, {
    action,
    outcome: 'success',
    actorUserId: user.id,
    details: { passkey: passkey.publicId },
  });
  await sendSecurityAlert(deps, user, { ...MFA_CHANGED, body: alertBody });
}

export async function listOwnPasskeys(
  deps: Pick<IdentityDeps, 'db'>,
  principal: Principal,
): Promise<PasskeyList> {
  return { data: (await listPasskeys(deps.db, principal.userId)).map(summary), nextCursor: null };
}

/**
 * Adding, step 1: creation options for a discoverable, user-verified credential (so it can sign
 * in without an e-mail address), excluding the authenticators already registered.
 */
export async function startPasskeyRegistration(
  deps: IdentityDeps,
  principal: Principal,
): Promise<PasskeyCreationOptions> {
  const user = await steppedUpUser(deps, principal);
  const existing = await listPasskeys(deps.db, user.id);
  if (existing.length >= MAX_PASSKEYS) {
    throw new BusinessRuleError(
      'too_many_passkeys',
      `An account can have at most ${MAX_PASSKEYS} passkeys. Remove one first.`,
    );
  }
  const rp = relyingParty(deps);
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: userHandleOf(user),
    attestationType: 'none',
    excludeCredentials: descriptorsOf(existing),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    timeout: PASSKEY_PROMPT_TIMEOUT_MS,
  });
  await rememberChallenge(
    deps,
    options.challenge,
    { purpose: 'register', sessionId: principal.sessionId },
    user.id,
  );
  return options;
}

/** Adding, step 2: the browser's new credential, verified against our challenge, then stored. */
export async function addPasskey(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  input: AddPasskeyRequest,
): Promise<PasskeySummary> {
  const user = await steppedUpUser(deps, principal);
  await deps.throttle.consume('code_verify', { account: `user:${user.id}`, ip: ctx.ip });
  const { credential } = input;
  const issued = await takeChallengeOf(deps, credential.response.clientDataJSON, {
    purpose: 'register',
    sessionId: principal.sessionId,
  });
  const rp = relyingParty(deps);
  const verified =
    issued?.userId === user.id
      ? await verifyRegistrationResponse({
          response: credential,
          expectedChallenge: issued.challenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.id,
          requireUserVerification: true,
          supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
        }).catch(() => null)
      : null;
  if (!verified?.verified) {
    await audit(deps, ctx, { action: 'mfa.passkey.add', outcome: 'failure', actorUserId: user.id });
    throw new BusinessRuleError(
      'passkey_not_accepted',
      'The new passkey could not be verified. Try again from the start.',
    );
  }
  const info = verified.registrationInfo;
  if (await findPasskeyByCredentialId(deps.db, info.credential.id)) {
    throw new ConflictError('passkey_exists', 'This passkey is already registered.');
  }
  const count = (await listPasskeys(deps.db, user.id)).length;
  const row = await insertPasskey(deps.db, {
    userId: user.id,
    credentialId: info.credential.id,
    publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
    signCount: info.credential.counter,
    transports: (credential.response.transports ?? []).slice(0, 10),
    name: input.name ?? `Passkey ${count + 1}`,
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    createdAt: deps.now(),
  });
  await recordChange(
    deps,
    ctx,
    user,
    'mfa.passkey.add',
    row,
    'A passkey was added to your account. It can now be used to sign in.',
  );
  return summary(row);
}

/** A new label; harmless, so no step-up. Another user's passkey answers 404. */
export async function renameOwnPasskey(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  passkeyId: string,
  name: string,
): Promise<PasskeySummary> {
  const own = await findOwnPasskey(deps.db, principal.userId, passkeyId);
  const renamed = own ? await renamePasskey(deps.db, own.id, name) : undefined;
  if (!renamed) throw new NotFoundError('passkey');
  await audit(deps, ctx, {
    action: 'mfa.passkey.rename',
    outcome: 'success',
    actorUserId: principal.userId,
    details: { passkey: renamed.publicId },
  });
  return summary(renamed);
}

/**
 * Removes a passkey. The last one goes only while an authenticator app remains: an account is
 * never left without a strong second factor.
 */
export async function removeOwnPasskey(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  passkeyId: string,
): Promise<void> {
  const user = await steppedUpUser(deps, principal);
  const own = await findOwnPasskey(deps.db, user.id, passkeyId);
  if (!own) throw new NotFoundError('passkey');
  const others = (await listPasskeys(deps.db, user.id)).filter((p) => p.id !== own.id);
  if (others.length === 0 && !(await findActiveTotp(deps.db, user.id))) {
    throw new BusinessRuleError(
      'last_second_factor',
      'This is your only way to prove it is you. Set up an authenticator app before removing it.',
    );
  }
  await deletePasskey(deps.db, own.id);
  await recordChange(
    deps,
    ctx,
    user,
    'mfa.passkey.remove',
    own,
    `The passkey "${own.name}" was removed from your account. It can no longer be used to sign in.`,
  );
}
