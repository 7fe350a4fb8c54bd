import type { PasskeyAssertion, PasskeyRequestOptions } from '@marque/contracts';
import { generateAuthenticationOptions } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { BusinessRuleError, UnauthenticatedError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { type ChallengeRow, completeChallenge } from './mfa-repo.ts';
import {
  type ChallengeBinding,
  findPasskeyByCredentialId,
  listPasskeys,
  type PasskeyRow,
  recordPasskeyUse,
} from './passkey-repo.ts';
import { expiredChallenge, loadPreAuth } from './pre-auth.ts';
import {
  descriptorsOf,
  PASSKEY_PROMPT_TIMEOUT_MS,
  relyingParty,
  rememberChallenge,
  takeChallengeOf,
  userHandleOf,
  verifyAssertion,
} from './relying-party.ts';
import { findUserById, type UserRow } from './repo.ts';
import { proveFactor } from './second-factor.ts';
import { hashOpaqueToken, newOpaqueToken } from './session-token.ts';
import { type StartedSession, startSession } from './start-session.ts';

const NOT_ACCEPTED = {
  code: 'passkey_not_accepted',
  detail: 'That passkey was not accepted. Try again, or sign in another way.',
};
const notAccepted = () => new UnauthenticatedError(NOT_ACCEPTED.code, NOT_ACCEPTED.detail);

/**
 * One passkey assertion as a second-factor proof, inside proveFactor's throttles, audit and
 * failure streak. It passes only when our stored challenge was taken for it, the passkey is the
 * user's, the user handle (if sent) is theirs, the signature verifies with user verification,
 * and the signature counter moved forward (recorded atomically).
 */
async function provePasskey(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: {
    user: UserRow;
    passkey: PasskeyRow | undefined;
    assertion: PasskeyAssertion;
    binding: ChallengeBinding;
    preAuth: ChallengeRow | null;
    purpose: 'sign_in' | 'login';
  },
): Promise<void> {
  const { user, passkey, assertion } = input;
  await proveFactor(deps, ctx, {
    user,
    method: 'passkey',
    challenge: input.preAuth,
    purpose: input.purpose,
    failStatus: 401,
    failure: NOT_ACCEPTED,
    async check() {
      // The challenge is spent first, whatever follows: one answer per challenge.
      const issued = await takeChallengeOf(deps, assertion.response.clientDataJSON, input.binding);
      if (!issued || !passkey || passkey.userId !== user.id) return false;
      const handle = assertion.response.userHandle;
      if (handle && handle !== isoBase64URL.fromBuffer(userHandleOf(user))) return false;
      const info = await verifyAssertion(deps, assertion, passkey, issued.challenge);
      if (!info) return false;
      return recordPasskeyUse(
        deps.db,
        passkey.id,
        passkey.signCount,
        info.newCounter,
        info.credentialBackedUp,
        deps.now(),
      );
    },
  });
}

// ---- Passkey first: no e-mail, no password -------------------------------------------------

/**
 * Usernameless sign-in, step 1: a challenge for any of this site's discoverable passkeys, bound
 * to a fresh random token that goes into the passkey cookie.
 */
export async function startPasskeySignIn(
  deps: IdentityDeps,
  ctx: RequestContext,
): Promise<{ options: PasskeyRequestOptions; token: string }> {
  await deps.throttle.consume('login', { account: null, ip: ctx.ip });
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(deps).id,
    userVerification: 'required',
    timeout: PASSKEY_PROMPT_TIMEOUT_MS,
  });
  const token = newOpaqueToken();
  await rememberChallenge(
    deps,
    options.challenge,
    { purpose: 'sign_in', tokenHash: hashOpaqueToken(token) },
    null,
  );
  return { options, token };
}

/**
 * Usernameless sign-in, step 2. A user-verified passkey is phishing-resistant MFA by itself
 * (something you have, unlocked by something you know or are), so this starts a session with
 * its second factor proved, through the same startSession as every other sign-in.
 */
export async function finishPasskeySignIn(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { token: string | undefined; assertion: PasskeyAssertion },
): Promise<StartedSession> {
  await deps.throttle.consume('login', { account: null, ip: ctx.ip });
  if (!input.token || input.token.length > 100) throw notAccepted();
  const passkey = await findPasskeyByCredentialId(deps.db, input.assertion.id);
  const user = passkey ? await findUserById(deps.db, passkey.userId) : undefined;
  if (!passkey || user?.status !== 'active') {
    await audit(deps, ctx, {
      action: 'auth.mfa.passkey',
      outcome: 'failure',
      actorUserId: user?.id ?? null,
      details: { purpose: 'sign_in', reason: user ? `user_${user.status}` : 'unknown_credential' },
    });
    throw notAccepted();
  }
  await provePasskey(deps, ctx, {
    user,
    passkey,
    assertion: input.assertion,
    binding: { purpose: 'sign_in', tokenHash: hashOpaqueToken(input.token) },
    preAuth: null,
    purpose: 'sign_in',
  });
  return startSession(deps, ctx, user, { authMethod: 'passkey', secondFactor: true });
}

// ---- Passkey as the second factor after the password ---------------------------------------

/** After the password: a challenge for the user's own passkeys, bound to the pre-auth challenge. */
export async function startPasskeySecondFactor(
  deps: IdentityDeps,
  challengeToken: string | undefined,
): Promise<PasskeyRequestOptions> {
  const { challenge, user } = await loadPreAuth(deps, challengeToken, 'login');
  const own = await listPasskeys(deps.db, user.id);
  if (own.length === 0) throw new BusinessRuleError('no_passkey', 'This account has no passkey yet.');
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(deps).id,
    allowCredentials: descriptorsOf(own),
    userVerification: 'required',
    timeout: PASSKEY_PROMPT_TIMEOUT_MS,
  });
  await rememberChallenge(
    deps,
    options.challenge,
    { purpose: 'second_factor', authChallengeId: challenge.id },
    user.id,
  );
  return options;
}

export async function finishPasskeySecondFactor(
  deps: IdentityDeps,
  ctx: RequestContext,
  input: { challengeToken: string | undefined; assertion: PasskeyAssertion },
): Promise<StartedSession> {
  const { challenge, user } = await loadPreAuth(deps, input.challengeToken, 'login');
  await provePasskey(deps, ctx, {
    user,
    passkey: await findPasskeyByCredentialId(deps.db, input.assertion.id),
    assertion: input.assertion,
    binding: { purpose: 'second_factor', authChallengeId: challenge.id },
    preAuth: challenge,
    purpose: 'login',
  });
  // One pre-auth challenge, one session.
  if (!(await completeChallenge(deps.db, challenge.id, deps.now()))) throw expiredChallenge();
  return startSession(deps, ctx, user, { authMethod: 'passkey', secondFactor: true });
}
