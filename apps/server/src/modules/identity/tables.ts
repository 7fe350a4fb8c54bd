import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { customers } from '../customers/tables.ts';
import { dealers } from '../dealers/tables.ts';

export const ROLES = [
  'customer',
  'dealer_user',
  'dealer_admin',
  'underwriter',
  'agent',
  'supervisor',
  'analyst',
  'admin',
] as const;

/** A person who signs in: a customer (linked to their customer record), dealer staff or lender staff. */
export const users = pgTable('users', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  publicId: text('public_id').notNull().unique(),
  email: text('email').notNull().unique(), // stored lower-cased
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  displayName: text('display_name').notNull(),
  customerId: bigint('customer_id', { mode: 'number' }).references(() => customers.id),
  dealerId: bigint('dealer_id', { mode: 'number' }).references(() => dealers.id),
  status: text('status', { enum: ['active', 'disabled'] })
    .notNull()
    .default('active'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

/** Server-side sessions: the cookie holds a 256-bit random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id').on(t.userId)],
);
