import { ROLES } from '@marque/contracts';
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from '../customers/tables.ts';
import { dealers } from '../dealers/tables.ts';

/**
 * pending: a customer mid-registration; invited: staff or dealer user who has not accepted
 * their invitation yet. Only `active` users can sign in.
 */
export const USER_STATUSES = ['pending', 'invited', 'active', 'disabled'] as const;

const ts = (name: string) => timestamp(name, { withTimezone: true });
const userRef = (name: string) =>
  bigint(name, { mode: 'number' })
    .notNull()
    .references(() => users.id);

/** A person who signs in: a customer (linked to their customer record), dealer staff or lender staff. */
export const users = pgTable(
  'users',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    email: text('email').notNull().unique(), // stored lower-cased
    // Null until an invited user chooses one.
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull(),
    displayName: text('display_name').notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
    dealerId: bigint('dealer_id', { mode: 'number' }).references(() => dealers.id),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastLoginAt: ts('last_login_at'),
    emailVerifiedAt: ts('email_verified_at'),
    passwordChangedAt: ts('password_changed_at'),
  },
  // A customer's logins (notices, statements, e-mail): without it, a scan of every user.
  (t) => [index('users_customer').on(t.customerId).where(sql`${t.customerId} is not null`)],
);

/** Server-side sessions: the cookie holds a 256-bit random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    userId: userRef('user_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** How the session began: totp, recovery_code, email, remembered_device, registration. */
    authMethod: text('auth_method'),
    /** The last second-factor proof (login or step-up): sensitive changes need it within 5 minutes. */
    secondFactorAt: ts('second_factor_at'),
  },
  (t) => [index('sessions_user_id').on(t.userId)],
);

/**
 * TOTP authenticators. A row without confirmed_at is an enrolment in progress; confirming it
 * replaces the previous one. The seed is encrypted (FieldCipher, AAD "totp_authenticators.secret");
 * last_time_step makes each code single-use (ASVS 6.5.1).
 */
export const totpAuthenticators = pgTable(
  'totp_authenticators',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef('user_id'),
    secretEnc: text('secret_enc').notNull(),
    lastTimeStep: bigint('last_time_step', { mode: 'number' }),
    createdAt: ts('created_at').notNull(),
    confirmedAt: ts('confirmed_at'),
  },
  (t) => [index('totp_authenticators_user_id').on(t.userId)],
);

/** Ten single-use recovery codes per user, stored as argon2id hashes (salted). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef('user_id'),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('recovery_codes_user_id').on(t.userId)],
);

/**
 * A second-factor challenge: after the password (purpose login, or enrol when the user has no
 * MFA yet; behind the pre-auth cookie, whose token hash is stored) or for a step-up inside a
 * session (purpose step_up, bound to session_id). An e-mailed code is bound to its challenge.
 */
export const authChallenges = pgTable(
  'auth_challenges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text('token_hash').unique(),
    userId: userRef('user_id'),
    sessionId: bigint('session_id', { mode: 'number' }).references(() => sessions.id),
    purpose: text('purpose', { enum: ['login', 'enrol', 'step_up'] }).notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    emailCodeHash: text('email_code_hash'),
    emailCodeExpiresAt: ts('email_code_expires_at'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    completedAt: ts('completed_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('auth_challenges_session_id').on(t.sessionId)],
);

/**
 * Passkeys (WebAuthn credentials). The public key (COSE, base64url) is not a secret; the
 * authenticator's signature counter is kept so a cloned authenticator that replays an older
 * counter is refused. A user-verified passkey is MFA on its own (NIST 800-63B AAL2).
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    userId: userRef('user_id'),
    /** The credential ID the authenticator chose, base64url: how an assertion names its key. */
    credentialId: text('credential_id').notNull().unique(),
    publicKey: text('public_key').notNull(),
    signCount: bigint('sign_count', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default([]),
    name: text('name').notNull(),
    /** multiDevice (synced) or singleDevice, and whether it is backed up now. */
    deviceType: text('device_type').notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [index('passkeys_user_id').on(t.userId)],
);

/**
 * A WebAuthn challenge, issued by the server and used at most once within minutes. It is bound
 * to where it was issued: a passkey sign-in cookie (sign_in, no user yet), the pre-auth challenge
 * after the password (second_factor) or a session (register), so a challenge from one browser
 * or step is worthless in another.
 */
export const passkeyChallenges = pgTable(
  'passkey_challenges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    challenge: text('challenge').notNull().unique(),
    purpose: text('purpose', { enum: ['sign_in', 'second_factor', 'register'] }).notNull(),
    /** sign_in: SHA-256 of the passkey cookie's token. */
    tokenHash: text('token_hash'),
    authChallengeId: bigint('auth_challenge_id', { mode: 'number' }).references(() => authChallenges.id),
    sessionId: bigint('session_id', { mode: 'number' }).references(() => sessions.id),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('passkey_challenges_expires_at').on(t.expiresAt)],
);

/** "Remember this device" for MFA: at most 30 days, a random token in a cookie, stored hashed. */
export const trustedDevices = pgTable(
  'trusted_devices',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    userId: userRef('user_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
    userAgent: text('user_agent'),
  },
  (t) => [index('trusted_devices_user_id').on(t.userId)],
);

/**
 * A customer's registration in progress, behind the registration cookie. Each step stamps its
 * column; a step runs only when the previous one is stamped (ASVS 2.3.1).
 */
export const registrations = pgTable('registrations', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
  identityVerifiedAt: ts('identity_verified_at'),
  userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
  emailCodeHash: text('email_code_hash'),
  emailCodeExpiresAt: ts('email_code_expires_at'),
  emailCodeAttempts: integer('email_code_attempts').notNull().default(0),
  emailVerifiedAt: ts('email_verified_at'),
  totpConfirmedAt: ts('totp_confirmed_at'),
  completedAt: ts('completed_at'),
});

/** Staff and dealer invitations: a one-time link that expires; only the token's hash is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef('user_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdByUserId: userRef('created_by_user_id'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('invitations_user_id').on(t.userId)],
);

// Recovery, e-mail change and alert preferences live in their own file.
export * from './self-service-tables.ts';
