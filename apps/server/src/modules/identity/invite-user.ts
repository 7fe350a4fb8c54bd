import type { InviteUserRequest } from '@marque/contracts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import type { Principal, RequestContext } from '../../platform/http/access.ts';
import { findDealerByPublicId } from '../dealers/index.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { insertInvitation } from './registration-repo.ts';
import { findUserByEmail, insertUser, type UserRow } from './repo.ts';
import { retireInvitations } from './self-service-repo.ts';
import { hashOpaqueToken, INVITATION_MS, newOpaqueToken } from './session-token.ts';

const DEALER_ROLES = new Set(['dealer_user', 'dealer_admin']);

/**
 * An admin invites a staff or dealer user: the user exists as `invited` (no password, no MFA)
 * and gets a one-time link, valid 72 hours. The token travels in the link's fragment, so it
 * never reaches a server log; only its hash is stored.
 */
export async function inviteUser(
  deps: IdentityDeps,
  ctx: RequestContext,
  admin: Principal,
  input: InviteUserRequest,
): Promise<UserRow> {
  let dealerId: number | null = null;
  if (DEALER_ROLES.has(input.role)) {
    const dealer = input.dealerId ? await findDealerByPublicId(deps.db, input.dealerId) : undefined;
    if (!dealer)
      throw ValidationError.field('dealerId', 'required', 'Choose the dealer this user works for.');
    dealerId = dealer.id;
  }
  if (await findUserByEmail(deps.db, input.email)) {
    throw new ConflictError('email_in_use', 'A user with this e-mail address exists already.');
  }
  const user = await insertUser(deps.db, {
    email: input.email,
    passwordHash: null,
    role: input.role,
    displayName: input.displayName,
    dealerId,
    status: 'invited',
  });
  await issueInvitation(deps, admin, user, 'invite');
  await audit(deps, ctx, {
    action: 'user.invite',
    outcome: 'success',
    actorUserId: admin.userId,
    subjectUserId: user.id,
    details: { role: input.role },
  });
  return user;
}

const INVITATION_TEXT = {
  invite: (admin: string, brand: string) =>
    `${admin} invited you to ${brand}. Choose your password and set up your authenticator app here`,
  reset: (admin: string, brand: string) =>
    `${admin} reset your access to ${brand}: your password and authenticator app were removed and ` +
    'every session was ended. Choose a new password and set up your authenticator app again here',
};

/**
 * Sends a one-time setup link (72 hours) to an invited user: after an invitation, or after an
 * admin reset their access. Earlier unused links of the user stop working.
 */
export async function issueInvitation(
  deps: IdentityDeps,
  admin: Principal,
  user: UserRow,
  reason: keyof typeof INVITATION_TEXT,
): Promise<void> {
  const token = newOpaqueToken();
  const now = deps.now();
  await retireInvitations(deps.db, user.id, now);
  await insertInvitation(deps.db, {
    userId: user.id,
    tokenHash: hashOpaqueToken(token),
    createdByUserId: admin.userId,
    now,
    expiresAt: new Date(now.getTime() + INVITATION_MS),
  });
  await deps.mailer.send({
    to: user.email,
    subject:
      reason === 'invite'
        ? `You are invited to ${deps.brandName}`
        : `Set up your ${deps.brandName} access again`,
    text:
      `${INVITATION_TEXT[reason](admin.displayName, deps.brandName)} (the link works once, for 72 hours):` +
      `\n\n${deps.publicOrigin}/invitation#token=${token}`,
    category: 'invitation',
  });
}
