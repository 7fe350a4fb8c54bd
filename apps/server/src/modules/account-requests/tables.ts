import type { AccountRequestQuote } from '@marque/contracts';
import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/index.ts';
import { customers } from '../customers/index.ts';
import { users } from '../identity/index.ts';

/**
 * A customer's request to change how their loan is paid (due-date change, payment extension),
 * with the cost quoted when it was made. An approval is recorded here for servicing to apply;
 * it does not change the contract or move money by itself.
 */
export const accountRequests = pgTable(
  'account_requests',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id),
    requestedByUserId: bigint('requested_by_user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['due_date_change', 'extension'] }).notNull(),
    status: text('status', { enum: ['pending', 'approved', 'denied'] })
      .notNull()
      .default('pending'),
    quote: jsonb('quote').$type<AccountRequestQuote>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: bigint('decided_by_user_id', { mode: 'number' }).references(() => users.id),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('account_requests_contract_id').on(t.contractId),
    index('account_requests_status').on(t.status, t.createdAt),
    check('account_requests_decided', sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
  ],
);
