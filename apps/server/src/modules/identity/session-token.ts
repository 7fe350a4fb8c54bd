import crypto from 'node:crypto';

/** 256 random bits, base64url: the only copy lives in the user's cookie (or e-mailed link). */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** SHA-256 is enough here: the token is 256 random bits, not a guessable secret. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('base64url');
}

/** The same shape for pre-auth, registration, device and invitation tokens. */
export const newOpaqueToken = newSessionToken;
export const hashOpaqueToken = hashSessionToken;

export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
export const SESSION_TOUCH_MS = 60 * 1000;
/** The pre-auth state between the password and the second factor. */
export const PRE_AUTH_MS = 10 * 60 * 1000;
/** "Remember this device" for MFA, at most 30 days. */
export const TRUSTED_DEVICE_MS = 30 * 24 * 60 * 60 * 1000;
export const REGISTRATION_MS = 30 * 60 * 1000;
export const INVITATION_MS = 72 * 60 * 60 * 1000;

export interface StartedSessionTokens {
  sessionToken: string;
  deviceToken?: string | null;
}
