import type { Db } from '../../platform/db/client.ts';
import type { Principal } from '../../platform/http/access.ts';
import { findLiveSession, touchSession } from './repo.ts';
import { hashSessionToken, SESSION_IDLE_MS, SESSION_TOUCH_MS } from './session-token.ts';

/**
 * The session behind a cookie, or null when it is unknown, revoked, idle for 30 minutes,
 * past its 12-hour life, or its user is disabled. Checked on the server with the clock passed in.
 */
export async function resolveSession(
  deps: { db: Db; now: () => Date },
  token: string,
): Promise<Principal | null> {
  if (!token || token.length > 100) return null;
  const found = await findLiveSession(deps.db, hashSessionToken(token));
  if (!found) return null;
  const { session, user } = found;
  const now = deps.now().getTime();
  if (user.status !== 'active') return null;
  if (now >= session.expiresAt.getTime()) return null;
  if (now - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return null;
  if (now - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS)
    await touchSession(deps.db, session.id, deps.now());
  return {
    userId: user.id,
    userPublicId: user.publicId,
    sessionId: session.id,
    sessionPublicId: session.publicId,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    customerId: user.customerId,
    dealerId: user.dealerId,
    secondFactorAt: session.secondFactorAt,
  };
}
