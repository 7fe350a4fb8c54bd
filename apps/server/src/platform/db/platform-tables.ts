import { sql } from 'drizzle-orm';
import { check, date, pgTable, smallint, timestamp } from 'drizzle-orm/pg-core';

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
