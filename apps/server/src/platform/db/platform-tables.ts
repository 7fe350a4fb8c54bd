import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

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
