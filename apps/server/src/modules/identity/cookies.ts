import type { FastifyReply } from 'fastify';
import { type AuthCookies, cookieOptions } from '../../platform/http/access.ts';
import { PASSKEY_CHALLENGE_MS } from './relying-party.ts';
import {
  PRE_AUTH_MS,
  REGISTRATION_MS,
  SESSION_ABSOLUTE_MS,
  type StartedSessionTokens,
  TRUSTED_DEVICE_MS,
} from './session-token.ts';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** A new session: the session cookie, the device cookie when remembered, the pre-auth cookie gone. */
export function setSessionCookies(
  reply: FastifyReply,
  cookies: AuthCookies,
  started: StartedSessionTokens,
): void {
  reply.setCookie(
    cookies.session,
    started.sessionToken,
    cookieOptions(cookies, seconds(SESSION_ABSOLUTE_MS)),
  );
  if (started.deviceToken) {
    reply.setCookie(cookies.device, started.deviceToken, cookieOptions(cookies, seconds(TRUSTED_DEVICE_MS)));
  }
  reply.clearCookie(cookies.preAuth, cookieOptions(cookies));
}

export function setPreAuthCookie(reply: FastifyReply, cookies: AuthCookies, token: string): void {
  reply.setCookie(cookies.preAuth, token, cookieOptions(cookies, seconds(PRE_AUTH_MS)));
}

export function setRegistrationCookie(reply: FastifyReply, cookies: AuthCookies, token: string): void {
  reply.setCookie(cookies.registration, token, cookieOptions(cookies, seconds(REGISTRATION_MS)));
}

export function setPasskeyCookie(reply: FastifyReply, cookies: AuthCookies, token: string): void {
  reply.setCookie(cookies.passkey, token, cookieOptions(cookies, seconds(PASSKEY_CHALLENGE_MS)));
}

export function clearCookie(reply: FastifyReply, cookies: AuthCookies, name: string): void {
  reply.clearCookie(name, cookieOptions(cookies));
}
