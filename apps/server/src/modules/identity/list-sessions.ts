import type { SessionList } from '@marque/contracts';
import type { Principal } from '../../platform/http/access.ts';
import type { IdentityDeps } from './deps.ts';
import { listLiveSessions } from './repo.ts';
import { SESSION_IDLE_MS } from './session-token.ts';

/** The user's signed-in devices (ASVS 7.4.3): live sessions only, the current one marked. */
export async function listSessions(
  deps: Pick<IdentityDeps, 'db' | 'now'>,
  principal: Principal,
): Promise<SessionList> {
  const now = deps.now();
  const rows = await listLiveSessions(deps.db, principal.userId, now);
  const data = rows
    .filter((s) => now.getTime() - s.lastSeenAt.getTime() < SESSION_IDLE_MS)
    .map((s) => ({
      id: s.publicId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
      current: s.id === principal.sessionId,
    }));
  return { data, nextCursor: null };
}
