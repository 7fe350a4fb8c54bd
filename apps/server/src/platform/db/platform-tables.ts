import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** The lender's business date: one row, advanced only by close of business. */
export const businessDate = pgTable(
  'business_date',
  {
    id: smallint('id').primaryKey().default(1),
    date: date('date', { mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('business_date_single_row', sql`${t.id} = 1`)],
);

/**
 * Rate-limit and failure counters, in the database so every server process shares them.
 * Keys name a scope and a subject (`login:ip:203.0.113.7`, `login:fail:<keyed hash>`); account
 * subjects are keyed hashes, never e-mail addresses.
 */
export const throttleCounters = pgTable('throttle_counters', {
  key: text('key').primaryKey(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
  lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
});

/**
 * Stripe-style idempotency for money-moving POSTs: one row per (scope, key). The row is claimed
 * before the work starts (so a concurrent duplicate sees it and gets 409) and completed with the
 * response in the same transaction as the work (so a stored response always describes committed
 * state). Rows are kept at least 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_at').on(t.createdAt)],
);
