import type { PasskeyAssertion } from '@marque/contracts';
import { type VerifiedAuthenticationResponse, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import type { IdentityDeps } from './deps.ts';
import {
  type ChallengeBinding,
  insertPasskeyChallenge,
  type PasskeyChallengeRow,
  type PasskeyRow,
  takePasskeyChallenge,
} from './passkey-repo.ts';

/** How long a WebAuthn challenge lives: the browser prompt times out first (2 minutes). */
export const PASSKEY_CHALLENGE_MS = 5 * 60 * 1000;
export const PASSKEY_PROMPT_TIMEOUT_MS = 2 * 60 * 1000;
/** COSE algorithms we accept: ES256, EdDSA, RS256 (what platform and roaming authenticators use). */
export const PASSKEY_ALGORITHMS = [-7, -8, -257];

/**
 * The relying party is the app's public origin: its hostname is the RP ID (WebAuthn does not
 * allow an IP address there) and assertions must come from exactly that origin.
 */
export function relyingParty(deps: Pick<IdentityDeps, 'publicOrigin' | 'brandName'>) {
  const origin = new URL(deps.publicOrigin).origin;
  return { id: new URL(origin).hostname, origin, name: deps.brandName };
}

/** A WebAuthn user handle: the user's opaque public ID, never the e-mail or the row ID. */
export function userHandleOf(user: { publicId: string }): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(user.publicId);
}

/** Passkeys as the options name them: ID and how the browser may reach the authenticator. */
export function descriptorsOf(list: readonly PasskeyRow[]): { id: string; transports: string[] }[] {
  return list.map((p) => ({ id: p.credentialId, transports: p.transports }));
}

/** Stores the challenge the options carry, bound to where it was issued. */
export async function rememberChallenge(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  challenge: string,
  binding: ChallengeBinding,
  userId: number | null,
): Promise<void> {
  const now = deps.now();
  await insertPasskeyChallenge(deps.db, {
    challenge,
    purpose: binding.purpose,
    tokenHash: binding.purpose === 'sign_in' ? binding.tokenHash : null,
    authChallengeId: binding.purpose === 'second_factor' ? binding.authChallengeId : null,
    sessionId: binding.purpose === 'register' ? binding.sessionId : null,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_MS),
  });
}

/**
 * The challenge a response answers, read from its client data only to find our stored copy: that
 * copy (unused, unexpired, bound to this browser or step) is what verification then expects.
 */
export async function takeChallengeOf(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  clientDataJSON: string,
  binding: ChallengeBinding,
): Promise<PasskeyChallengeRow | undefined> {
  let challenge: unknown;
  try {
    challenge = JSON.parse(isoBase64URL.toUTF8String(clientDataJSON)).challenge;
  } catch {
    return undefined;
  }
  if (typeof challenge !== 'string' || challenge.length === 0 || challenge.length > 200) return undefined;
  return takePasskeyChallenge(deps.db, challenge, binding, deps.now());
}

/**
 * Verifies an assertion against a stored passkey: signature, challenge, origin, RP ID, user
 * verification (required: the passkey is both factors) and a signature counter that must grow.
 * Returns null, never throws, for anything that does not verify.
 */
export async function verifyAssertion(
  deps: Pick<IdentityDeps, 'publicOrigin' | 'brandName'>,
  assertion: PasskeyAssertion,
  passkey: PasskeyRow,
  expectedChallenge: string,
): Promise<VerifiedAuthenticationResponse['authenticationInfo'] | null> {
  const rp = relyingParty(deps);
  try {
    const result = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      credential: {
        id: passkey.credentialId,
        publicKey: isoBase64URL.toBuffer(passkey.publicKey),
        counter: passkey.signCount,
        transports: passkey.transports,
      },
    });
    return result.verified && result.authenticationInfo.userVerified ? result.authenticationInfo : null;
  } catch {
    return null;
  }
}
