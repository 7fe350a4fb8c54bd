import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/index.ts';
import { paymentMethods } from './tables.ts';

export const AUTOPAY_STATUSES = ['active', 'paused', 'stopped', 'suspended'] as const;
export type AutopayStatusValue = (typeof AUTOPAY_STATUSES)[number];

/**
 * Recurring debits a customer authorised (Reg E preauthorised transfers). One live enrolment
 * per contract; edits change it in place, so the customer never has to cancel and re-create.
 * The authorisation they accepted is kept with its text version, time and IP.
 */
export const autopayEnrollments = pgTable(
  'autopay_enrollments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    userId: bigint('user_id', { mode: 'number' }).notNull(),
    paymentMethodId: bigint('payment_method_id', { mode: 'number' })
      .notNull()
      .references(() => paymentMethods.id),
    paymentMethodPublicId: text('payment_method_public_id').notNull(),
    methodLabel: text('method_label').notNull(),
    amountRule: text('amount_rule', { enum: ['amount_due', 'fixed_extra'] }).notNull(),
    extraCents: bigint('extra_cents', { mode: 'number' }).notNull().default(0),
    /** Draft this many days before each due date (0 = on the due date). */
    draftDaysBeforeDue: integer('draft_days_before_due').notNull(),
    status: text('status', { enum: AUTOPAY_STATUSES }).notNull(),
    /** Paused: the one due date whose draft is skipped. */
    skipDueDate: date('skip_due_date', { mode: 'string' }),
    /** The due date the last draft paid toward: one draft per cycle. */
    lastDraftDueDate: date('last_draft_due_date', { mode: 'string' }),
    /** Stopped within three business days of a draft: that last draft still goes. */
    finalDraftDate: date('final_draft_date', { mode: 'string' }),
    suspendedReason: text('suspended_reason'),
    authorizationVersion: text('authorization_version').notNull(),
    authorizationText: text('authorization_text').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    acceptedIp: text('accepted_ip').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('autopay_one_per_contract').on(t.contractId),
    check('autopay_draft_days', sql`${t.draftDaysBeforeDue} between 0 and 10`),
    check('autopay_extra_nonnegative', sql`${t.extraCents} >= 0`),
  ],
);
