import type { UserListQuery, UserSummary } from '@marque/contracts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { findUserByPublicId, listUsers, revokeSessionsOfUser, type UserRow, updateUser } from './repo.ts';
import { signOutEverywhere } from './self-service-repo.ts';

export function toUserSummary(user: UserRow): UserSummary {
  return {
    id: user.publicId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    status: user.status,
    createdAt: user.createdAt.toISOString(),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  };
}

/** Users in creation order, cursor-paginated by public id, filtered by roles and status. */
export async function listAllUsers(
  deps: Pick<IdentityDeps, 'db'>,
  input: UserListQuery,
): Promise<{ data: UserSummary[]; nextCursor: string | null }> {
  const after = input.cursor ? await findUserByPublicId(deps.db, input.cursor) : undefined;
  const roles = input.role === undefined ? undefined : [input.role].flat();
  const rows = await listUsers(deps.db, input.limit + 1, after?.id ?? null, { roles, status: input.status });
  const page = rows.slice(0, input.limit);
  return {
    data: page.map(toUserSummary),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.publicId ?? null) : null,
  };
}

async function targetUser(deps: IdentityDeps, publicId: string): Promise<UserRow> {
  const user = await findUserByPublicId(deps.db, publicId);
  if (!user) throw new NotFoundError('user');
  return user;
}

/** Disabling a user ends every session at once (ASVS 7.4.2) and forgets remembered devices. */
export async function disableUser(
  deps: IdentityDeps,
  ctx: RequestContext,
  admin: Principal,
  publicId: string,
): Promise<UserSummary> {
  const user = await targetUser(deps, publicId);
  if (user.id === admin.userId)
    throw new ConflictError('cannot_disable_self', 'You cannot disable your own account.');
  const now = deps.now();
  await updateUser(deps.db, user.id, { status: 'disabled' });
  const revoked = await signOutEverywhere(deps.db, user.id, now);
  await audit(deps, ctx, {
    action: 'user.disable',
    outcome: 'success',
    actorUserId: admin.userId,
    subjectUserId: user.id,
    details: { sessionsRevoked: revoked },
  });
  return toUserSummary({ ...user, status: 'disabled' });
}

export async function enableUser(
  deps: IdentityDeps,
  ctx: RequestContext,
  admin: Principal,
  publicId: string,
): Promise<UserSummary> {
  const user = await targetUser(deps, publicId);
  if (user.status !== 'disabled') return toUserSummary(user);
  await updateUser(deps.db, user.id, { status: 'active' });
  await audit(deps, ctx, {
    action: 'user.enable',
    outcome: 'success',
    actorUserId: admin.userId,
    subjectUserId: user.id,
  });
  return toUserSummary({ ...user, status: 'active' });
}

/** Ends every session of one user (ASVS 7.4.5) without disabling them. */
export async function endUserSessions(
  deps: IdentityDeps,
  ctx: RequestContext,
  admin: Principal,
  publicId: string,
): Promise<{ revoked: number }> {
  const user = await targetUser(deps, publicId);
  const revoked = await revokeSessionsOfUser(deps.db, user.id, deps.now(), null);
  await audit(deps, ctx, {
    action: 'user.end_sessions',
    outcome: 'success',
    actorUserId: admin.userId,
    subjectUserId: user.id,
    details: { revoked },
  });
  return { revoked };
}
