import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './tables.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const userRef = (name: string) =>
  bigint(name, { mode: 'number' })
    .notNull()
    .references(() => users.id);

/**
 * A customer's "forgot password / lost authenticator" attempt, opened only when the identity
 * facts matched and the e-mail was that customer's verified address. The attempt token (handed
 * back to the browser) and the e-mailed code are stored only as hashes; the code is bound to
 * this attempt. It expires after 15 minutes, dies after 5 wrong codes and is used once.
 */
export const accountRecoveries = pgTable(
  'account_recoveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef('user_id'),
    tokenHash: text('token_hash').notNull().unique(),
    codeHash: text('code_hash').notNull(),
    lostAuthenticator: boolean('lost_authenticator').notNull().default(false),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    codeVerifiedAt: ts('code_verified_at'),
    usedAt: ts('used_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('account_recoveries_user_id').on(t.userId)],
);

/** An e-mail change waiting for the code sent to the new address; one open change per user. */
export const emailChanges = pgTable(
  'email_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: userRef('user_id'),
    newEmail: text('new_email').notNull(),
    codeHash: text('code_hash'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    completedAt: ts('completed_at'),
  },
  (t) => [index('email_changes_user_id').on(t.userId)],
);

/**
 * Which security alerts a user wants, per kind and channel ('email' or 'inbox'). Only choices
 * that differ from the default (everything on) are stored; critical e-mails ignore this table.
 * Notification events (payment_confirmation, statement_ready, ...) keep their per-channel
 * choices here too, with 'sms' as a third channel: one store of "what may we send you".
 */
export const alertPreferences = pgTable(
  'alert_preferences',
  {
    userId: userRef('user_id'),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: ['email', 'inbox', 'sms'] }).notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.channel] })],
);
