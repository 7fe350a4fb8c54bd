import { ConflictError, UnauthenticatedError, ValidationError } from '../../platform/errors.ts';
import { type Principal, type RequestContext, requireRecentStepUp } from '../../platform/http/access.ts';
import { updateCustomerContact } from '../customers/index.ts';
import { sendSecurityAlert } from './alerts.ts';
import { audit, type IdentityDeps } from './deps.ts';
import { EMAIL_CODE_TTL_MS, emailCodeDigest, newEmailCode, sameDigest } from './one-time-code.ts';
import { findUserByEmail, findUserById, type UserRow, updateUser } from './repo.ts';
import {
  completeEmailChange,
  countEmailChangeFailure,
  findOpenEmailChange,
  insertEmailChange,
  setEmailChangeCode,
} from './self-service-repo.ts';

/**
 * An address that another user signs in with is refused with one neutral answer: it does not
 * say whose it is or why, only after a fresh step-up, and after the per-account code-sending
 * throttle (5 per 15 minutes), so a signed-in user cannot sweep addresses to learn who has an
 * account. Not refusing would only move the "taken" answer to the verify step (the unique
 * address cannot be switched), and leave the person waiting for a change that cannot happen.
 */
const unavailable = () =>
  new ConflictError('email_unavailable', 'This e-mail address cannot be used. Choose another one.');

async function currentUser(deps: IdentityDeps, principal: Principal): Promise<UserRow> {
  const user = await findUserById(deps.db, principal.userId);
  if (user?.status !== 'active') throw new UnauthenticatedError();
  return user;
}

/**
 * E-mail change, first step (ASVS 7.5.1: a step-up in the last 5 minutes): a code goes to the
 * NEW address, which proves the person can read it. The sign-in address changes only then.
 */
export async function startEmailChange(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  newEmail: string,
): Promise<{ status: 'code_sent'; expiresInSeconds: number }> {
  requireRecentStepUp(principal, deps.now());
  const user = await currentUser(deps, principal);
  if (newEmail === user.email) {
    throw ValidationError.field('newEmail', 'same_email', 'This is already your e-mail address.');
  }
  await deps.throttle.consume('code_send', { account: `user:${user.id}`, ip: ctx.ip });
  if (await findUserByEmail(deps.db, newEmail)) {
    await audit(deps, ctx, {
      action: 'email_change.start',
      outcome: 'failure',
      actorUserId: user.id,
      details: { reason: 'address_in_use' },
    });
    throw unavailable();
  }
  const now = deps.now();
  const change = await insertEmailChange(deps.db, {
    userId: user.id,
    newEmail,
    now,
    expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS),
  });
  const code = newEmailCode();
  await setEmailChangeCode(
    deps.db,
    change.id,
    emailCodeDigest(deps.cipher, code, `email_change:${change.id}`),
  );
  await deps.mailer.send({
    to: newEmail,
    subject: `Confirm your new e-mail address for ${deps.brandName}`,
    text:
      `Your code to confirm this address for your ${deps.brandName} account is ${code}. ` +
      'It expires in 10 minutes. If you did not ask for this, ignore this message.',
    category: 'email_verification',
  });
  await audit(deps, ctx, { action: 'email_change.start', outcome: 'success', actorUserId: user.id });
  return { status: 'code_sent', expiresInSeconds: EMAIL_CODE_TTL_MS / 1000 };
}

/**
 * E-mail change, second step: the code from the new address switches the sign-in address (and
 * the customer record's). Both the old and the new address are told (ASVS 6.2.x alerting), and
 * so is the inbox.
 */
export async function verifyEmailChange(
  deps: IdentityDeps,
  ctx: RequestContext,
  principal: Principal,
  code: string,
): Promise<{ email: string }> {
  const user = await currentUser(deps, principal);
  await deps.throttle.consume('code_verify', { account: `user:${user.id}`, ip: ctx.ip });
  const now = deps.now();
  const change = await findOpenEmailChange(deps.db, user.id, now);
  const ok =
    change !== undefined &&
    sameDigest(change.codeHash, emailCodeDigest(deps.cipher, code, `email_change:${change.id}`));
  if (!change || !ok) {
    if (change) await countEmailChangeFailure(deps.db, change.id);
    await audit(deps, ctx, { action: 'email_change.verify', outcome: 'failure', actorUserId: user.id });
    throw ValidationError.field('code', 'invalid_code', 'That code is not right or has expired.');
  }
  const holder = await findUserByEmail(deps.db, change.newEmail);
  if (holder && holder.id !== user.id) throw unavailable();
  if (!(await completeEmailChange(deps.db, change.id, now))) {
    throw ValidationError.field('code', 'invalid_code', 'That code is not right or has expired.');
  }
  await updateUser(deps.db, user.id, { email: change.newEmail, emailVerifiedAt: now });
  if (user.customerId) await updateCustomerContact(deps.db, user.customerId, { email: change.newEmail });
  await audit(deps, ctx, { action: 'email_change.complete', outcome: 'success', actorUserId: user.id });
  await sendSecurityAlert(
    deps,
    { id: user.id, email: change.newEmail },
    {
      kind: 'email_changed',
      title: 'Your e-mail address was changed',
      body: `The sign-in e-mail address of your account was changed from ${user.email} to ${change.newEmail} at ${now.toISOString()}.`,
    },
    [user.email],
  );
  return { email: change.newEmail };
}
