import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contracts } from '../contracts/index.ts';
import { paymentMethods } from './tables.ts';

export const PAYMENT_STATUSES = [
  'scheduled',
  'pending',
  'submitted',
  'settled',
  'completed',
  'returned',
  'canceled',
  'failed',
] as const;
export type PaymentStatusValue = (typeof PAYMENT_STATUSES)[number];

/**
 * A customer payment on a contract. The money itself lives in the ledger: `entry_id` is the
 * journal entry that applied it (with its split copied here for display), `reversal_entry_id`
 * the one that took it back on a return.
 */
export const payments = pgTable(
  'payments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    confirmationNumber: text('confirmation_number').notNull().unique(),
    contractId: bigint('contract_id', { mode: 'number' })
      .notNull()
      .references(() => contracts.id),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    paymentMethodId: bigint('payment_method_id', { mode: 'number' })
      .notNull()
      .references(() => paymentMethods.id),
    /** Copied at creation, like the label: what the customer chose stays readable after removal. */
    paymentMethodPublicId: text('payment_method_public_id').notNull(),
    methodType: text('method_type', { enum: ['bank_account', 'card'] }).notNull(),
    methodLabel: text('method_label').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    principalOnly: boolean('principal_only').notNull().default(false),
    channel: text('channel', { enum: ['web', 'autopay', 'ops'] }).notNull(),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    scheduledFor: date('scheduled_for', { mode: 'string' }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }),
    entryId: bigint('entry_id', { mode: 'number' }),
    reversalEntryId: bigint('reversal_entry_id', { mode: 'number' }),
    splitFeesCents: bigint('split_fees_cents', { mode: 'number' }),
    splitInterestCents: bigint('split_interest_cents', { mode: 'number' }),
    splitPrincipalCents: bigint('split_principal_cents', { mode: 'number' }),
    splitUnappliedCents: bigint('split_unapplied_cents', { mode: 'number' }),
    towardInstallmentsCents: bigint('toward_installments_cents', { mode: 'number' }).notNull().default(0),
    processorReference: text('processor_reference'),
    achTraceNumber: text('ach_trace_number'),
    achFileId: text('ach_file_id'),
    returnCode: text('return_code'),
    createdByUserId: bigint('created_by_user_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
  },
  (t) => [
    index('payments_contract').on(t.contractId, t.createdAt),
    /** A journal line's payment (transaction lists, statements): without these, a scan of payments. */
    index('payments_entry').on(t.entryId).where(sql`${t.entryId} is not null`),
    index('payments_reversal_entry').on(t.reversalEntryId).where(sql`${t.reversalEntryId} is not null`),
    index('payments_due').on(t.scheduledFor).where(sql`${t.status} = 'scheduled'`),
    index('payments_to_send')
      .on(t.effectiveDate)
      .where(sql`${t.status} = 'pending' and ${t.methodType} = 'bank_account'`),
    uniqueIndex('payments_ach_trace').on(t.achTraceNumber).where(sql`${t.achTraceNumber} is not null`),
    check('payments_amount_positive', sql`${t.amountCents} > 0`),
  ],
);

/**
 * ACH files sent and received. A returns file is recognised by its fingerprint, so importing
 * the same file twice changes nothing.
 */
export const achFiles = pgTable(
  'ach_files',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    publicId: text('public_id').notNull().unique(),
    kind: text('kind', { enum: ['origination', 'returns'] }).notNull(),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    fileIdModifier: text('file_id_modifier'),
    entryCount: bigint('entry_count', { mode: 'number' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('ach_files_fingerprint').on(t.kind, t.fingerprint)],
);
