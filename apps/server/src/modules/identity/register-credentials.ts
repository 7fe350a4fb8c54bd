import { ConflictError, ValidationError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/access.ts';
import { findCustomerNames } from '../customers/index.ts';
import { audit, type IdentityDeps } from './deps.ts';
import {
  EMAIL_CODE_MAX_ATTEMPTS,
  EMAIL_CODE_TTL_MS,
  emailCodeDigest,
  newEmailCode,
  sameDigest,
} from './one-time-code.ts';
import { hashPassword } from './password.ts';
import { assertAcceptablePassword } from './password-policy.ts';
import {
  countRegistrationCodeFailure,
  type RegistrationRow,
  updateRegistration,
} from './registration-repo.ts';
import { requireRegistrationStep } from './registration-state.ts';
import { findUserByEmail, findUserById, findUserOfCustomer, insertUser, updateUser } from './repo.ts';

/**
 * Registration step 2: e-mail and password for the matched customer. The user is created as
 * `pending` (it cannot sign in) and a code is e-mailed to prove the address.
 */
export async function registerCredentials(
  deps: IdentityDeps,
  ctx: RequestContext,
  token: string | undefined,
  input: { email: string; password: string },
): Promise<void> {
  const registration = await requireRegistrationStep(deps, token, 'identity_verified');
  const existing = await findUserOfCustomer(deps.db, registration.customerId);
  if (existing && existing.status !== 'pending') {
    throw new ConflictError(
      'already_registered',
      'You already have an account. Sign in, or use a recovery code if you lost your authenticator.',
    );
  }
  const holder = await findUserByEmail(deps.db, input.email);
  if (holder && holder.id !== existing?.id) {
    throw new ConflictError(
      'email_in_use',
      'This e-mail address belongs to another account. Use another one.',
    );
  }
  const names = await findCustomerNames(deps.db, registration.customerId);
  assertAcceptablePassword(input.password, {
    email: input.email,
    names: [names?.firstName, names?.lastName],
    brand: [deps.brandName],
  });
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  let userId = existing?.id;
  if (userId) {
    await updateUser(deps.db, userId, { email: input.email, passwordHash, passwordChangedAt: now });
  } else {
    const user = await insertUser(deps.db, {
      email: input.email,
      passwordHash,
      passwordChangedAt: now,
      role: 'customer',
      displayName: `${names?.firstName ?? ''} ${names?.lastName ?? ''}`.trim(),
      customerId: registration.customerId,
      status: 'pending',
    });
    userId = user.id;
  }
  await updateRegistration(deps.db, registration.id, { userId, emailVerifiedAt: null });
  await audit(deps, ctx, { action: 'registration.credentials', outcome: 'success', actorUserId: userId });
  await sendRegistrationCode(deps, ctx, { ...registration, userId }, input.email);
}

/** E-mails (or re-sends) the address verification code, rate-limited like every code. */
export async function sendRegistrationCode(
  deps: IdentityDeps,
  ctx: RequestContext,
  registration: RegistrationRow,
  email: string,
): Promise<void> {
  await deps.throttle.consume('code_send', { account: `registration:${registration.id}`, ip: ctx.ip });
  const code = newEmailCode();
  await updateRegistration(deps.db, registration.id, {
    emailCodeHash: emailCodeDigest(deps.cipher, code, `registration:${registration.id}`),
    emailCodeExpiresAt: new Date(deps.now().getTime() + EMAIL_CODE_TTL_MS),
    emailCodeAttempts: 0,
  });
  await deps.mailer.send({
    to: email,
    subject: `Confirm your e-mail address for ${deps.brandName}`,
    text: `Your code to confirm this e-mail address is ${code}. It expires in 10 minutes.`,
    category: 'email_verification',
  });
}

export async function resendRegistrationCode(
  deps: IdentityDeps,
  ctx: RequestContext,
  token: string | undefined,
): Promise<void> {
  const registration = await requireRegistrationStep(deps, token, 'credentials');
  const user = registration.userId ? await findUserById(deps.db, registration.userId) : undefined;
  if (user) await sendRegistrationCode(deps, ctx, registration, user.email);
}

/** Registration step 3: the e-mailed code proves the address. Five wrong tries kill the code. */
export async function verifyRegistrationEmail(
  deps: IdentityDeps,
  ctx: RequestContext,
  token: string | undefined,
  code: string,
): Promise<void> {
  const registration = await requireRegistrationStep(deps, token, 'credentials');
  await deps.throttle.consume('code_verify', { account: `registration:${registration.id}`, ip: ctx.ip });
  const now = deps.now();
  const fresh =
    registration.emailCodeExpiresAt !== null &&
    registration.emailCodeExpiresAt.getTime() > now.getTime() &&
    registration.emailCodeAttempts < EMAIL_CODE_MAX_ATTEMPTS;
  const digest = emailCodeDigest(deps.cipher, code, `registration:${registration.id}`);
  if (!fresh || !sameDigest(registration.emailCodeHash, digest)) {
    await countRegistrationCodeFailure(deps.db, registration.id);
    throw ValidationError.field(
      'code',
      'invalid_code',
      'That code is not right or has expired. Ask for a new one.',
    );
  }
  await updateRegistration(deps.db, registration.id, { emailVerifiedAt: now, emailCodeHash: null });
  if (registration.userId) await updateUser(deps.db, registration.userId, { emailVerifiedAt: now });
}
