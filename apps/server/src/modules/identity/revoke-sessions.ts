import { NotFoundError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { revokeSessionOfUser, revokeSessionsOfUser } from './repo.ts';

/** Signs one of the user's own devices out; another user's session ID answers 404 (BOLA). */
export async function revokeOwnSession(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  sessionPublicId: string,
): Promise<void> {
  const revoked = await revokeSessionOfUser(deps.db, principal.userId, sessionPublicId, deps.now());
  if (revoked.length === 0) throw new NotFoundError('session');
  await audit(deps, ctx, { action: 'session.revoke', outcome: 'success', actorUserId: principal.userId });
}

/** "Sign out everywhere else": every session of the user but this one. */
export async function revokeOtherSessions(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
): Promise<{ revoked: number }> {
  const revoked = await revokeSessionsOfUser(deps.db, principal.userId, deps.now(), principal.sessionId);
  await audit(deps, ctx, {
    action: 'session.revoke_others',
    outcome: 'success',
    actorUserId: principal.userId,
    details: { revoked },
  });
  return { revoked };
}
