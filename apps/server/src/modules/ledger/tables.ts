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

export const ENTRY_KINDS = [
  'opening_balance',
  'accrual',
  'payment',
  'fee',
  'settlement',
  'reversal',
  'adjustment',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/**
 * A journal entry: one balanced money movement. Immutable (a trigger rejects UPDATE and
 * DELETE, see the migration) and checked balanced at commit by a deferred constraint trigger.
 * `effective_date` is when the money counts for interest; `booking_date` is the business date
 * it was recorded on. A correction is a new entry with `reverses_entry_id` set.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Opaque id shown to customers (transaction lists, CSV); random, so not indexed. */
    publicId: text('public_id').notNull().default(sql`'jnl_' || replace(gen_random_uuid()::text, '-', '')`),
    contractId: bigint('contract_id', { mode: 'number' }).references(() => contracts.id),
    kind: text('kind', { enum: ENTRY_KINDS }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    bookingDate: date('booking_date', { mode: 'string' }).notNull(),
    /** For accruals: the span of days the interest covers, (from, to]. */
    accrualFrom: date('accrual_from', { mode: 'string' }),
    /** What caused it (`payment:pay_...`, `cob:2026-11-24`), for tracing and idempotent steps. */
    source: text('source'),
    description: text('description').notNull(),
    reversesEntryId: bigint('reverses_entry_id', { mode: 'number' }),
    /**
     * Payments only: applied to principal alone (no waterfall, no installment credit). Kept on
     * the entry so a backdated payment's replay can re-apply it the same way.
     */
    principalOnly: boolean('principal_only').notNull().default(false),
    /**
     * A payment re-applied by a backdated payment's replay: the payment entry it takes the
     * place of (reversed in the same replay). The transactions view shows only the newest.
     */
    replacesEntryId: bigint('replaces_entry_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('journal_entries_contract').on(t.contractId, t.effectiveDate),
    index('journal_entries_source').on(t.source),
    // An entry is reversed at most once.
    uniqueIndex('journal_entries_reverses')
      .on(t.reversesEntryId)
      .where(sql`${t.reversesEntryId} is not null`),
    // A payment entry is replaced at most once (it is reversed by the same replay).
    uniqueIndex('journal_entries_replaces')
      .on(t.replacesEntryId)
      .where(sql`${t.replacesEntryId} is not null`),
    check(
      'journal_entries_kind',
      sql`${t.kind} in ('opening_balance', 'accrual', 'payment', 'fee', 'settlement', 'reversal', 'adjustment')`,
    ),
  ],
);

/**
 * One line of an entry: a signed amount (debit positive, credit negative) on an account.
 * Contract sub-ledger accounts carry the contract; lender GL accounts may carry it too, so a
 * contract's cash in transit can be traced.
 */
export const postings = pgTable(
  'postings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entryId: bigint('entry_id', { mode: 'number' })
      .notNull()
      .references(() => journalEntries.id),
    contractId: bigint('contract_id', { mode: 'number' }),
    account: text('account').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('postings_entry').on(t.entryId),
    index('postings_contract_account').on(t.contractId, t.account),
    check('postings_nonzero', sql`${t.amountCents} <> 0`),
  ],
);
