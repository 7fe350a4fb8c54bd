import type { RequestContext } from '../../platform/http/access.ts';
import { describeAgent, sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { insertTrustedDevice } from './mfa-repo.ts';
import { hasSessionFromAgent, insertSession, recordLogin, type UserRow } from './repo.ts';
import {
  hashOpaqueToken,
  hashSessionToken,
  newOpaqueToken,
  newSessionToken,
  SESSION_ABSOLUTE_MS,
  TRUSTED_DEVICE_MS,
} from './session-token.ts';

export interface StartedSession {
  sessionToken: string;
  /** Set when the user asked to remember this device: goes into the device cookie. */
  deviceToken: string | null;
}

/**
 * Every successful sign-in ends here: a new session token (ASVS 7.2.4: never a token that
 * existed before the login), an optional remembered device, the audit event, and an alert
 * when the browser has not signed in to this account before.
 */
export async function startSession(
  deps: IdentityDeps,
  ctx: RequestContext,
  user: UserRow,
  options: { authMethod: string; secondFactor: boolean; rememberDevice?: boolean },
): Promise<StartedSession> {
  const now = deps.now();
  const knownAgent = await hasSessionFromAgent(deps.db, user.id, ctx.userAgent);
  const sessionToken = newSessionToken();
  await insertSession(deps.db, {
    userId: user.id,
    tokenHash: hashSessionToken(sessionToken),
    now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    authMethod: options.authMethod,
    secondFactorAt: options.secondFactor ? now : null,
  });
  await recordLogin(deps.db, user.id, now);
  let deviceToken: string | null = null;
  if (options.rememberDevice) {
    deviceToken = newOpaqueToken();
    await insertTrustedDevice(deps.db, {
      userId: user.id,
      tokenHash: hashOpaqueToken(deviceToken),
      now,
      expiresAt: new Date(now.getTime() + TRUSTED_DEVICE_MS),
      userAgent: ctx.userAgent,
    });
  }
  await audit(deps, ctx, {
    action: 'auth.login',
    outcome: 'success',
    actorUserId: user.id,
    details: { method: options.authMethod, rememberedDevice: Boolean(deviceToken) },
  });
  if (!knownAgent && user.lastLoginAt) {
    await sendSecurityAlert(deps, user, {
      kind: 'new_device_sign_in',
      title: 'New sign-in to your account',
      body: `Your account was signed in to from ${describeAgent(ctx.userAgent)} (IP ${ctx.ip ?? 'unknown'}) at ${now.toISOString()}.`,
    });
  }
  return { sessionToken, deviceToken };
}
